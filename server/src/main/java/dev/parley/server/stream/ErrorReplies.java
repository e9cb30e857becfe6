package dev.parley.server.stream;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

/**
 * Error replies to stanzas too malformed to have a typed view (a 'to' that is not a JID, an IQ without an id). The
 * reply goes straight back on the sender's stream, so it needs no valid address (RFC 6120 §8.3.1).
 */
final class ErrorReplies {
    private ErrorReplies() {
    }

    static XmlElement forInvalid(XmlElement stanza, StanzaError error, Jid sender) {
        XmlElement reply = XmlElement.builder(stanza.name(), stanza.namespace())
                .attribute("id", stanza.attribute("id"))
                .attribute("type", "error")
                .attribute("to", sender == null ? null : sender.toString())
                .build();
        return reply.withChild(error.toElement(Namespaces.CLIENT));
    }
}
