package dev.parley.server.admin;

import dev.parley.server.auth.AccountService;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.parley.server.admin.AdminField.Type.JID_MULTI;
import static dev.parley.server.admin.AdminField.Type.JID_SINGLE;
import static dev.parley.server.admin.AdminField.Type.TEXT_PRIVATE;
import static dev.parley.server.admin.AdminField.Type.TEXT_SINGLE;

/**
 * The account commands of XEP-0133 (§4.1 add-user, §4.2 delete-user, §4.3 disable-user, §4.4 reenable-user, §4.7
 * change-user-password, §4.13 get-registered-users-num), with XEP-0133's node names and field vars. Commands on several
 * accounts check them all before changing any, so a bad or unknown JID leaves every account as it was.
 *
 * <p>Deleting or disabling an account ends its sessions with the stream error {@code not-authorized} (RFC 6120
 * §4.9.3.12): the client is no longer authorized to use the stream it negotiated. A disabled account's credentials are
 * hidden from SASL, so logging in fails with the same {@code not-authorized} (RFC 6120 §6.5.10) that an unknown account
 * or a wrong password gets; {@code account-disabled} (§6.5.1) is not sent, as it would tell anyone who tries a name
 * that the account exists.
 */
public final class UserCommands {
    private static final String ACCOUNTJIDS = "accountjids";

    private UserCommands() {
    }

    public static void registerAll(AdminCommands registry, AccountService accounts, SessionRegistry sessions,
                                   int minPasswordLength) {
        registry.register(new DefinedCommand("add-user", "Add a User",
                List.of(AdminField.required("accountjid", "The Jabber ID for the account to be added", JID_SINGLE),
                        AdminField.required("password", "The password for this account", TEXT_PRIVATE),
                        AdminField.optional("password-verify", "Retype password", TEXT_PRIVATE)),
                List.of(),
                args -> {
                    Jid jid = AccountJids.bareAccount(accounts, args.jid("accountjid"));
                    String password = password(args, minPasswordLength);
                    return accounts.create(jid, password).thenApply(created -> {
                        if (!created) {
                            throw new AdminCommandException(AdminCommandException.Reason.CONFLICT, jid + " already exists");
                        }
                        return AdminResult.of("Added " + jid);
                    });
                }));
        registry.register(new DefinedCommand("delete-user", "Delete a User",
                List.of(AdminField.required(ACCOUNTJIDS, "The Jabber ID(s) to delete", JID_MULTI)), List.of(),
                args -> changeEach(accounts, args, "Deleted", jid -> accounts.delete(jid).thenApply(gone -> {
                    endSessions(sessions, jid, "The account was deleted");
                    return gone;
                }))));
        registry.register(new DefinedCommand("disable-user", "Disable a User",
                List.of(AdminField.required(ACCOUNTJIDS, "The Jabber ID(s) to disable", JID_MULTI)), List.of(),
                // The flag is set before the sessions end, so a client reconnecting at once is already refused.
                args -> changeEach(accounts, args, "Disabled", jid -> accounts.setDisabled(jid, true).thenApply(done -> {
                    endSessions(sessions, jid, "The account was disabled");
                    return done;
                }))));
        registry.register(new DefinedCommand("reenable-user", "Re-Enable a User",
                List.of(AdminField.required(ACCOUNTJIDS, "The Jabber ID(s) to re-enable", JID_MULTI)), List.of(),
                args -> changeEach(accounts, args, "Re-enabled", jid -> accounts.setDisabled(jid, false))));
        registry.register(new DefinedCommand("change-user-password", "Change User Password",
                List.of(AdminField.required("accountjid", "The Jabber ID for this account", JID_SINGLE),
                        AdminField.required("password", "The password for this account", TEXT_PRIVATE)),
                List.of(),
                args -> {
                    Jid jid = AccountJids.bareAccount(accounts, args.jid("accountjid"));
                    return accounts.changePassword(jid, password(args, minPasswordLength)).thenApply(changed -> {
                        if (!changed) {
                            throw notFound(jid);
                        }
                        return AdminResult.of("Changed the password of " + jid);
                    });
                }));
        registry.register(new DefinedCommand("get-registered-users-num", "Get Number of Registered Users", List.of(),
                List.of(AdminField.optional("registeredusersnum", "The number of registered users", TEXT_SINGLE)),
                args -> accounts.countAll().thenApply(count -> AdminResult.of(
                        count + " registered users", "registeredusersnum", Long.toString(count)))));
    }

    /**
     * Checks the {@code accountjids}, then applies {@code change} to each account in turn. A change completing with
     * false means the account disappeared after the check, which is reported like any unknown account.
     */
    private static CompletionStage<AdminResult> changeEach(AccountService accounts, AdminArguments args, String done,
                                                           Function<Jid, CompletionStage<Boolean>> change) {
        List<Jid> jids = args.jids(ACCOUNTJIDS).stream().map(jid -> AccountJids.bareAccount(accounts, jid)).toList();
        CompletionStage<Void> changed = AccountJids.existing(accounts, jids).thenApply(all -> null);
        for (Jid jid : jids) {
            changed = changed.thenCompose(previous -> change.apply(jid)).thenAccept(applied -> {
                if (!applied) {
                    throw notFound(jid);
                }
            });
        }
        return changed.thenApply(all -> AdminResult.of(done + " " + jids.size() + " account(s)"));
    }

    private static void endSessions(SessionRegistry sessions, Jid account, String reason) {
        sessions.sessions(account).forEach(session -> session.terminate(StreamErrorCondition.NOT_AUTHORIZED, reason));
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

    private static AdminCommandException notFound(Jid jid) {
        return new AdminCommandException(AdminCommandException.Reason.NOT_FOUND, "No account " + jid);
    }
}
