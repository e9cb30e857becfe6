package dev.parley.benchmarks;

import dev.parley.xmpp.sasl.PlainMechanism;
import dev.parley.xmpp.sasl.SaslSettings;
import dev.parley.xmpp.sasl.SaslStep;
import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredentials;
import dev.parley.xmpp.sasl.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A successful PLAIN login (RFC 4616) through {@link PlainMechanism}: unlike SCRAM the server itself must run PBKDF2
 * over the stored {@value ScramCredentials#DEFAULT_ITERATIONS} iterations to check the cleartext password, which is
 * why PLAIN is a worker-pool job. The account has a SCRAM-SHA-256 credential, the one PLAIN verifies against first.
 * Baseline: the JDK's own PBKDF2-HMAC-SHA-256 over the same iterations, which is nearly all of the work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class PlainBenchmark {
    private static final byte[] SALT = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private final SaslSettings settings = SaslSettings.forDomain("example.com");
    private StoredCredential stored;
    private byte[] message;

    @Setup
    public void setUp() {
        stored = new StoredCredential(Map.of(ScramAlgorithm.SHA_256, ScramCredentials.derive(ScramBenchmark.PASSWORD,
                ScramAlgorithm.SHA_256, ScramCredentials.DEFAULT_ITERATIONS, SALT)));
        message = ("\0" + ScramBenchmark.USERNAME + "\0" + ScramBenchmark.PASSWORD).getBytes(StandardCharsets.UTF_8);
        plainLogin();
    }

    /** One complete, successful exchange; fails loudly rather than measuring a rejection. */
    @Benchmark
    public SaslStep.Success plainLogin() {
        PlainMechanism mechanism = new PlainMechanism(settings);
        if (!(mechanism.evaluate(message) instanceof SaslStep.NeedCredentials)) {
            throw new IllegalStateException("PLAIN message refused");
        }
        if (mechanism.credentials(stored) instanceof SaslStep.Success success) {
            return success;
        }
        throw new IllegalStateException("password refused");
    }

    /** Baseline: the key derivation PLAIN cannot avoid, by the JDK. */
    @Benchmark
    public byte[] jdkPbkdf2() {
        return ScramClient.saltedPassword(ScramBenchmark.PASSWORD, SALT, ScramCredentials.DEFAULT_ITERATIONS);
    }
}
