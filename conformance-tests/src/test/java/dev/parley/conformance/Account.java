package dev.parley.conformance;

import java.util.Objects;

/**
 * An existing account on the server under test, by local part (RFC 7622 §3.3) and password.
 *
 * <p>{@link #toString()} never shows the password, so an account can appear in test output.
 */
public record Account(String username, String password) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("username and password must not be empty");
        }
    }

    /** Parses {@code user:password}; the password is everything after the first colon. */
    public static Account parse(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon <= 0 || colon == userColonPassword.length() - 1) {
            throw new IllegalArgumentException("expected user:password, got an entry without both parts");
        }
        return new Account(userColonPassword.substring(0, colon).trim(), userColonPassword.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "Account[" + username + "]";
    }
}
