package dev.parley.server.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** An admin command made of its description and a body; a body's refusal thrown at once fails the stage instead. */
record DefinedCommand(String name, String title, List<AdminField> fields, List<AdminField> results,
                      Function<AdminArguments, CompletionStage<AdminResult>> body) implements AdminCommand {
    DefinedCommand {
        fields = List.copyOf(fields);
        results = List.copyOf(results);
    }

    @Override
    public CompletionStage<AdminResult> execute(AdminArguments arguments) {
        try {
            return body.apply(arguments);
        } catch (AdminCommandException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
