package dev.parley.server.admin;

import dev.parley.server.auth.AccountService;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static dev.parley.server.admin.AdminField.Type.TEXT_PRIVATE;
import static dev.parley.server.admin.AdminField.Type.TEXT_SINGLE;

/**
 * {@code add-users}: creates the numbered accounts {@code <prefix><first-index>} to
 * {@code <prefix><first-index + count - 1>} with one password, so that a load test provisions thousands of accounts in
 * one call. Accounts that exist already are left alone and counted, which makes provisioning repeatable. Not part of
 * XEP-0133, which has no bulk command; it is offered on every admin front end like the others.
 */
public final class BulkUserCommands {
    /** Most accounts one call creates: a bound on the work and the time one request may take. */
    public static final int MAX_COUNT = 100_000;
    /**
     * Creations in flight at once. Key derivation runs on the server's bounded crypto pool; a bulk call must neither
     * overflow its queue nor starve logins that share it.
     */
    static final int IN_FLIGHT = 16;

    private BulkUserCommands() {
    }

    public static void registerAll(AdminCommands registry, AccountService accounts, int minPasswordLength) {
        registry.register(new AddUsers(accounts, minPasswordLength));
    }

    private record AddUsers(AccountService accounts, int minPasswordLength) implements AdminCommand {
        @Override
        public String name() {
            return "add-users";
        }

        @Override
        public String title() {
            return "Add Numbered Users";
        }

        @Override
        public List<AdminField> fields() {
            return List.of(
                    AdminField.required("prefix", "The local part before each account's number", TEXT_SINGLE),
                    AdminField.required("count", "How many accounts to add (at most " + MAX_COUNT + ")", TEXT_SINGLE),
                    AdminField.required("password", "The password of every account", TEXT_PRIVATE),
                    AdminField.optional("first-index", "The number of the first account (default 1)", TEXT_SINGLE),
                    AdminField.optional("domain", "The hosted domain (required when several are hosted)",
                            TEXT_SINGLE));
        }

        @Override
        public CompletionStage<AdminResult> execute(AdminArguments arguments) {
            List<Jid> jids;
            String password;
            try {
                int count = number(arguments, "count", 1, MAX_COUNT, null);
                long first = number(arguments, "first-index", 0, Integer.MAX_VALUE - count + 1, 1);
                jids = jids(arguments.text("prefix"), domain(arguments.optionalText("domain")), first, count);
                password = password(arguments.text("password"));
            } catch (AdminCommandException e) {
                return CompletableFuture.failedFuture(e);
            }
            return new Creation(accounts, jids, password).run();
        }

        private String domain(String requested) {
            if (requested == null || requested.isEmpty()) {
                if (accounts.domains().size() != 1) {
                    throw badRequest("'domain' is required: this server hosts " + accounts.domains());
                }
                return accounts.domains().iterator().next();
            }
            if (!accounts.domains().contains(requested)) {
                throw badRequest(requested + " is not a domain this server hosts");
            }
            return requested;
        }

        private String password(String password) {
            if (password.codePointCount(0, password.length()) < minPasswordLength) {
                throw badRequest("The password must have at least " + minPasswordLength + " characters");
            }
            return password;
        }
    }

    private static List<Jid> jids(String prefix, String domain, long first, int count) {
        try {
            // Checking the first and the last name catches a prefix no number can rescue before any work is done.
            Jid.of(prefix + first, domain, null);
            Jid.of(prefix + (first + count - 1), domain, null);
            return LongStream.range(first, first + count)
                    .mapToObj(index -> Jid.of(prefix + index, domain, null)).toList();
        } catch (JidFormatException e) {
            throw badRequest("'" + prefix + "' followed by a number is not a valid local part: " + e.getMessage());
        }
    }

    private static int number(AdminArguments arguments, String var, int min, long max, Integer absent) {
        String text = arguments.optionalText(var);
        if (text == null || text.isEmpty()) {
            if (absent == null) {
                throw badRequest("'" + var + "' is required");
            }
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                throw badRequest("'" + var + "' must be between " + min + " and " + max);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw badRequest("'" + var + "' must be a whole number");
        }
    }

    private static AdminCommandException badRequest(String message) {
        return new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, message);
    }

    /** One call's creations, {@link #IN_FLIGHT} at a time; each finished creation starts the next. */
    private static final class Creation {
        private final AccountService accounts;
        private final List<Jid> jids;
        private final String password;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicInteger created = new AtomicInteger();
        private final CompletableFuture<AdminResult> result = new CompletableFuture<>();

        Creation(AccountService accounts, List<Jid> jids, String password) {
            this.accounts = accounts;
            this.jids = jids;
            this.password = password;
        }

        CompletionStage<AdminResult> run() {
            for (int i = 0; i < Math.min(IN_FLIGHT, jids.size()); i++) {
                startNext();
            }
            return result;
        }

        private void startNext() {
            int index = next.getAndIncrement();
            if (index >= jids.size() || result.isDone()) {
                return;
            }
            CompletionStage<Boolean> creation;
            try {
                creation = accounts.create(jids.get(index), password);
            } catch (RuntimeException e) {
                creation = CompletableFuture.failedFuture(e);
            }
            creation.whenComplete((done, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                    return;
                }
                if (done) {
                    created.incrementAndGet();
                }
                if (finished.incrementAndGet() == jids.size()) {
                    int added = created.get();
                    int existing = jids.size() - added;
                    Map<String, List<String>> values = new LinkedHashMap<>();
                    values.put("created", List.of(Integer.toString(added)));
                    values.put("existing", List.of(Integer.toString(existing)));
                    result.complete(new AdminResult(
                            "Added " + added + " account(s); " + existing + " existed already", values));
                } else {
                    startNext();
                }
            });
        }
    }
}
