package dev.parley.load.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.SaltedPasswords;
import dev.parley.load.client.Transport;
import dev.parley.load.report.Results;
import dev.parley.load.report.Summary;
import dev.parley.load.scenario.RunSettings;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * A scenario run from the command line: sets up the client side, runs, prints the JSON result line on standard output
 * (and appends it to {@code --json-out}) and the readable summary on standard error.
 */
abstract class ScenarioCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    abstract ObjectNode run(RunSettings settings) throws InterruptedException;

    @Override
    public Integer call() throws InterruptedException, IOException {
        ObjectNode line;
        try (Transport transport = target.transport(); SaltedPasswords saltedPasswords = new SaltedPasswords()) {
            line = run(target.settings(transport, saltedPasswords));
        }
        if (target.name != null) {
            line.put("name", target.name);
        }
        String json = Results.JSON.writeValueAsString(line);
        System.out.println(json);
        System.out.flush();
        System.err.println(Summary.of(line));
        if (target.jsonOut != null) {
            Files.writeString(Path.of(target.jsonOut), json + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }
}
