package dev.parley.xmpp.sasl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The client-side computations against the exchange of RFC 7677 §3 (user "user", password "pencil"). */
class ScramClientProofsTest {
    private static final byte[] SALTED = ScramClientProofs.saltedPassword(ScramAlgorithm.SHA_256,
            utf8("pencil"), Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
    private static final byte[] AUTH_MESSAGE = utf8("n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");

    @Test
    void clientProofIsTheOneOfRfc7677() {
        assertThat(base64(ScramClientProofs.clientProof(ScramAlgorithm.SHA_256, SALTED, AUTH_MESSAGE)))
                .isEqualTo("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    }

    @Test
    void serverSignatureIsTheOneOfRfc7677() {
        assertThat(base64(ScramClientProofs.serverSignature(ScramAlgorithm.SHA_256, SALTED, AUTH_MESSAGE)))
                .isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
