package dev.parley.benchmarks;

import dev.parley.xmpp.sasl.SaslSettings;
import dev.parley.xmpp.sasl.SaslStep;
import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.ScramCredentials;
import dev.parley.xmpp.sasl.ScramMechanism;
import dev.parley.xmpp.sasl.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's part of a successful SCRAM-SHA-256 login at the default {@value ScramCredentials#DEFAULT_ITERATIONS}
 * iterations: client-first, credentials, client-final, through a fresh {@link ScramMechanism} per exchange. The server
 * never runs PBKDF2 here (it stores StoredKey and ServerKey); the client's PBKDF2 and proof are precomputed by
 * {@link ScramClient}. To let the client messages be precomputed, the mechanism draws its server nonce from a
 * {@link SecureRandom} that always yields the same bytes; {@link #serverNonceDraw} measures what that leaves out.
 *
 * <p>Baseline: the RFC 5802 §3 arithmetic alone with reused JCA objects (two HMACs, one hash, one comparison).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class ScramBenchmark {
    static final String USERNAME = "juliet";
    static final String PASSWORD = "a long and memorable passphrase";
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SaslSettings settings = SaslSettings.forDomain("example.com");
    private final SecureRandom fixedNonces = new FixedBytesRandom();
    private StoredCredential stored;
    private byte[] clientFirst;
    private byte[] clientFinal;
    private byte[] expectedServerFinal;

    private Mac mac;
    private MessageDigest sha256;
    private SecretKeySpec storedKeySpec;
    private SecretKeySpec serverKeySpec;
    private byte[] storedKey;
    private byte[] authMessage;
    private byte[] proof;

    @Setup
    public void setUp() throws GeneralSecurityException {
        ScramCredential credential = ScramCredentials.derive(PASSWORD, ScramAlgorithm.SHA_256,
                ScramCredentials.DEFAULT_ITERATIONS, SALT);
        stored = new StoredCredential(Map.of(ScramAlgorithm.SHA_256, credential));
        ScramClient client = new ScramClient(PASSWORD, SALT, ScramCredentials.DEFAULT_ITERATIONS);
        if (!Arrays.equals(client.storedKey(), credential.storedKey())) {
            throw new IllegalStateException("Parley and the JDK derive different StoredKeys");
        }

        String clientFirstBare = "n=" + USERNAME + ",r=" + CLIENT_NONCE;
        clientFirst = ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
        ScramMechanism probe = newMechanism();
        probe.evaluate(clientFirst);
        SaslStep.Challenge challenge = (SaslStep.Challenge) probe.credentials(stored);
        String serverFirst = new String(challenge.data(), StandardCharsets.UTF_8);
        String combinedNonce = serverFirst.substring(2, serverFirst.indexOf(','));
        String withoutProof = "c=biws,r=" + combinedNonce;
        String auth = clientFirstBare + "," + serverFirst + "," + withoutProof;
        String finalMessage = client.clientFinal(withoutProof, auth);
        clientFinal = finalMessage.getBytes(StandardCharsets.UTF_8);
        expectedServerFinal = client.serverFinal(auth).getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(scramSha256Exchange().additionalData(), expectedServerFinal)) {
            throw new IllegalStateException("the server's signature is not the one the client expects");
        }

        mac = Mac.getInstance(ScramClient.HMAC);
        sha256 = MessageDigest.getInstance(ScramClient.HASH);
        storedKey = credential.storedKey();
        storedKeySpec = new SecretKeySpec(storedKey, ScramClient.HMAC);
        serverKeySpec = new SecretKeySpec(credential.serverKey(), ScramClient.HMAC);
        authMessage = auth.getBytes(StandardCharsets.UTF_8);
        proof = Base64.getDecoder().decode(finalMessage.substring(finalMessage.indexOf(",p=") + 3));
        if (!Arrays.equals(serverCrypto(), Base64.getDecoder().decode(client.serverFinal(auth).substring(2)))) {
            throw new IllegalStateException("the baseline computes another server signature");
        }
    }

    /** One complete, successful exchange; fails loudly rather than measuring a rejection. */
    @Benchmark
    public SaslStep.Success scramSha256Exchange() {
        ScramMechanism mechanism = newMechanism();
        if (!(mechanism.evaluate(clientFirst) instanceof SaslStep.NeedCredentials)) {
            throw new IllegalStateException("client-first refused");
        }
        if (!(mechanism.credentials(stored) instanceof SaslStep.Challenge)) {
            throw new IllegalStateException("no server-first");
        }
        if (mechanism.evaluate(clientFinal) instanceof SaslStep.Success success) {
            return success;
        }
        throw new IllegalStateException("client-final refused");
    }

    /** Baseline: ClientSignature, H(ClientProof XOR ClientSignature) = StoredKey, ServerSignature. */
    @Benchmark
    public byte[] serverCrypto() throws GeneralSecurityException {
        mac.init(storedKeySpec);
        byte[] clientSignature = mac.doFinal(authMessage);
        for (int i = 0; i < clientSignature.length; i++) {
            clientSignature[i] ^= proof[i];
        }
        if (!MessageDigest.isEqual(sha256.digest(clientSignature), storedKey)) {
            throw new IllegalStateException("proof rejected");
        }
        mac.init(serverKeySpec);
        return mac.doFinal(authMessage);
    }

    /** The server nonce the fixed random leaves out of {@link #scramSha256Exchange}: 24 bytes, base64. */
    @Benchmark
    public String serverNonceDraw() {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    private ScramMechanism newMechanism() {
        return new ScramMechanism(ScramAlgorithm.SHA_256, false, Map.of(), fixedNonces, settings);
    }

    /** Always the same "random" bytes, so that every exchange has the same server-first-message. */
    private static final class FixedBytesRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0x5a);
        }
    }
}
