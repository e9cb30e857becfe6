package dev.parley.load.client;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.xml.XmlElement;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The client side of SASL negotiation in XMPP (RFC 6120 §6.4): the mechanism chosen from the server's offer in the
 * tool's order of preference, then one step per server element. SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677),
 * with the server's signature verified; PLAIN (RFC 4616) as a fallback.
 */
final class SaslExchange {
    static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-sasl";

    /** What the session does after a server element. */
    sealed interface Step permits Respond, Succeeded, Failed {
    }

    /** Send {@code response} once it completes (a SCRAM proof needs the salted password first). */
    record Respond(CompletionStage<String> response) implements Step {
    }

    record Succeeded() implements Step {
    }

    record Failed(String reason) implements Step {
    }

    private final String mechanism;
    private final ScramClient scram;
    private final String plainResponse;
    private boolean serverVerified;

    private SaslExchange(String mechanism, ScramClient scram, String plainResponse) {
        this.mechanism = mechanism;
        this.scram = scram;
        this.plainResponse = plainResponse;
    }

    /** The exchange for the first of the tool's mechanisms the server offers, or null when none is offered. */
    static SaslExchange choose(ClientContext context, String username, XmlElement features) {
        List<String> offered = offeredList(features);
        for (String wanted : context.mechanisms()) {
            if (!offered.contains(wanted)) {
                continue;
            }
            switch (wanted) {
                case "SCRAM-SHA-256" -> {
                    return scram(new ScramClient(ScramAlgorithm.SHA_256, username, context.password(),
                            context.saltedPasswords()));
                }
                case "SCRAM-SHA-1" -> {
                    return scram(new ScramClient(ScramAlgorithm.SHA_1, username, context.password(),
                            context.saltedPasswords()));
                }
                case "PLAIN" -> {
                    return new SaslExchange("PLAIN", null, base64("\0" + username + "\0" + context.password()));
                }
                default -> throw new IllegalArgumentException("unsupported mechanism " + wanted);
            }
        }
        return null;
    }

    static String offered(XmlElement features) {
        return String.join(" ", offeredList(features));
    }

    private static List<String> offeredList(XmlElement features) {
        return features.child("mechanisms", NAMESPACE).stream()
                .flatMap(mechanisms -> mechanisms.elements("mechanism", NAMESPACE)).map(XmlElement::text).toList();
    }

    private static SaslExchange scram(ScramClient client) {
        return new SaslExchange(client.mechanism(), client, null);
    }

    String mechanism() {
        return mechanism;
    }

    /** The {@code <auth/>} element with the initial response. */
    String start() {
        return Stanzas.auth(mechanism, scram != null ? base64(scram.clientFirst()) : plainResponse);
    }

    Step receive(XmlElement element) {
        if (!NAMESPACE.equals(element.namespace())) {
            return new Failed("unexpected <" + element.name() + ">");
        }
        try {
            return switch (element.name()) {
                case "challenge" -> challenge(decode(element.text()));
                case "success" -> success(decode(element.text()));
                case "failure" -> new Failed(element.firstChild().map(XmlElement::name).orElse("unspecified"));
                default -> new Failed("unexpected <" + element.name() + ">");
            };
        } catch (IllegalArgumentException e) {
            return new Failed(e.getMessage());
        }
    }

    private Step challenge(String data) {
        if (scram == null) {
            return new Failed("a challenge during PLAIN");
        }
        if (data.startsWith("v=")) {
            // Some servers send the server-final-message as a challenge and expect an empty response (RFC 6120 §6.4.3).
            return verify(data) ? new Respond(CompletableFuture.completedFuture(Stanzas.saslResponse("")))
                    : new Failed("wrong server signature");
        }
        return new Respond(scram.clientFinal(data).thenApply(clientFinal -> Stanzas.saslResponse(base64(clientFinal))));
    }

    private Step success(String data) {
        if (scram == null || serverVerified) {
            return new Succeeded();
        }
        return verify(data) ? new Succeeded() : new Failed("no valid server signature on success");
    }

    private boolean verify(String serverFinal) {
        serverVerified = scram.verifyServerFinal(serverFinal);
        return serverVerified;
    }

    private static String decode(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("=")) {
            return "";
        }
        return new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
