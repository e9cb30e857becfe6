package dev.parley.server.stream;

import dev.parley.server.config.ConflictPolicy;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Resource binding (RFC 6120 §7): client-chosen resources are normalised with the resourcepart profile, server-chosen
 * ones are random; a taken resource is handled by the configured conflict policy (§7.7.2.2).
 */
final class ResourceBinding {
    static final String NS = "urn:ietf:params:xml:ns:xmpp-bind";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionRegistry sessions;
    private final ConflictPolicy policy;
    private final Function<Jid, StreamSession> newSession;

    ResourceBinding(SessionRegistry sessions, ConflictPolicy policy, Function<Jid, StreamSession> newSession) {
        this.sessions = sessions;
        this.policy = policy;
        this.newSession = newSession;
    }

    /** The outcome: the bound session, or the error reply to send (the stream stays open). */
    record Result(StreamSession session, XmlElement reply) {
    }

    Result bind(Iq request, Jid account) {
        String requested = request.payload().childText("resource", NS).map(String::strip).orElse("");
        Jid full;
        try {
            full = requested.isEmpty() ? account.withResource(generated()) : account.withResource(requested);
        } catch (JidFormatException e) {
            return new Result(null, request.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST, e.getMessage())));
        }
        StreamSession session = newSession.apply(full);
        SessionRegistry.Binding binding = sessions.bind(session, policy == ConflictPolicy.REPLACE_OLD);
        if (!binding.bound()) {
            if (policy == ConflictPolicy.RENAME_NEW) {
                session = newSession.apply(account.withResource(requested + "-" + generated()));
                binding = sessions.bind(session, false);
            }
            if (!binding.bound()) {
                return new Result(null, request.errorReply(StanzaError.of(StanzaErrorCondition.CONFLICT)));
            }
        }
        if (binding.replaced() != null) {
            binding.replaced().terminate(StreamErrorCondition.CONFLICT, "Replaced by a new connection for this resource");
        }
        XmlElement payload = XmlElement.builder("bind", NS).textChild("jid", session.jid().toString()).build();
        return new Result(session, request.result(payload));
    }

    private static String generated() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "parley-" + HexFormat.of().formatHex(bytes);
    }
}
