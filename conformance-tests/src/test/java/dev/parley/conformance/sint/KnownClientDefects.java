package dev.parley.conformance.sint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SINT tests that fail now and then because of a race in the Smack release we test with, not because of the server
 * (each entry says which race and where it is fixed upstream). Such a test, when it fails, is run once more on its own;
 * the report keeps the first failure next to the second result. A test not listed here is never re-run.
 *
 * <p>File format: one {@code SimpleClassName.method: why} per line; blank lines and {@code #} comments are ignored.
 */
public record KnownClientDefects(Map<String, String> reasons) {

    public KnownClientDefects {
        reasons = Map.copyOf(reasons);
    }

    public static KnownClientDefects none() {
        return new KnownClientDefects(Map.of());
    }

    public static KnownClientDefects parse(List<String> lines) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("expected 'SimpleClassName.method: why', got: " + entry);
            }
            reasons.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        return new KnownClientDefects(reasons);
    }

    /** The defects listed in {@code file}, or none when there is no such file. */
    public static KnownClientDefects read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readAllLines(file)) : none();
    }

    /** Why {@code method} of {@code testClass} may fail on the client's account, if it is listed. */
    public Optional<String> reason(SintTestClass testClass, String method) {
        return Optional.ofNullable(reasons.get(testClass.type().getSimpleName() + '.' + method));
    }
}
