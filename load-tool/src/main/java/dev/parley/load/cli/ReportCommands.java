package dev.parley.load.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.report.ComparisonTable;
import dev.parley.load.report.Results;
import dev.parley.load.report.ResultFiles;
import dev.parley.load.report.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Commands over result lines: merging shards' lines, and the side-by-side table. */
final class ReportCommands {
    private ReportCommands() {
    }

    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = "Merges the JSON lines of shards (same label and name) into one line each.")
    static final class Aggregate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files of JSON result lines.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            for (ObjectNode merged : ResultFiles.merged(files)) {
                System.out.println(Results.JSON.writeValueAsString(merged));
                System.err.println(Summary.of(merged));
            }
            return 0;
        }
    }

    @Command(name = "table", mixinStandardHelpOptions = true,
            description = "A Markdown table of every figure for each server, with the baseline's ratio to the others.")
    static final class Table implements Callable<Integer> {
        @Option(names = "--baseline", defaultValue = "parley", description = "The label compared with the others (default ${DEFAULT-VALUE}).")
        String baseline;

        @Option(names = "--labels", split = ",", description = "Labels in column order (default: as found).")
        List<String> labels;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files of JSON result lines.")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            System.out.print(ComparisonTable.render(ResultFiles.merged(files), baseline, labels));
            return 0;
        }
    }
}
