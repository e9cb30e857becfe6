package dev.parley.server.modules.lastactivity;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.SessionListener;
import dev.parley.server.api.XmppModule;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.auth.AccountService;
import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Last Activity (XEP-0012), answered by the server.
 *
 * <ul>
 *   <li>To the server (§5): its uptime in seconds, without character data.</li>
 *   <li>To an account's bare JID (§3, "Offline User Query"): {@code seconds='0'} while the account has an available
 *       resource, otherwise the seconds since its last session ended, which the server records whenever a session
 *       ends. Never-logged-out accounts get {@code item-not-found}. The status of the last unavailable presence is not
 *       kept yet (see {@link LastLogout}).</li>
 *   <li>Only to requesters allowed to see the account's presence (§3, §8): others get {@code forbidden}. The decision
 *       is the {@link dev.parley.server.api.PresenceAuthorization} installed at the time of the query.</li>
 * </ul>
 * Queries to a full JID (§4, idle time) are the client's to answer and are routed to it, never seen here.
 */
public final class LastActivityModule implements XmppModule, SessionListener {
    public static final String NAMESPACE = "jabber:iq:last";
    private static final Logger log = LoggerFactory.getLogger(LastActivityModule.class);

    private ModuleContext context;
    private KeyValueStore store;
    private AccountService accounts;
    private long startedNanos;

    @Override
    public String name() {
        return "last-activity";
    }

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.store = context.storage().keyValues();
        this.accounts = context.accounts();
        this.startedNanos = System.nanoTime();
        context.sessions().addListener(this);
        context.iqHandler(IqScope.SERVER, "query", NAMESPACE, IqHandler.getOnly(this::uptime), NAMESPACE);
        context.iqHandler(IqScope.ACCOUNT, "query", NAMESPACE, IqHandler.getOnly(this::account), NAMESPACE);
    }

    /**
     * Records the end of a session as the account's last logout. The sessions of a deleted account end after the
     * account is gone, so checking that it exists keeps a record from outliving it.
     */
    @Override
    public void unbound(ClientSession session) {
        Jid account = session.jid().bare();
        byte[] logout = new LastLogout(Instant.now()).encode();
        accounts.exists(account)
                .thenCompose(exists -> exists ? store.put(AccountId.of(account), LastLogout.KEY, logout)
                        : CompletableFuture.completedFuture(null))
                .whenComplete((stored, failure) -> {
                    if (failure != null) {
                        log.warn("could not record the last logout of {}: {}", account, failure.getMessage());
                    }
                });
    }

    private CompletionStage<IqReply> uptime(IqRequest request) {
        return IqReply.now(answer(Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    private CompletionStage<IqReply> account(IqRequest request) {
        Jid account = request.target();
        return context.presenceAuthorization().maySeePresence(request.requester(), account).thenCompose(allowed -> {
            if (!allowed) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN,
                        "Last activity is shown only to those who may see the account's presence"));
            }
            if (context.sessions().sessions(account).stream().anyMatch(ClientSession::available)) {
                return IqReply.now(answer(Duration.ZERO));
            }
            return store.get(AccountId.of(account), LastLogout.KEY).thenApply(stored -> stored
                    .map(bytes -> answer(Duration.between(LastLogout.decode(bytes).at(), Instant.now())))
                    .orElseGet(() -> IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND,
                            "The account has not logged out since last activity was recorded")));
        });
    }

    /** Whole seconds, never negative (a clock set back must not produce a value the schema forbids). */
    private static IqReply answer(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        return IqReply.result(XmlElement.builder("query", NAMESPACE).attribute("seconds", Long.toString(seconds))
                .build());
    }
}
