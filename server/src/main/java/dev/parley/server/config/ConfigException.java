package dev.parley.server.config;

/**
 * The configuration cannot be used. The message is written for the person running the server: it names the file, the
 * key path, the line and column, and what would be accepted, and is printed by the CLI as it is.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
