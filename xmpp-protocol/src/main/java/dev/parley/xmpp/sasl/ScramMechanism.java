package dev.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Server side of SCRAM-SHA-1, SCRAM-SHA-256, SCRAM-SHA-512 and their -PLUS variants (RFC 5802, RFC 7677), with the
 * channel-binding types {@code tls-server-end-point} (RFC 5929 §4) and {@code tls-exporter} (RFC 9266).
 *
 * <p>Flow: {@code evaluate(client-first)} → {@link SaslStep.NeedCredentials} → {@code credentials(...)} →
 * {@link SaslStep.Challenge} (server-first) → {@code evaluate(client-final)} → {@link SaslStep.Success} carrying
 * server-final ({@code v=...}) or {@link SaslStep.Failed}. Without an initial response the first step is an empty
 * challenge. Unknown accounts run through the same steps with {@link DecoyCredentials} and fail only at the end, with
 * the same condition and text as a wrong password. Any call out of order ends the exchange with
 * {@code malformed-request}; no input makes it throw.
 *
 * <p>Failure conditions: syntax errors and a gs2 flag that contradicts the mechanism ({@code p} on a non-PLUS
 * mechanism, {@code n}/{@code y} on -PLUS) give {@code malformed-request}; a downgraded {@code y} while this server
 * offers channel binding (RFC 5802 §6), an unsupported or mismatching binding, a wrong nonce, an invalid proof and an
 * unusable username give {@code not-authorized}; an authzid naming someone else gives {@code invalid-authzid}.
 * The texts are RFC 5802 §7 server-error-values where one fits.
 */
public final class ScramMechanism implements SaslMechanism {
    /** RFC 5802 §5.1 asks for a fresh, unpredictable nonce; 24 bytes is 192 bits, 32 base64 characters. */
    private static final int SERVER_NONCE_BYTES = 24;

    private enum State { START, AWAIT_CLIENT_FIRST, AWAIT_CREDENTIALS, AWAIT_CLIENT_FINAL, DONE }

    private final ScramAlgorithm algorithm;
    private final boolean plus;
    private final Map<String, ChannelBinding> bindings;
    private final SaslSettings settings;
    private final Supplier<String> serverNonces;

    private State state = State.START;
    private ScramMessages.ClientFirst clientFirst;
    private String username;
    private byte[] expectedCbindInput;
    private ScramCredential credential;
    private boolean decoy;
    private String combinedNonce;
    private String serverFirst;

    /**
     * @param availableBindings channel-binding type → data of the stream's TLS session; empty without TLS. A non-empty
     *                          map means the server offers -PLUS, which matters for downgrade detection
     */
    public ScramMechanism(ScramAlgorithm algorithm, boolean plus, Map<String, ChannelBinding> availableBindings,
                          SecureRandom random) {
        this(algorithm, plus, availableBindings, random, SaslSettings.defaults());
    }

    public ScramMechanism(ScramAlgorithm algorithm, boolean plus, Map<String, ChannelBinding> availableBindings,
                          SecureRandom random, SaslSettings settings) {
        this(algorithm, plus, availableBindings, settings, () -> randomNonce(random));
    }

    /** With a chosen server nonce source, for the RFC test vectors. */
    ScramMechanism(ScramAlgorithm algorithm, boolean plus, Map<String, ChannelBinding> availableBindings,
                   SaslSettings settings, Supplier<String> serverNonces) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.plus = plus;
        this.bindings = Map.copyOf(availableBindings);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.serverNonces = Objects.requireNonNull(serverNonces, "serverNonces");
    }

    @Override
    public String name() {
        return plus ? algorithm.plusMechanismName() : algorithm.mechanismName();
    }

    @Override
    public SaslStep evaluate(byte[] response) {
        try {
            return switch (state) {
                case START -> {
                    if (response == null || response.length == 0) {
                        state = State.AWAIT_CLIENT_FIRST;
                        yield new SaslStep.Challenge(new byte[0]);
                    }
                    yield clientFirst(response);
                }
                case AWAIT_CLIENT_FIRST -> clientFirst(response);
                case AWAIT_CLIENT_FINAL -> clientFinal(response);
                case AWAIT_CREDENTIALS, DONE -> throw SaslRejection.malformed("unexpected response");
            };
        } catch (SaslRejection rejection) {
            state = State.DONE;
            return rejection.toStep();
        }
    }

    @Override
    public SaslStep credentials(StoredCredential stored) {
        if (state != State.AWAIT_CREDENTIALS) {
            state = State.DONE;
            return SaslRejection.malformed("unexpected credentials").toStep();
        }
        ScramCredential real = stored == null ? null : stored.forAlgorithm(algorithm).orElse(null);
        decoy = real == null;
        credential = decoy ? settings.decoys().forUser(algorithm, username) : real;
        combinedNonce = clientFirst.nonce() + serverNonces.get();
        serverFirst = "r=" + combinedNonce
                + ",s=" + Base64.getEncoder().encodeToString(credential.salt())
                + ",i=" + credential.iterations();
        state = State.AWAIT_CLIENT_FINAL;
        return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFirst(byte[] response) throws SaslRejection {
        if (response == null) {
            throw SaslRejection.malformed("missing client-first-message");
        }
        ScramMessages.ClientFirst first = ScramMessages.parseClientFirst(SaslIdentities.utf8(response));
        expectedCbindInput = cbindInput(first);
        username = SaslIdentities.username(first.username())
                .orElseThrow(() -> SaslRejection.notAuthorized("invalid-username-encoding"));
        if (first.authzid() != null
                && !SaslIdentities.authzidAllowed(first.authzid(), username, settings.domain())) {
            throw new SaslRejection(SaslFailure.INVALID_AUTHZID, "authzid must be the authenticating user");
        }
        clientFirst = first;
        state = State.AWAIT_CREDENTIALS;
        return new SaslStep.NeedCredentials(username);
    }

    /** The cbind-input the client must echo in {@code c=}: the gs2 header, plus the binding data for -PLUS. */
    private byte[] cbindInput(ScramMessages.ClientFirst first) throws SaslRejection {
        byte[] header = first.gs2Header().getBytes(StandardCharsets.UTF_8);
        return switch (first.flag()) {
            case CLIENT_UNSUPPORTED, SERVER_ASSUMED_UNSUPPORTED -> {
                if (plus) {
                    throw SaslRejection.malformed("-PLUS requires gs2-cbind-flag p");
                }
                if (first.flag() == ScramMessages.CbindFlag.SERVER_ASSUMED_UNSUPPORTED && !bindings.isEmpty()) {
                    // RFC 5802 §6: the client would have bound if it had seen -PLUS, so someone removed it.
                    throw SaslRejection.notAuthorized("server-does-support-channel-binding");
                }
                yield header;
            }
            case USED -> {
                if (!plus) {
                    throw SaslRejection.malformed("channel-binding-not-supported");
                }
                ChannelBinding binding = bindings.get(first.cbType());
                if (binding == null) {
                    throw SaslRejection.notAuthorized("unsupported-channel-binding-type");
                }
                byte[] data = binding.data();
                byte[] input = Arrays.copyOf(header, header.length + data.length);
                System.arraycopy(data, 0, input, header.length, data.length);
                yield input;
            }
        };
    }

    private SaslStep clientFinal(byte[] response) throws SaslRejection {
        if (response == null) {
            throw SaslRejection.malformed("missing client-final-message");
        }
        ScramMessages.ClientFinal last = ScramMessages.parseClientFinal(SaslIdentities.utf8(response));
        state = State.DONE;
        byte[] authMessage = (clientFirst.bare() + "," + serverFirst + "," + last.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        // The proof is checked for real and decoy credentials alike so that both take the same time.
        byte[] clientSignature = ScramCrypto.hmac(algorithm, credential.storedKey(), authMessage);
        boolean proofValid = last.proof().length == clientSignature.length
                && MessageDigest.isEqual(
                        ScramCrypto.hash(algorithm, ScramCrypto.xor(last.proof(), clientSignature)),
                        credential.storedKey());
        if (!MessageDigest.isEqual(last.channelBinding(), expectedCbindInput)) {
            throw SaslRejection.notAuthorized("channel-bindings-dont-match");
        }
        if (!last.nonce().equals(combinedNonce)) {
            throw SaslRejection.notAuthorized("nonce mismatch");
        }
        if (decoy || !proofValid) {
            throw SaslRejection.notAuthorized("invalid-proof");
        }
        byte[] serverSignature = ScramCrypto.hmac(algorithm, credential.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new SaslStep.Success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomNonce(SecureRandom random) {
        byte[] nonce = new byte[SERVER_NONCE_BYTES];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }
}
