package dev.parley.conformance;

import java.net.InetSocketAddress;

import javax.net.ssl.HostnameVerifier;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Aims Smack connection configurations at a {@link XmppServerUnderTest}: its address (no DNS), its service domain, and
 * STARTTLS required with the fixture's trust.
 */
public final class SmackClients {

    private SmackClients() {
    }

    public static <B extends ConnectionConfiguration.Builder<?, ?>> B aimAt(B builder, XmppServerUnderTest server) {
        InetSocketAddress address = server.c2sAddress();
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("c2s address does not resolve: " + address);
        }
        TlsTrust trust = server.tlsTrust();
        try {
            builder.setXmppDomain(server.domain());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not a valid XMPP domain: " + server.domain(), e);
        }
        builder.setHostAddress(address.getAddress());
        builder.setPort(address.getPort());
        builder.setSecurityMode(SecurityMode.required);
        builder.setCustomX509TrustManager(trust.trustManager());
        HostnameVerifier verifier = trust.hostnameVerifierOrNull();
        if (verifier != null) {
            builder.setHostnameVerifier(verifier);
        }
        return builder;
    }
}
