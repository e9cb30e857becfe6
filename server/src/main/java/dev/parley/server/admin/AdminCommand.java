package dev.parley.server.admin;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * An administrative operation, written once and offered through every admin front end: XEP-0133 ad-hoc commands, the
 * CLI and the local admin interface. Failures complete the stage with an {@link AdminCommandException}.
 */
public interface AdminCommand {
    /** The XEP-0133 node suffix and the front ends' command name, e.g. {@code add-user}. */
    String name();

    String title();

    /** What the command takes. */
    List<AdminField> fields();

    /** What its {@link AdminResult} holds, so that front ends can type and label the values; none by default. */
    default List<AdminField> results() {
        return List.of();
    }

    CompletionStage<AdminResult> execute(AdminArguments arguments);
}
