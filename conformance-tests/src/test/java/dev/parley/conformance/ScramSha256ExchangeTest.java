package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.sasl.SaslException;

import org.junit.jupiter.api.Test;

class ScramSha256ExchangeTest {

    /** RFC 7677 §3, user "user", password "pencil". */
    static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static ScramSha256Exchange rfcExample() {
        return new ScramSha256Exchange("user", "pencil", CLIENT_NONCE);
    }

    @Test
    void reproducesTheRfc7677Example() throws SaslException {
        ScramSha256Exchange exchange = rfcExample();

        assertThat(exchange.clientFirstMessage()).isEqualTo(CLIENT_FIRST);
        assertThat(exchange.clientFinalMessage(SERVER_FIRST)).isEqualTo(CLIENT_FINAL);
        assertThat(exchange.serverVerified()).isFalse();
        exchange.verifyServerFinal(SERVER_FINAL);
        assertThat(exchange.serverVerified()).isTrue();
    }

    @Test
    void rejectsAServerSignatureThatDiffers() throws SaslException {
        ScramSha256Exchange exchange = rfcExample();
        exchange.clientFinalMessage(SERVER_FIRST);

        assertThatThrownBy(() -> exchange.verifyServerFinal("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))
                .isInstanceOf(SaslException.class).hasMessageContaining("signature");
        assertThat(exchange.serverVerified()).isFalse();
    }

    @Test
    void extensionsAfterTheVerifierAreIgnored() throws SaslException {
        ScramSha256Exchange exchange = rfcExample();
        exchange.clientFinalMessage(SERVER_FIRST);

        exchange.verifyServerFinal(SERVER_FINAL + ",x=future");

        assertThat(exchange.serverVerified()).isTrue();
    }

    @Test
    void aServerErrorFailsTheExchange() throws SaslException {
        ScramSha256Exchange exchange = rfcExample();
        exchange.clientFinalMessage(SERVER_FIRST);

        assertThatThrownBy(() -> exchange.verifyServerFinal("e=invalid-proof"))
                .isInstanceOf(SaslException.class).hasMessageContaining("invalid-proof");
        assertThat(exchange.serverVerified()).isFalse();
    }

    @Test
    void aServerFinalMessageBeforeTheClientFinalIsRefused() {
        assertThatThrownBy(() -> rfcExample().verifyServerFinal(SERVER_FINAL)).isInstanceOf(SaslException.class);
    }

    @Test
    void theServerNonceMustExtendTheClientNonce() {
        String saltAndIterations = ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        assertThatThrownBy(() -> rfcExample().clientFinalMessage("r=someoneElsesNonce123" + saltAndIterations))
                .isInstanceOf(SaslException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> rfcExample().clientFinalMessage("r=" + CLIENT_NONCE + saltAndIterations))
                .as("the server appended nothing").isInstanceOf(SaslException.class);
    }

    @Test
    void aMandatoryExtensionFailsTheExchange() {
        assertThatThrownBy(() -> rfcExample().clientFinalMessage("m=ext," + SERVER_FIRST))
                .isInstanceOf(SaslException.class).hasMessageContaining("extension");
    }

    @Test
    void malformedServerFirstMessagesAreRefused() {
        String nonce = "r=" + CLIENT_NONCE + "xyz";
        for (String serverFirst : new String[] {
                "", nonce, nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==",
                nonce + ",i=4096,s=W22ZaJ0SNY7soEsUEjb6gQ==",
                nonce + ",s=not*base64,i=4096",
                nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0",
                nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-1",
                nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096x",
                nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=99999999999",
                nonce + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=" + (ScramSha256Exchange.MAX_ITERATIONS + 1)}) {
            assertThatThrownBy(() -> rfcExample().clientFinalMessage(serverFirst))
                    .as(serverFirst).isInstanceOf(SaslException.class);
        }
    }

    @Test
    void usernamesEscapeCommaAndEquals() {
        assertThat(ScramSha256Exchange.saslname("a,b=c")).isEqualTo("a=2Cb=3Dc");
        assertThat(new ScramSha256Exchange("a=2C", "pencil", "nonce").clientFirstMessage())
                .isEqualTo("n,,n=a=3D2C,r=nonce");
    }

    @Test
    void randomNoncesArePrintableWithoutCommaAndDiffer() {
        String first = ScramSha256Exchange.randomNonce();

        assertThat(first).hasSize(32).matches("[\\x21-\\x2B\\x2D-\\x7E]+");
        assertThat(ScramSha256Exchange.randomNonce()).isNotEqualTo(first);
    }

    @Test
    void aNonceWithACommaIsRefused() {
        assertThatThrownBy(() -> new ScramSha256Exchange("user", "pencil", "a,b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
