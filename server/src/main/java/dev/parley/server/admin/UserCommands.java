package dev.parley.server.admin;

import dev.parley.server.auth.AccountService;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.parley.server.admin.AdminField.Type.JID_MULTI;
import static dev.parley.server.admin.AdminField.Type.JID_SINGLE;
import static dev.parley.server.admin.AdminField.Type.TEXT_PRIVATE;

/** The account commands of XEP-0133 §4.1-§4.8 that the foundation needs, with XEP-0133's field names. */
public final class UserCommands {
    private UserCommands() {
    }

    public static void registerAll(AdminCommands registry, AccountService accounts, SessionRegistry sessions,
                                   int minPasswordLength) {
        registry.register(command("add-user", "Add a User",
                List.of(AdminField.required("accountjid", "The Jabber ID for the account to be added", JID_SINGLE),
                        AdminField.required("password", "The password for this account", TEXT_PRIVATE),
                        AdminField.optional("password-verify", "Retype password", TEXT_PRIVATE)),
                args -> {
                    Jid jid = account(accounts, args.jid("accountjid"));
                    String password = password(args, minPasswordLength);
                    return accounts.create(jid, password).thenApply(created -> {
                        if (!created) {
                            throw new AdminCommandException(AdminCommandException.Reason.CONFLICT, jid + " already exists");
                        }
                        return AdminResult.of("Added " + jid);
                    });
                }));
        registry.register(command("delete-user", "Delete a User",
                List.of(AdminField.required("accountjids", "The Jabber ID(s) to delete", JID_MULTI)),
                args -> {
                    List<Jid> jids = args.jids("accountjids").stream().map(j -> account(accounts, j)).toList();
                    CompletionStage<Integer> deleted = CompletableFuture.completedFuture(0);
                    for (Jid jid : jids) {
                        deleted = deleted.thenCompose(count -> accounts.delete(jid).thenApply(gone -> {
                            if (!gone) {
                                throw new AdminCommandException(AdminCommandException.Reason.NOT_FOUND, "No account " + jid);
                            }
                            sessions.sessions(jid).forEach(s -> s.terminate(StreamErrorCondition.NOT_AUTHORIZED,
                                    "The account was deleted"));
                            return count + 1;
                        }));
                    }
                    return deleted.thenApply(count -> AdminResult.of("Deleted " + count + " account(s)"));
                }));
        registry.register(command("change-user-password", "Change User Password",
                List.of(AdminField.required("accountjid", "The Jabber ID for this account", JID_SINGLE),
                        AdminField.required("password", "The password for this account", TEXT_PRIVATE)),
                args -> {
                    Jid jid = account(accounts, args.jid("accountjid"));
                    return accounts.changePassword(jid, password(args, minPasswordLength)).thenApply(changed -> {
                        if (!changed) {
                            throw new AdminCommandException(AdminCommandException.Reason.NOT_FOUND, "No account " + jid);
                        }
                        return AdminResult.of("Changed the password of " + jid);
                    });
                }));
        registry.register(command("get-registered-users-num", "Get Number of Registered Users", List.of(),
                args -> accounts.countAll().thenApply(count -> new AdminResult(
                        count + " registered users", Map.of("registeredusersnum", Long.toString(count))))));
        registry.register(command("get-online-users-num", "Get Number of Online Users", List.of(),
                args -> CompletableFuture.completedFuture(new AdminResult(sessions.accounts() + " online users",
                        Map.of("onlineusersnum", Integer.toString(sessions.accounts()))))));
    }

    private static Jid account(AccountService accounts, Jid jid) {
        if (jid.local() == null || !jid.isBare() || !accounts.isHosted(jid)) {
            throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST,
                    jid + " is not a bare JID at a domain this server hosts");
        }
        return jid;
    }

    private static String password(AdminArguments args, int minLength) {
        String password = args.text("password");
        String verify = args.optionalText("password-verify");
        if (verify != null && !verify.isEmpty() && !verify.equals(password)) {
            throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, "The passwords do not match");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            throw new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST,
                    "The password must have at least " + minLength + " characters");
        }
        return password;
    }

    private static AdminCommand command(String name, String title, List<AdminField> fields,
                                        Function<AdminArguments, CompletionStage<AdminResult>> body) {
        return new AdminCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public List<AdminField> fields() {
                return fields;
            }

            @Override
            public CompletionStage<AdminResult> execute(AdminArguments arguments) {
                try {
                    return body.apply(arguments);
                } catch (AdminCommandException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }
}
