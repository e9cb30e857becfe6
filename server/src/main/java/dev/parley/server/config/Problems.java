package dev.parley.server.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What is wrong with one configuration source, collected so that a single start attempt reports every problem, each
 * with its line, column and key path.
 */
final class Problems {
    private record Problem(int line, int column, String path, String message) {
        String format(String source) {
            StringBuilder text = new StringBuilder(source);
            if (line > 0) {
                text.append(" line ").append(line).append(", column ").append(column);
            }
            text.append(": ");
            if (path != null) {
                text.append(path).append(": ");
            }
            return text.append(message).toString();
        }
    }

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    /** A problem at a node's position; a null node (a default value) has no position. */
    void add(Node at, String path, String message) {
        add(at == null ? null : at.getStartMark(), path, message);
    }

    void add(Mark mark, String path, String message) {
        // SnakeYAML counts lines and columns from 0; editors and people count from 1.
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        problems.add(new Problem(line, column, path, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    ConfigException toException() {
        List<String> lines = problems.stream()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .map(problem -> problem.format(source))
                .toList();
        if (lines.size() == 1) {
            return new ConfigException(lines.getFirst());
        }
        return new ConfigException(lines.size() + " problems in " + source + ":\n"
                + lines.stream().map(line -> "  " + line).collect(Collectors.joining("\n")));
    }
}
