package dev.parley.server.admin;

import dev.parley.server.auth.AccountService;
import dev.parley.xmpp.jid.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** The checks the account commands make on the JIDs they are given, before they change anything. */
final class AccountJids {
    private AccountJids() {
    }

    /** {@code jid} when it is a bare JID of an account at a hosted domain (XEP-0133: {@code user@host}). */
    static Jid bareAccount(AccountService accounts, Jid jid) {
        if (jid.local() == null || !jid.isBare() || !accounts.isHosted(jid)) {
            throw badRequest(jid + " is not a bare JID at a domain this server hosts");
        }
        return jid;
    }

    /** {@code jid} when it names an account at a hosted domain, or one of its resources. */
    static Jid account(AccountService accounts, Jid jid) {
        if (jid.local() == null || !accounts.isHosted(jid)) {
            throw badRequest(jid + " is not a user's JID at a domain this server hosts");
        }
        return jid;
    }

    /** Completes with {@code jids} when every one is an existing account, otherwise fails naming those that are not. */
    static CompletionStage<List<Jid>> existing(AccountService accounts, List<Jid> jids) {
        CompletionStage<List<Jid>> missing = CompletableFuture.completedFuture(new ArrayList<>());
        for (Jid jid : jids) {
            missing = missing.thenCombine(accounts.exists(jid), (found, exists) -> {
                if (!exists) {
                    found.add(jid);
                }
                return found;
            });
        }
        return missing.thenApply(found -> {
            if (!found.isEmpty()) {
                throw new AdminCommandException(AdminCommandException.Reason.NOT_FOUND, "No account "
                        + found.stream().map(Jid::toString).collect(Collectors.joining(", ")));
            }
            return jids;
        });
    }

    private static AdminCommandException badRequest(String message) {
        return new AdminCommandException(AdminCommandException.Reason.BAD_REQUEST, message);
    }
}
