package dev.parley.conformance.sint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging, which SINT and Smack log through, to a file: a suite run logs every stanza error and stack
 * trace, which would bury the summary on the console.
 */
final class SintLogging {

    private SintLogging() {
    }

    static void redirectTo(Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        FileHandler file = new FileHandler(logFile.toString(), false);
        file.setFormatter(new SimpleFormatter());
        file.setLevel(Level.ALL);
        root.addHandler(file);
        root.setLevel(Level.INFO);
    }
}
