package dev.parley.server.stream;

import dev.parley.server.config.StartTlsPolicy;
import dev.parley.server.stream.sm.SmElements;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.sasl.SaslMechanisms;
import dev.parley.xmpp.sasl.SaslSettings;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The negotiation of a client stream up to resource binding (RFC 6120 §4.3): the features advertised before and after
 * authentication, STARTTLS (§5), SASL (§6) with its limit on failed attempts, and the IQs a server answers before
 * authentication (say, in-band registration). {@link ClientStream} decides in which phase these elements are allowed,
 * binds or resumes the session, and is told once the account is authenticated. This is separate because its state
 * (the SASL mechanisms, which depend on the TLS channel bindings, and the count of failures) means nothing once the
 * stream is authenticated, while the stream's own state is about the bound session. Runs on the connection's event
 * loop, like the stream.
 */
final class StreamNegotiation {
    static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
    /** RFC 3921 session establishment, advertised as optional for older clients (RFC 6121 Appendix E). */
    static final String SESSION_NS = "urn:ietf:params:xml:ns:xmpp-session";

    private final StreamTransport transport;
    private final StreamSettings settings;
    private final ServerServices services;
    private final InboundSequencer inbound;
    private final String domain;
    private final Consumer<Jid> authenticated;
    private final BiConsumer<StreamErrorCondition, String> fail;
    private SaslNegotiation sasl;
    private int failures;

    /**
     * @param domain        the domain the client asked for in its first stream header
     * @param authenticated told the account once SASL succeeded, before the stream restarts (RFC 6120 §6.4.6)
     * @param fail          closes the stream with a stream error
     */
    StreamNegotiation(StreamTransport transport, StreamSettings settings, ServerServices services,
                         InboundSequencer inbound, String domain, Consumer<Jid> authenticated,
                         BiConsumer<StreamErrorCondition, String> fail) {
        this.transport = transport;
        this.settings = settings;
        this.services = services;
        this.inbound = inbound;
        this.domain = domain;
        this.authenticated = authenticated;
        this.fail = fail;
    }

    /** Adds the features of an unauthenticated stream: STARTTLS unless secured, SASL unless TLS must come first. */
    void addUnauthenticatedFeatures(XmlElement.Builder features) {
        boolean tlsRequired = settings.startTls() == StartTlsPolicy.REQUIRED;
        if (!transport.secured()) {
            XmlElement.Builder starttls = XmlElement.builder("starttls", TLS_NS);
            if (tlsRequired) {
                starttls.child(XmlElement.empty("required", TLS_NS));
            }
            features.child(starttls.build());
        }
        if (transport.secured() || !tlsRequired) {
            sasl().features().forEach(features::child);
            services.iqHandlers().preAuthStreamFeatures().forEach(features::child);
        }
    }

    /** Adds the features of an authenticated stream: binding (RFC 6120 §7) and what a bound session supports. */
    void addAuthenticatedFeatures(XmlElement.Builder features) {
        features.child(XmlElement.empty("bind", ResourceBinding.NS));
        features.child(XmlElement.builder("session", SESSION_NS)
                .child(XmlElement.empty("optional", SESSION_NS)).build());
        // RFC 6121 §2.6.1 roster versioning and §3.4 subscription pre-approval, both always supported.
        features.child(XmlElement.empty("ver", Namespaces.ROSTER_VERSIONING));
        features.child(XmlElement.empty("sub", Namespaces.PRESENCE_PREAPPROVAL));
        if (services.keeper().streamManagementOffered()) {
            features.child(SmElements.feature());
        }
        if (services.keeper().clientStateOffered()) {
            features.child(SmElements.csiFeature());
        }
    }

    /** Upgrades an unsecured stream to TLS (RFC 6120 §5.4.3.3) and restarts it. */
    void startTls() {
        transport.startTls(XmlElement.empty("proceed", TLS_NS), domain);
        transport.restartStream(settings.unauthenticatedLimits());
        sasl = null; // channel bindings change with TLS
    }

    /** One SASL element; refused with {@code encryption-required} while TLS must come first (RFC 6120 §6.5.3). */
    void authenticate(XmlElement element) {
        if (!transport.secured() && settings.startTls() == StartTlsPolicy.REQUIRED) {
            transport.send(XmlElement.builder("failure", SaslNegotiation.NS)
                    .child(XmlElement.empty("encryption-required", SaslNegotiation.NS)).build());
            return;
        }
        inbound.submit(() -> sasl().handle(element).thenAccept(outcome -> {
            switch (outcome) {
                case SaslNegotiation.Outcome.Authenticated ok -> {
                    authenticated.accept(Jid.of(ok.username(), domain, null));
                    transport.restartStream(settings.authenticatedLimits());
                }
                case SaslNegotiation.Outcome.Failed failed -> {
                    if (++failures >= settings.maxAuthFailures()) {
                        fail.accept(StreamErrorCondition.POLICY_VIOLATION, "Too many failed authentication attempts");
                    }
                }
                case SaslNegotiation.Outcome.Continue more -> {
                }
            }
        }));
    }

    /** A stanza before authentication: only IQs the server answers itself, and only once SASL may start. */
    void preAuthStanza(Stanza stanza) throws StreamErrorException {
        boolean negotiable = transport.secured() || settings.startTls() != StartTlsPolicy.REQUIRED;
        if (!(stanza instanceof Iq iq) || !negotiable) {
            throw new StreamErrorException(StreamErrorCondition.NOT_AUTHORIZED, "Authenticate first");
        }
        Jid server = Jid.domain(domain);
        inbound.submit(() -> services.router().answerPreAuth(iq, server).thenAccept(reply -> {
            if (reply != null) {
                transport.send(reply);
            }
        }));
    }

    private SaslNegotiation sasl() {
        if (sasl == null) {
            SaslMechanisms mechanisms = new SaslMechanisms(transport.secured(), transport.channelBindings(),
                    settings.saslMechanisms(), new SaslSettings(domain, settings.decoys()));
            sasl = new SaslNegotiation(transport, services.accounts(), mechanisms, domain);
        }
        return sasl;
    }
}
