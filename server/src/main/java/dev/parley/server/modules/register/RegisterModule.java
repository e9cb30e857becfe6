package dev.parley.server.modules.register;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.server.auth.AccountService;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.concurrent.CompletionStage;

/**
 * In-band registration (XEP-0077): account creation before authentication when enabled in the configuration, and for
 * authenticated users a password change (§3.3) and account removal (§3.2) whatever that setting.
 */
public final class RegisterModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:register";
    static final String STREAM_FEATURE_NAMESPACE = "http://jabber.org/features/iq-register";

    private ModuleContext context;
    private AccountService accounts;
    private int minPasswordLength;

    @Override
    public String name() {
        return "register";
    }

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.accounts = context.accounts();
        this.minPasswordLength = context.config().registration().minPasswordLength();
        if (context.config().registration().inBand()) {
            context.preAuthIqHandler("query", NAMESPACE, this::handle, NAMESPACE);
            context.preAuthStreamFeature(XmlElement.empty("register", STREAM_FEATURE_NAMESPACE));
        } else {
            context.iqHandler(IqScope.SERVER, "query", NAMESPACE, this::handle, NAMESPACE);
        }
        // Clients also send these without 'to', which addresses their own account (RFC 6120 §10.3.3).
        context.iqHandler(IqScope.ACCOUNT, "query", NAMESPACE, this::handle);
    }

    private CompletionStage<IqReply> handle(IqRequest request) {
        Iq iq = request.iq();
        if (request.target().local() != null && !request.target().equals(request.requester().bare())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN));
        }
        XmlElement query = iq.payload();
        if (iq.type() == Iq.Type.GET) {
            return IqReply.now(IqReply.result(request.authenticated() ? registered(request.requester()) : form()));
        }
        if (query.child("remove", NAMESPACE).isPresent()) {
            return request.authenticated() ? remove(request.requester().bare())
                    : IqReply.now(IqReply.error(StanzaErrorCondition.NOT_AUTHORIZED));
        }
        String username = query.childText("username", NAMESPACE).orElse("");
        String password = query.childText("password", NAMESPACE).orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE, "Username and password are required"));
        }
        if (password.codePointCount(0, password.length()) < minPasswordLength) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The password must have at least " + minPasswordLength + " characters"));
        }
        Jid jid;
        try {
            jid = Jid.of(username, request.target().domain(), null);
        } catch (JidFormatException e) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE, "Invalid username: " + e.getMessage()));
        }
        return request.authenticated() ? changePassword(request.requester().bare(), jid, password) : create(jid, password);
    }

    private CompletionStage<IqReply> create(Jid jid, String password) {
        return accounts.create(jid, password).thenApply(created -> created
                ? IqReply.empty()
                : IqReply.error(StanzaErrorCondition.CONFLICT, "That username is taken"));
    }

    /** XEP-0077 §3.3: the username must be the requester's own. */
    private CompletionStage<IqReply> changePassword(Jid self, Jid named, String password) {
        if (!self.equals(named)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_AUTHORIZED, "You can change only your own password"));
        }
        return accounts.changePassword(self, password).thenApply(changed -> changed
                ? IqReply.empty()
                : IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
    }

    /** XEP-0077 §3.2: after the result the account's streams are closed, as the account no longer exists. */
    private CompletionStage<IqReply> remove(Jid account) {
        return accounts.delete(account).thenApply(deleted -> {
            if (!deleted) {
                return IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            return IqReply.emptyThen(() -> context.sessions().sessions(account).forEach(session ->
                    session.terminate(StreamErrorCondition.NOT_AUTHORIZED, "The account was removed")));
        });
    }

    private static XmlElement form() {
        return XmlElement.builder("query", NAMESPACE)
                .textChild("instructions", "Choose a username and password to register with this server.")
                .child(XmlElement.empty("username", NAMESPACE))
                .child(XmlElement.empty("password", NAMESPACE))
                .build();
    }

    private static XmlElement registered(Jid requester) {
        return XmlElement.builder("query", NAMESPACE)
                .child(XmlElement.empty("registered", NAMESPACE))
                .textChild("username", requester.local())
                .child(XmlElement.empty("password", NAMESPACE))
                .build();
    }
}
