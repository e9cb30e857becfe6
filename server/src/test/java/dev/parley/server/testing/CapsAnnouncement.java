package dev.parley.server.testing;

import dev.parley.server.api.EntityCapabilities;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A test client announcing its features the XEP-0115 way: available presence with a caps element, then an answer to
 * the server's disco#info query, and a wait until the server's {@link EntityCapabilities} knows them. Each
 * announcement carries a feature of its own, so its verification string is new and the server always asks.
 */
public final class CapsAnnouncement {
    private static final String CAPS = "http://jabber.org/protocol/caps";
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String NODE = "https://parley.test/client";
    private static final String IDENTITY = "client/pc//Parley test client<";

    private CapsAnnouncement() {
    }

    /** Announces {@code features} for {@code session} and returns once the server knows them. */
    public static void announce(TestServer server, XmppSession session, String... features) throws Exception {
        List<String> all = new ArrayList<>(List.of(features));
        all.add("urn:parley:test:" + UUID.randomUUID());
        all.sort(null); // XEP-0115 §5.1 sorts by i;octet, which is String order for these ASCII names
        StringBuilder input = new StringBuilder(IDENTITY);
        all.forEach(feature -> input.append(feature).append('<'));
        String ver = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-1").digest(input.toString().getBytes(StandardCharsets.UTF_8)));

        session.send("<presence><c xmlns='" + CAPS + "' hash='sha-1' node='" + NODE + "' ver='" + ver + "'/></presence>");
        XmlElement query = session.client().next(e -> e.name().equals("iq") && "get".equals(e.attribute("type"))
                && e.child("query", DISCO_INFO).isPresent());
        StringBuilder answer = new StringBuilder("<iq type='result' id='" + query.attribute("id") + "' to='"
                + query.attribute("from") + "'><query xmlns='" + DISCO_INFO + "' node='" + NODE + '#' + ver + "'>"
                + "<identity category='client' type='pc' name='Parley test client'/>");
        all.forEach(feature -> answer.append("<feature var='").append(feature).append("'/>"));
        session.send(answer.append("</query></iq>").toString());

        Jid jid = Jid.parse(session.fullJid());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> server.server().entityCapabilities().features(jid).containsAll(List.of(features)));
    }
}
