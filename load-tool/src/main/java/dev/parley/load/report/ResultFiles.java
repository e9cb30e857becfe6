package dev.parley.load.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads files of JSON result lines and merges the lines of one result (same label and name) from all shards. */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** One merged line per label and name, in the order they first appear. Lines that are not JSON objects are skipped. */
    public static List<ObjectNode> merged(List<Path> files) throws IOException {
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (Path file : files) {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!text.startsWith("{")) {
                    continue;
                }
                JsonNode line = Results.JSON.readTree(text);
                if (line instanceof ObjectNode object && object.has("scenario")) {
                    groups.computeIfAbsent(object.path("label").asText() + "\0" + name(object),
                            key -> new ArrayList<>()).add(object);
                }
            }
        }
        List<ObjectNode> merged = new ArrayList<>();
        groups.values().forEach(lines -> merged.add(Results.merge(lines)));
        return merged;
    }

    /** What a result is called in tables: its {@code name}, or its scenario when it has none. */
    public static String name(JsonNode line) {
        return line.hasNonNull("name") ? line.get("name").asText() : line.path("scenario").asText();
    }
}
