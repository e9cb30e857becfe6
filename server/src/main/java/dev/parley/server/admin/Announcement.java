package dev.parley.server.admin;

import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * XEP-0133 §4.23's announcement: a message from the server's domain to every session online on this node. It is a
 * {@code headline} (RFC 6121 §5.2.2: a notification to which no reply is expected), which servers never store offline,
 * matching XEP-0133's "sent only to users who currently have a session".
 */
final class Announcement {
    private Announcement() {
    }

    /** Delivers the announcement to each bound session, from the domain of its account; returns how many got it. */
    static int send(SessionRegistry sessions, String subject, String body) {
        String id = UUID.randomUUID().toString();
        Map<String, Message> byDomain = new HashMap<>();
        int sent = 0;
        for (Jid account : sessions.onlineAccounts()) {
            Message message = byDomain.computeIfAbsent(account.domain(), domain -> message(id, domain, subject, body));
            for (ClientSession session : sessions.sessions(account)) {
                session.deliver(message.withTo(session.jid()));
                sent++;
            }
        }
        return sent;
    }

    private static Message message(String id, String domain, String subject, String body) {
        XmlElement.Builder message = XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", domain).attribute("type", Message.Type.HEADLINE.value()).attribute("id", id);
        if (subject != null && !subject.isBlank()) {
            message.textChild("subject", subject);
        }
        message.textChild("body", body);
        try {
            return (Message) Stanza.of(message.build());
        } catch (StanzaException e) {
            throw new IllegalStateException("the announcement is not a valid message", e);
        }
    }
}
