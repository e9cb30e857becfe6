package dev.parley.server.stream;

import dev.parley.server.stream.sm.SmElements;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The state machine of one client-to-server stream (RFC 6120 §4-§7): stream headers, STARTTLS, SASL, resource binding,
 * then stanzas; what is negotiated before binding is done by its {@link StreamNegotiation}. It runs entirely on its
 * connection's event loop, so it needs no locks; slow work (credential look-ups, routing that touches storage)
 * completes asynchronously and resumes on the loop.
 *
 * <p>Stream management (XEP-0198) and client state indication (XEP-0352) are negotiated here; their state lives in
 * the {@link StreamSession}, which a resumed stream takes over ({@link SessionResumption}).
 */
public final class ClientStream implements ConnectionStream {
    private static final Logger log = LoggerFactory.getLogger(ClientStream.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Phase { NEGOTIATING, AUTHENTICATED, BOUND, CLOSED }

    private final StreamTransport transport;
    private final StreamSettings settings;
    private final ServerServices services;
    private final InboundSequencer inbound;
    private final HandledCount handled;
    private final ScheduledFuture<?> authenticationDeadline;
    /** Completes once this stream has processed everything it received: a resumption waits for it (§5). */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private boolean closedByClient;
    private Phase phase = Phase.NEGOTIATING;
    private String domain;
    private StreamNegotiation negotiation;
    private Jid account;
    private StreamSession session;

    public ClientStream(StreamTransport transport, StreamSettings settings, ServerServices services) {
        this.transport = transport;
        this.settings = settings;
        this.services = services;
        this.inbound = new InboundSequencer(transport);
        this.handled = new HandledCount(inbound,
                () -> fail(StreamErrorCondition.INTERNAL_SERVER_ERROR, "A stanza could not be processed"));
        this.authenticationDeadline = transport.schedule(
                () -> fail(StreamErrorCondition.CONNECTION_TIMEOUT, "Authentication took too long"),
                settings.unauthenticatedTimeout());
    }

    @Override
    public void streamOpened(StreamHeader header) throws StreamErrorException {
        if (domain == null) {
            domain = header.to() == null ? settings.defaultDomain()
                    : Jid.tryParse(header.to()).filter(Jid::isDomain).map(Jid::domain).orElse(header.to());
            negotiation = new StreamNegotiation(transport, settings, services, inbound, domain,
                    this::authenticated, this::fail);
        }
        transport.openStream(new StreamHeader(Namespaces.CLIENT, null, domain, newStreamId(), "1.0", "en"));
        if (!Namespaces.CLIENT.equals(header.contentNamespace())) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE, "Client streams use jabber:client");
        }
        if (!settings.domains().contains(domain)) {
            throw new StreamErrorException(StreamErrorCondition.HOST_UNKNOWN, "This server does not serve " + domain);
        }
        if (header.version() == null || !header.version().startsWith("1.")) {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_VERSION, "XMPP 1.0 streams only");
        }
        transport.send(features());
    }

    @Override
    public void element(XmlElement element) throws StreamErrorException {
        if (phase == Phase.CLOSED) {
            return;
        }
        String ns = element.namespace();
        if (ns.equals(StreamNegotiation.TLS_NS) && element.name().equals("starttls")) {
            if (phase != Phase.NEGOTIATING || transport.secured()) {
                throw new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION, "TLS cannot be negotiated now");
            }
            negotiation.startTls();
        } else if (ns.equals(SaslNegotiation.NS)) {
            if (phase != Phase.NEGOTIATING) {
                throw new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION, "Already authenticated");
            }
            negotiation.authenticate(element);
        } else if (ns.equals(Namespaces.CLIENT) && Stanza.isStanza(element)) {
            stanza(element);
        } else if (ns.equals(SmElements.NS)) {
            streamManagement(element);
        } else if (ns.equals(Namespaces.CSI) && phase == Phase.BOUND && services.keeper().clientStateOffered()
                && (element.name().equals("active") || element.name().equals("inactive"))) {
            boolean active = element.name().equals("active");
            StreamSession current = session;
            // XEP-0352 §5: in order with the stanzas around it.
            inbound.submit(() -> {
                current.clientState(active);
                return CompletableFuture.completedFuture(null);
            });
        } else {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Unknown top-level element " + element.name() + " in namespace " + ns);
        }
    }

    @Override
    public void streamClosed() {
        phase = Phase.CLOSED;
        closedByClient = true; // XEP-0198 §7: a cleanly closed stream ends the session, no resumption
        transport.close();
    }

    @Override
    public void disconnected() {
        phase = Phase.CLOSED;
        authenticationDeadline.cancel(false);
        if (session != null) {
            sessionLost(session);
        }
        inbound.submit(() -> {
            settled.complete(null);
            return settled;
        });
    }

    @Override
    public void writabilityChanged(boolean writable) {
        if (session != null) {
            session.congested(!writable);
        }
    }

    /** This stream no longer carries {@code lost}: keep it for resumption (XEP-0198 §5) or end it. */
    private void sessionLost(StreamSession lost) {
        switch (lost.connectionLost(transport, closedByClient)) {
            case DETACH -> {
                if (!services.keeper().detached(lost, transport)) {
                    ended(lost);
                }
            }
            case END -> ended(lost);
            case NONE -> {
            }
        }
    }

    private void ended(StreamSession lost) {
        services.sessions().unbind(lost);
        // After what the client sent before it went: its unavailable presence follows its last stanzas.
        inbound.submit(() -> services.keeper().end(lost));
    }

    private XmlElement features() {
        XmlElement.Builder features = XmlElement.builder("features", StreamHeader.STREAM_NAMESPACE);
        if (phase == Phase.NEGOTIATING) {
            negotiation.addUnauthenticatedFeatures(features);
        } else if (phase == Phase.AUTHENTICATED) {
            negotiation.addAuthenticatedFeatures(features);
        }
        return features.build();
    }

    /** SASL succeeded (RFC 6120 §6.4.6): the client binds a resource or resumes a session next. */
    private void authenticated(Jid account) {
        this.account = account;
        phase = Phase.AUTHENTICATED;
        authenticationDeadline.cancel(false);
    }

    private void stanza(XmlElement element) throws StreamErrorException {
        Stanza stanza;
        try {
            stanza = Stanza.of(element);
        } catch (StanzaException e) {
            XmlElement error = Stanza.errorReplyFor(element, e.error()).orElse(null);
            if (phase == Phase.BOUND) {
                handled.answered(session, error); // refused is handled too (XEP-0198 §4): 'h' must not stall
            } else if (error != null) {
                transport.send(error);
            }
            return;
        }
        switch (phase) {
            case NEGOTIATING -> negotiation.preAuthStanza(stanza);
            case AUTHENTICATED -> bind(stanza);
            case BOUND -> boundStanza(stanza);
            case CLOSED -> {
            }
        }
    }

    private void bind(Stanza stanza) throws StreamErrorException {
        if (!(stanza instanceof Iq iq) || iq.type() != Iq.Type.SET || iq.payload() == null
                || !iq.payload().is("bind", ResourceBinding.NS)) {
            throw new StreamErrorException(StreamErrorCondition.NOT_AUTHORIZED, "Bind a resource first");
        }
        ResourceBinding.Result result = new ResourceBinding(services.sessions(), settings.resourceConflict(),
                full -> services.keeper().newSession(full, transport, settled)).bind(iq, account);
        transport.send(result.reply());
        if (result.session() != null) {
            session = result.session();
            phase = Phase.BOUND;
            log.debug("[{}] bound from {}", session.jid(), transport.remoteAddress());
        }
    }

    private void boundStanza(Stanza stanza) throws StreamErrorException {
        Jid from = stanza.from();
        if (from != null && !from.equals(session.jid()) && !from.equals(account)) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_FROM, "'from' must be your own JID");
        }
        Stanza stamped = from == null ? stanza.withFrom(session.jid()) : stanza;
        if (stamped instanceof Iq iq && iq.payload() != null && iq.to() == null) {
            if (iq.payload().is("session", StreamNegotiation.SESSION_NS)) {
                // RFC 6121 Appendix E: legacy session establishment is a no-op
                handled.answered(session, iq.result(null));
                return;
            }
            if (iq.payload().is("bind", ResourceBinding.NS)) {
                handled.answered(session, iq.errorReply(StanzaError.of(StanzaErrorCondition.NOT_ALLOWED,
                        "A resource is already bound")));
                return;
            }
        }
        StreamSession current = session;
        handled.route(current, stamped, () -> services.router().fromClient(current, stamped), transport.executor());
    }

    private void streamManagement(XmlElement element) throws StreamErrorException {
        SmNegotiation sm = new SmNegotiation(services.keeper(), transport);
        boolean managed = phase == Phase.BOUND && session.streamManagement() != null;
        boolean keepOpen = switch (element.name()) {
            case "enable" -> sm.enable(phase == Phase.BOUND ? session : null, element);
            case "resume" -> {
                resume(element);
                yield true;
            }
            case "r" -> {
                if (managed) {
                    sm.requested(session);
                }
                yield true;
            }
            case "a" -> !managed || sm.acknowledged(session, element);
            default -> throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Unknown stream management element " + element.name());
        };
        if (!keepOpen) {
            phase = Phase.CLOSED;
        }
    }

    /** XEP-0198 §5: after authentication, instead of binding. */
    private void resume(XmlElement resume) {
        if (phase != Phase.AUTHENTICATED || !services.keeper().streamManagementOffered()) {
            transport.send(SmElements.failed(phase == Phase.AUTHENTICATED
                    ? StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED : StanzaErrorCondition.UNEXPECTED_REQUEST));
            return;
        }
        SessionResumption resumption = new SessionResumption(services.keeper(), transport, settled, account);
        inbound.submit(() -> resumption.resume(resume).thenAccept(resumed -> {
            if (resumed != null && phase == Phase.AUTHENTICATED) {
                session = resumed;
                phase = Phase.BOUND;
                log.debug("[{}] resumed from {}", session.jid(), transport.remoteAddress());
            } else if (resumed != null) {
                sessionLost(resumed); // this stream closed or bound another resource meanwhile
            } else if (resumption.fatal()) {
                phase = Phase.CLOSED;
            }
        }));
    }

    private void fail(StreamErrorCondition condition, String text) {
        if (phase != Phase.CLOSED) {
            phase = Phase.CLOSED;
            transport.closeWithError(condition, text);
        }
    }

    private static String newStreamId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
