package dev.parley.server.cli;

/** A command could not do its work for a reason the user can act on; its message is printed as it is, exit code 1. */
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message, null, false, false);
    }
}
