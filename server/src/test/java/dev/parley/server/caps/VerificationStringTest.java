package dev.parley.server.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** XEP-0115 §5.1 generation against the examples of §5.2 and §5.3, and the §5.4 well-formedness rules. */
class VerificationStringTest {
    static final String DISCO = "http://jabber.org/protocol/disco#info";

    /** The disco#info answer of §5.2 (Exodus). */
    static final String SIMPLE = "<query xmlns='" + DISCO + "'>"
            + "<identity category='client' type='pc' name='Exodus 0.9.1'/>"
            + "<feature var='http://jabber.org/protocol/disco#info'/>"
            + "<feature var='http://jabber.org/protocol/disco#items'/>"
            + "<feature var='http://jabber.org/protocol/muc'/>"
            + "<feature var='http://jabber.org/protocol/caps'/>"
            + "</query>";

    /** The disco#info answer of §5.3 (Psi), as the XEP prints it. */
    static final String COMPLEX = "<query xmlns='" + DISCO + "' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
            + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
            + "<identity xml:lang='el' category='client' name='&#936; 0.11' type='pc'/>"
            + "<feature var='http://jabber.org/protocol/caps'/>"
            + "<feature var='http://jabber.org/protocol/disco#info'/>"
            + "<feature var='http://jabber.org/protocol/disco#items'/>"
            + "<feature var='http://jabber.org/protocol/muc'/>"
            + "<x xmlns='jabber:x:data' type='result'>"
            + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
            + "<field var='ip_version' type='text-multi' ><value>ipv4</value><value>ipv6</value></field>"
            + "<field var='os'><value>Mac</value></field>"
            + "<field var='os_version'><value>10.5.1</value></field>"
            + "<field var='software'><value>Psi</value></field>"
            + "<field var='software_version'><value>0.11</value></field>"
            + "</x></query>";

    static XmlElement query(String xml) {
        return RoutingFixture.parse("<iq type='result' id='x'>" + xml + "</iq>").firstChild().orElseThrow();
    }

    @Test
    void simpleGenerationExampleOfSection5_2() {
        assertThat(VerificationString.input(query(SIMPLE))).contains("client/pc//Exodus 0.9.1<"
                + "http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<");
        assertThat(VerificationString.of(query(SIMPLE), "sha-1")).contains("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void complexGenerationExampleOfSection5_3() {
        assertThat(VerificationString.input(query(COMPLEX))).contains("client/pc/el/\u03a8 0.11<client/pc/en/Psi 0.11<"
                + "http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<"
                + "urn:xmpp:dataforms:softwareinfo<"
                + "ip_version<ipv4<ipv6<os<Mac<os_version<10.5.1<software<Psi<software_version<0.11<");
        assertThat(VerificationString.of(query(COMPLEX), "sha-1")).contains("q07IKJEyjvHSyhy//CH0CxmKi8w=");
    }

    @Test
    void otherSupportedHashesDigestTheSameString() {
        assertThat(VerificationString.of(query(SIMPLE), "sha-256").orElseThrow()).hasSize(44);
        assertThat(VerificationString.plausible("sha-256", "x".repeat(44))).isTrue();
        assertThat(VerificationString.plausible("sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0=")).isTrue();
        assertThat(VerificationString.plausible("sha-1", "1.0")).isFalse();
        assertThat(VerificationString.supports("sha-1")).isTrue();
        assertThat(VerificationString.supports("md5")).isFalse();
        assertThat(VerificationString.supports(null)).isFalse();
        assertThatThrownBy(() -> VerificationString.of(query(SIMPLE), "md5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortingIsByOctetsAndIdentitiesPartByPart() {
        // "a-b" sorts before "a/x" as whole strings, but category "a" comes before category "a-b".
        String s = VerificationString.input(query("<query xmlns='" + DISCO + "'>"
                + "<identity category='a-b' type='t'/><identity category='a' type='t'/>"
                + "<feature var='\u00e9'/><feature var='z'/><feature var='\uD83D\uDE00'/><feature var='\uFF5E'/>"
                + "</query>")).orElseThrow();

        assertThat(s).isEqualTo("a/t//<a-b/t//<z<\u00e9<\uFF5E<\uD83D\uDE00<");
    }

    @Test
    void section5_4IllFormedAnswersHaveNoVerificationString() {
        String identity = "<identity category='client' type='pc'/>";
        String feature = "<feature var='urn:x'/>";
        assertThat(VerificationString.input(query("<query xmlns='" + DISCO + "'>" + identity + identity + "</query>")))
                .isEmpty();
        assertThat(VerificationString.input(query("<query xmlns='" + DISCO + "'>" + feature + feature + "</query>")))
                .isEmpty();
        String form = "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' type='hidden'>"
                + "<value>urn:f</value></field></x>";
        assertThat(VerificationString.input(query("<query xmlns='" + DISCO + "'>" + form + form + "</query>")))
                .isEmpty();
        assertThat(VerificationString.input(query("<query xmlns='" + DISCO + "'><x xmlns='jabber:x:data' "
                + "type='result'><field var='FORM_TYPE' type='hidden'><value>urn:f</value><value>urn:g</value>"
                + "</field></x></query>"))).isEmpty();
    }

    @Test
    void formsWithoutAHiddenFormTypeAreIgnored() {
        String withoutFormType = "<x xmlns='jabber:x:data' type='result'><field var='os'><value>Mac</value></field></x>";
        String notHidden = "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE'><value>urn:f</value></field>"
                + "<field var='os'><value>Mac</value></field></x>";

        assertThat(VerificationString.of(query(SIMPLE.replace("</query>", withoutFormType + notHidden + "</query>")),
                "sha-1")).contains("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void featuresAreTheFeatureVars() {
        assertThat(VerificationString.features(query(COMPLEX))).containsExactlyInAnyOrder(
                "http://jabber.org/protocol/caps", "http://jabber.org/protocol/disco#info",
                "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/muc");
    }
}
