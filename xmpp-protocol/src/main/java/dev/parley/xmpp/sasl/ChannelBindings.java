package dev.parley.xmpp.sasl;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds channel-binding data from what the TLS layer knows, without touching the connection.
 *
 * <p>{@code tls-server-end-point} (RFC 5929 §4.1) is the hash of the server's DER certificate, the hash being the one
 * of the certificate's signature algorithm, except that MD5 and SHA-1 are replaced by SHA-256. RFC 5929 leaves it
 * undefined for signatures without exactly one hash; Parley decides:
 * <ul>
 *   <li>RSASSA-PSS: the hash named in the signature parameters (same rule for SHA-1);</li>
 *   <li>Ed25519: SHA-512, the hash RFC 8419 §3 pairs with Ed25519 and the one OpenSSL's {@code X509_digest_sig}
 *       picks, so OpenSSL-based clients compute the same data;</li>
 *   <li>Ed448 (SHAKE256, no agreed output length), ML-DSA and anything unrecognised: no binding. The -PLUS
 *       mechanisms then rely on {@code tls-exporter}.</li>
 * </ul>
 *
 * <p>{@code tls-exporter} (RFC 9266 §2) is the TLS exporter output for {@link #TLS_EXPORTER_LABEL}, an empty context
 * and {@link #TLS_EXPORTER_LENGTH} bytes. RFC 9266 §3 allows it only on TLS 1.3, or TLS 1.2 with extended master
 * secret; the TLS layer must not offer it otherwise.
 */
public final class ChannelBindings {
    public static final String TLS_EXPORTER_LABEL = "EXPORTER-Channel-Binding";
    public static final int TLS_EXPORTER_LENGTH = 32;

    private static final String OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String OID_ED25519 = "1.3.101.112";
    /** JCA signature names are "<digest>with<key type>", e.g. SHA384withECDSA, SHA3-256withRSA, SHA512/224withRSA. */
    private static final Pattern DIGEST_WITH = Pattern.compile("(?i)(MD2|MD5|SHA1|SHA-?\\d+(?:/\\d+)?|SHA3-\\d+)with.+");
    private static final Pattern SHA2_WITHOUT_DASH = Pattern.compile("SHA(\\d+(?:/\\d+)?)");

    private ChannelBindings() {
    }

    /** RFC 5929 §4.1 data for this certificate, or empty when the binding is undefined for its signature. */
    public static Optional<ChannelBinding> tlsServerEndPoint(X509Certificate serverCert) {
        Optional<String> hash = tlsServerEndPointHash(serverCert);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance(hash.get()).digest(serverCert.getEncoded());
            return Optional.of(new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, digest));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Wraps exporter output obtained with {@link #TLS_EXPORTER_LABEL}, empty context, {@link #TLS_EXPORTER_LENGTH}. */
    public static ChannelBinding tlsExporter(byte[] keyingMaterial) {
        if (keyingMaterial.length != TLS_EXPORTER_LENGTH) {
            throw new IllegalArgumentException("tls-exporter data must be " + TLS_EXPORTER_LENGTH + " bytes");
        }
        return new ChannelBinding(ChannelBinding.TLS_EXPORTER, keyingMaterial);
    }

    /** The JCA MessageDigest name RFC 5929 §4.1 (with the choices above) gives for this certificate. */
    static Optional<String> tlsServerEndPointHash(X509Certificate cert) {
        String oid = cert.getSigAlgOID();
        if (OID_ED25519.equals(oid)) {
            return Optional.of("SHA-512");
        }
        if (OID_RSASSA_PSS.equals(oid)) {
            return pssDigest(cert.getSigAlgParams()).map(ChannelBindings::upgradeWeak);
        }
        Matcher matcher = DIGEST_WITH.matcher(cert.getSigAlgName());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digest = matcher.group(1).toUpperCase(Locale.ROOT);
        Matcher sha2 = SHA2_WITHOUT_DASH.matcher(digest);
        return Optional.of(upgradeWeak(sha2.matches() ? "SHA-" + sha2.group(1) : digest));
    }

    private static Optional<String> pssDigest(byte[] encodedParams) {
        if (encodedParams == null) {
            return Optional.empty();
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(encodedParams);
            return Optional.of(parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm());
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static String upgradeWeak(String digest) {
        return digest.equals("MD5") || digest.equals("SHA-1") || digest.equals("SHA1") ? "SHA-256" : digest;
    }
}
