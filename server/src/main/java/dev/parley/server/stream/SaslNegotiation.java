package dev.parley.server.stream;

import dev.parley.server.auth.AccountService;
import dev.parley.xmpp.sasl.SaslFailure;
import dev.parley.xmpp.sasl.SaslMechanism;
import dev.parley.xmpp.sasl.SaslMechanisms;
import dev.parley.xmpp.sasl.SaslStep;
import dev.parley.xmpp.sasl.StoredCredential;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SASL exchange of RFC 6120 §6 on one stream: {@code <auth/>}, challenges and responses, {@code <abort/>},
 * {@code <success/>} or {@code <failure/>}. The mechanism is a pure state machine; this class feeds it, fetches
 * credentials asynchronously when it asks, and frames its steps as XML.
 */
final class SaslNegotiation {
    static final String NS = SaslFailure.NAMESPACE;
    static final String CHANNEL_BINDING_TYPES_NS = "urn:xmpp:sasl-cb:0";

    /** What the negotiation concluded for the stream. */
    sealed interface Outcome {
        /** Keep waiting for the client. */
        record Continue() implements Outcome {
        }

        record Authenticated(String username) implements Outcome {
        }

        record Failed() implements Outcome {
        }
    }

    private final StreamTransport transport;
    private final AccountService accounts;
    private final SaslMechanisms mechanisms;
    private final String domain;
    private SaslMechanism current;

    SaslNegotiation(StreamTransport transport, AccountService accounts, SaslMechanisms mechanisms, String domain) {
        this.transport = transport;
        this.accounts = accounts;
        this.mechanisms = mechanisms;
        this.domain = domain;
    }

    /**
     * The {@code <mechanisms/>} stream feature and, when channel binding is offered, the XEP-0440 list of binding types,
     * so that clients pick a -PLUS mechanism only with a type this connection can verify.
     */
    List<XmlElement> features() {
        XmlElement.Builder offered = XmlElement.builder("mechanisms", NS);
        mechanisms.offered().forEach(name -> offered.textChild("mechanism", name));
        if (mechanisms.channelBindingTypes().isEmpty()) {
            return List.of(offered.build());
        }
        XmlElement.Builder types = XmlElement.builder("sasl-channel-binding", CHANNEL_BINDING_TYPES_NS);
        mechanisms.channelBindingTypes().forEach(type -> types.child(
                XmlElement.builder("channel-binding", CHANNEL_BINDING_TYPES_NS).attribute("type", type).build()));
        return List.of(offered.build(), types.build());
    }

    /** Handles one SASL element; the stage completes on the transport's event loop. */
    CompletionStage<Outcome> handle(XmlElement element) {
        switch (element.name()) {
            case "auth" -> {
                if (current != null) {
                    return fail(SaslFailure.MALFORMED_REQUEST, "an exchange is already in progress");
                }
                String name = element.attribute("mechanism");
                current = name == null ? null : mechanisms.create(name).orElse(null);
                if (current == null) {
                    return fail(SaslFailure.INVALID_MECHANISM, null);
                }
                String text = element.text();
                // RFC 6120 §6.4.2: no character data is "no initial response"; "=" is an empty one.
                return decodeThenStep(text.isEmpty() ? null : text);
            }
            case "response" -> {
                if (current == null) {
                    return fail(SaslFailure.MALFORMED_REQUEST, "no exchange in progress");
                }
                return decodeThenStep(element.text());
            }
            case "abort" -> {
                return fail(SaslFailure.ABORTED, null);
            }
            default -> {
                return fail(SaslFailure.MALFORMED_REQUEST, "unexpected element " + element.name());
            }
        }
    }

    private CompletionStage<Outcome> decodeThenStep(String base64) {
        byte[] data;
        if (base64 == null) {
            data = null;
        } else if (base64.equals("=")) {
            data = new byte[0];
        } else {
            try {
                data = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                return fail(SaslFailure.INCORRECT_ENCODING, null);
            }
        }
        return step(current.evaluate(data));
    }

    private CompletionStage<Outcome> step(SaslStep step) {
        return switch (step) {
            case SaslStep.Challenge challenge -> {
                transport.send(XmlElement.builder("challenge", NS).text(encode(challenge.data())).build());
                yield CompletableFuture.completedFuture(new Outcome.Continue());
            }
            case SaslStep.NeedCredentials need -> lookUp(need.username());
            case SaslStep.Success success -> {
                byte[] extra = success.additionalData();
                // Mechanisms without additional data (PLAIN) get an empty <success/> (RFC 6120 §6.4.6).
                transport.send(XmlElement.builder("success", NS)
                        .text(extra == null || extra.length == 0 ? null : encode(extra)).build());
                current = null;
                yield CompletableFuture.completedFuture(new Outcome.Authenticated(success.username()));
            }
            case SaslStep.Failed failed -> fail(failed.failure(), failed.text());
        };
    }

    private CompletionStage<Outcome> lookUp(String username) {
        SaslMechanism mechanism = current;
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        accounts.credentials(domain, username)
                .thenApplyAsync(credential -> mechanism.credentials(credential.orElse((StoredCredential) null)),
                        accounts.cryptoExecutor())
                .whenCompleteAsync((next, failure) -> {
                    if (mechanism != current) {
                        return; // aborted meanwhile
                    }
                    CompletionStage<Outcome> stage = failure != null
                            ? fail(SaslFailure.TEMPORARY_AUTH_FAILURE, null)
                            : step(next);
                    stage.whenComplete((o, f) -> outcome.complete(o));
                }, transport.executor());
        return outcome;
    }

    private CompletionStage<Outcome> fail(SaslFailure failure, String text) {
        current = null;
        XmlElement.Builder builder = XmlElement.builder("failure", NS).child(XmlElement.empty(failure.elementName(), NS));
        if (text != null) {
            builder.child(XmlElement.builder("text", NS).attribute("xml:lang", "en").text(text).build());
        }
        transport.send(builder.build());
        return CompletableFuture.completedFuture(new Outcome.Failed());
    }

    private static String encode(byte[] data) {
        // RFC 6120 §6.4.3: empty data is sent as "=" so it differs from no data.
        return data == null || data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }
}
