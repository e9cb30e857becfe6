package dev.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6125 §6.4 matching of the identities XMPP servers use (RFC 6120 §13.7.1.2). */
class CertificateNamesTest {
    @Test
    void dnsNamesAndSingleLabelWildcards() throws Exception {
        CertificateNames names = CertificateNames.of(TestPki.selfSigned("ignored.example", TestPki.ec(),
                TestPki.dns("example.com"), TestPki.dns("*.example.net")));
        assertThat(names.covers("example.com")).isTrue();
        assertThat(names.covers("chat.example.net")).isTrue();
        assertThat(names.covers("example.net")).as("a wildcard needs a label to stand for").isFalse();
        assertThat(names.covers("a.b.example.net")).as("a wildcard stands for one label only").isFalse();
        assertThat(names.covers("ignored.example")).as("CN is ignored when there are DNS names").isFalse();
    }

    @Test
    void xmppAddrAndSrvNamesNameDomains() throws Exception {
        CertificateNames names = CertificateNames.of(TestPki.selfSigned("x", TestPki.ec(),
                TestPki.xmppAddr("bücher.example"), TestPki.srv("_xmpp-client.im.example"),
                TestPki.srv("_imap.mail.example")));
        assertThat(names.covers("xn--bcher-kva.example")).isTrue();
        assertThat(names.covers("im.example")).isTrue();
        assertThat(names.covers("mail.example")).as("only XMPP SRV services count").isFalse();
    }

    @Test
    void commonNameCountsOnlyWithoutAltNames() throws Exception {
        CertificateNames names = CertificateNames.of(TestPki.selfSigned("Legacy.Example", TestPki.ec()));
        assertThat(names.covers("legacy.example")).isTrue();
        assertThat(names.toString()).isEqualTo("[legacy.example]");
    }
}
