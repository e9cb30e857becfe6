package dev.parley.load.client;

import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.XmlElement;

import java.util.concurrent.Executor;

/**
 * What a session does with each element the server sends, from the first stream features to the end: STARTTLS
 * (RFC 6120 §5), SASL (§6, see {@link SaslExchange}), resource binding (§7), the legacy session when a server requires
 * it (RFC 3921 §3), then, by {@link XmppSession.Goal}, stream management (XEP-0198 §3 enable, §5 resume) and initial
 * presence (RFC 6121 §4.2). Once ready it answers IQ requests (a ping with a result, anything else with
 * service-unavailable) and acknowledgement requests itself, and passes other stanzas on. Runs on the session's loop.
 */
final class Negotiation {
    /** What the negotiation needs from its connection. */
    interface Connection {
        void sendNow(String xml);

        /** Starts TLS on the connection; the handshake's end comes back as {@link #secured()}. */
        void startTls();

        /** Opens a new stream (RFC 6120 §4.3.3), with a new parser. */
        void restartStream();

        void ready();

        void stanza(XmlElement stanza);

        void fail(String problem);

        /** The session's event loop, where work that completes elsewhere comes back to. */
        Executor executor();
    }

    private enum Phase { FEATURES, STARTTLS, HANDSHAKE, SECURE_FEATURES, SASL, AUTHED_FEATURES, BIND, LEGACY_SESSION,
        SM_ENABLE, RESUME, READY }

    private static final String STREAMS = StreamHeader.STREAM_NAMESPACE;
    private static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final String LEGACY_SESSION_NS = "urn:ietf:params:xml:ns:xmpp-session";

    private final ClientContext context;
    private final String username;
    private final String resource;
    private final XmppSession.Goal goal;
    private final Connection connection;
    private Phase phase = Phase.FEATURES;
    private SaslExchange sasl;
    private XmlElement authedFeatures;
    private String jid;
    private String smId;
    private boolean smCounting;
    private long handled;

    /** {@code previd} and {@code handled} are those of the session to resume, for the goal RESUMED. */
    Negotiation(ClientContext context, String username, String resource, XmppSession.Goal goal, String previd,
                long handled, Connection connection) {
        this.context = context;
        this.username = username;
        this.resource = resource;
        this.goal = goal;
        this.smId = previd;
        this.handled = handled;
        this.connection = connection;
    }

    boolean isReady() {
        return phase == Phase.READY;
    }

    String phase() {
        return phase.name();
    }

    String jid() {
        return jid;
    }

    String smId() {
        return smId;
    }

    long handled() {
        return handled;
    }

    String mechanism() {
        return sasl == null ? null : sasl.mechanism();
    }

    /** The TLS handshake succeeded. */
    void secured() {
        phase = Phase.SECURE_FEATURES;
        connection.restartStream();
    }

    void element(XmlElement element) {
        if (element.is("error", STREAMS)) {
            connection.fail("stream error: " + element.firstChild().map(XmlElement::name).orElse("undefined"));
            return;
        }
        switch (phase) {
            case FEATURES -> {
                if (!isFeatures(element) || element.child("starttls", TLS).isEmpty()) {
                    connection.fail("the server offers no STARTTLS");
                    return;
                }
                phase = Phase.STARTTLS;
                connection.sendNow(Stanzas.STARTTLS);
            }
            case STARTTLS -> {
                if (!element.is("proceed", TLS)) {
                    connection.fail("STARTTLS refused");
                    return;
                }
                phase = Phase.HANDSHAKE;
                connection.startTls();
            }
            case SECURE_FEATURES -> startSasl(element);
            case SASL -> continueSasl(element);
            case AUTHED_FEATURES -> bindOrResume(element);
            case BIND, LEGACY_SESSION -> bound(element);
            case SM_ENABLE -> smEnabled(element);
            case RESUME -> resumed(element);
            case READY -> dispatch(element);
            default -> connection.fail("unexpected <" + element.name() + "> during " + phase);
        }
    }

    private void startSasl(XmlElement features) {
        sasl = isFeatures(features) ? SaslExchange.choose(context, username, features) : null;
        if (sasl == null) {
            connection.fail("no SASL mechanism in common (offered: " + SaslExchange.offered(features) + ")");
            return;
        }
        phase = Phase.SASL;
        connection.sendNow(sasl.start());
    }

    private void continueSasl(XmlElement element) {
        switch (sasl.receive(element)) {
            // A SCRAM proof completes on the key-derivation thread when the salted password was not known yet.
            case SaslExchange.Respond respond -> respond.response().whenCompleteAsync((xml, failure) -> {
                if (failure != null) {
                    connection.fail("SASL: " + failure.getMessage());
                } else if (phase == Phase.SASL) {
                    connection.sendNow(xml);
                }
            }, connection.executor());
            case SaslExchange.Succeeded succeeded -> {
                phase = Phase.AUTHED_FEATURES;
                connection.restartStream();
            }
            case SaslExchange.Failed failed -> connection.fail("authentication failed: " + failed.reason());
        }
    }

    private void bindOrResume(XmlElement features) {
        boolean smOffered = features.child("sm", Stanzas.SM).isPresent();
        if ((goal == XmppSession.Goal.RESUMED || goal == XmppSession.Goal.RESUMABLE) && !smOffered) {
            connection.fail("the server offers no stream management (XEP-0198)");
            return;
        }
        if (goal == XmppSession.Goal.RESUMED) {
            phase = Phase.RESUME;
            connection.sendNow(Stanzas.resume(smId, handled));
            return;
        }
        authedFeatures = features;
        phase = Phase.BIND;
        connection.sendNow(Stanzas.bind("bind", resource));
    }

    private void bound(XmlElement iq) {
        if (!iq.is("iq", "jabber:client") || !"result".equals(iq.attribute("type"))) {
            connection.fail((phase == Phase.BIND ? "resource binding" : "session establishment") + " refused");
            return;
        }
        if (phase == Phase.BIND) {
            jid = iq.elements().findFirst().flatMap(bind -> bind.elements().findFirst()).map(XmlElement::text)
                    .orElse(null);
            boolean sessionRequired = authedFeatures.child("session", LEGACY_SESSION_NS)
                    .map(session -> session.elements().noneMatch(child -> child.name().equals("optional")))
                    .orElse(false);
            if (sessionRequired) {
                phase = Phase.LEGACY_SESSION;
                connection.sendNow(Stanzas.legacySession("session"));
                return;
            }
        }
        if (goal == XmppSession.Goal.RESUMABLE) {
            phase = Phase.SM_ENABLE;
            connection.sendNow(Stanzas.SM_ENABLE);
            return;
        }
        becomeReady();
    }

    private void smEnabled(XmlElement answer) {
        String resume = answer.attribute("resume");
        if (!answer.is("enabled", Stanzas.SM) || answer.attribute("id") == null
                || !("true".equals(resume) || "1".equals(resume))) {
            connection.fail("stream management with resumption was not enabled");
            return;
        }
        smId = answer.attribute("id");
        smCounting = true;
        becomeReady();
    }

    private void resumed(XmlElement answer) {
        if (!answer.is("resumed", Stanzas.SM)) {
            connection.fail("resumption refused: " + answer.firstChild().map(XmlElement::name).orElse(answer.name()));
            return;
        }
        smCounting = true;
        becomeReady();
    }

    private void becomeReady() {
        if (goal == XmppSession.Goal.AVAILABLE || goal == XmppSession.Goal.RESUMABLE) {
            connection.sendNow(Stanzas.INITIAL_PRESENCE);
        }
        phase = Phase.READY;
        connection.ready();
    }

    private void dispatch(XmlElement element) {
        String name = element.name();
        boolean stanza = name.equals("message") || name.equals("presence") || name.equals("iq");
        if (smCounting && stanza) {
            handled++;
        }
        if (element.is("r", Stanzas.SM)) {
            connection.sendNow(Stanzas.ack(handled));
        } else if (name.equals("iq") && ("get".equals(element.attribute("type"))
                || "set".equals(element.attribute("type")))) {
            boolean ping = element.child("ping", "urn:xmpp:ping").isPresent();
            connection.sendNow(Stanzas.iqAnswer(element.attribute("from"), String.valueOf(element.attribute("id")),
                    ping));
        } else if (stanza) {
            connection.stanza(element);
        }
    }

    private static boolean isFeatures(XmlElement element) {
        return element.is("features", STREAMS);
    }
}
