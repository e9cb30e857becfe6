package dev.parley.server.testing;

import dev.parley.xmpp.xml.XmlElement;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IQ round trips over a {@link RawXmppClient}, for tests of modules on a real server. */
public final class Iqs {
    public static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static final Pattern ID = Pattern.compile("^<iq\\b[^>]*\\bid='([^']+)'");

    private Iqs() {
    }

    /**
     * Sends {@code iq} (single-quoted attributes, an {@code id} among them) and returns the reply with that id,
     * skipping anything else the server sends meanwhile.
     */
    public static XmlElement request(RawXmppClient client, String iq) throws Exception {
        Matcher id = ID.matcher(iq);
        if (!id.find()) {
            throw new IllegalArgumentException("the IQ needs an id: " + iq);
        }
        client.send(iq);
        while (true) {
            XmlElement received = client.next();
            if (received.name().equals("iq") && id.group(1).equals(received.attribute("id"))) {
                return received;
            }
        }
    }

    /** The result's payload; fails when the reply is not a result with one. */
    public static XmlElement result(XmlElement reply) throws IOException {
        if (!"result".equals(reply.attribute("type"))) {
            throw new IOException("expected a result, got " + reply);
        }
        return reply.firstChild().orElseThrow(() -> new IOException("the result has no payload: " + reply));
    }

    /** The defined condition of an error reply (RFC 6120 §8.3.3); fails when the reply is not an error. */
    public static String errorCondition(XmlElement reply) throws IOException {
        if (!"error".equals(reply.attribute("type"))) {
            throw new IOException("expected an error, got " + reply);
        }
        XmlElement error = reply.child("error", "jabber:client").orElseThrow();
        return error.firstChild(STANZAS).orElseThrow().name();
    }
}
