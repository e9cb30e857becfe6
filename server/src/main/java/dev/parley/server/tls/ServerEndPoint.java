package dev.parley.server.tls;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code tls-server-end-point} channel binding (RFC 5929 §4.1): a hash of the server's certificate, with the hash
 * function chosen from the certificate's signatureAlgorithm: MD5 and SHA-1 are replaced by SHA-256, any other single
 * hash function is used as it is, and a signature with no hash or several (EdDSA, RSASSA-PSS whose MGF1 hash differs)
 * has no binding defined.
 * <p>
 * The xmpp-protocol SASL package is getting {@code ChannelBindings.tlsServerEndPoint(X509Certificate)}; once it is
 * there, this class should give way to it.
 */
final class ServerEndPoint {
    /** JCA names such as {@code SHA256withRSA}, {@code SHA384withECDSA}, {@code SHA3-256withRSA}, {@code MD5withRSA}. */
    private static final Pattern HASH_WITH = Pattern.compile("(?i)(MD5|MD2|SHA1|SHA224|SHA256|SHA384|SHA512|SHA3-\\d+)with.*");

    private ServerEndPoint() {
    }

    /** The binding data, or empty when RFC 5929 defines none for this certificate's signature algorithm. */
    static Optional<byte[]> of(X509Certificate certificate) {
        return hashFor(certificate).map(hash -> {
            try {
                return MessageDigest.getInstance(hash).digest(certificate.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("certificate cannot be hashed with " + hash, e);
            }
        });
    }

    /** The JCA digest name RFC 5929 §4.1 chooses. */
    static Optional<String> hashFor(X509Certificate certificate) {
        Optional<String> signatureHash = signatureHash(certificate);
        return signatureHash.map(hash -> hash.equals("MD5") || hash.equals("SHA-1") ? "SHA-256" : hash);
    }

    private static Optional<String> signatureHash(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName();
        Matcher matcher = HASH_WITH.matcher(algorithm);
        if (matcher.matches()) {
            String name = matcher.group(1).toUpperCase(Locale.ROOT);
            return Optional.of(name.startsWith("SHA") && !name.startsWith("SHA3") ? "SHA-" + name.substring(3) : name);
        }
        if (algorithm.equalsIgnoreCase("RSASSA-PSS")) {
            return pssHash(certificate.getSigAlgParams());
        }
        return Optional.empty();
    }

    private static Optional<String> pssHash(byte[] encodedParameters) {
        if (encodedParameters == null) {
            return Optional.of("SHA-1"); // RFC 4055 §3.1: absent parameters mean SHA-1 with MGF1-SHA-1
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(encodedParameters);
            PSSParameterSpec spec = parameters.getParameterSpec(PSSParameterSpec.class);
            if (spec.getMGFParameters() instanceof MGF1ParameterSpec mgf
                    && mgf.getDigestAlgorithm().equalsIgnoreCase(spec.getDigestAlgorithm())) {
                return Optional.of(spec.getDigestAlgorithm().toUpperCase(Locale.ROOT));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }
}
