package dev.parley.server.archive;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;

/**
 * Which messages go into a user's archive (XEP-0313 §7.1.1): those of type {@code chat} or {@code normal} with a
 * {@code <body/>}, and, by XEP-0334 §4, a chat or normal message without a body that carries {@code <store/>}. A
 * {@code <no-store/>} or {@code <no-permanent-store/>} hint keeps a message out (an archive is permanent storage) and
 * wins over {@code <store/>}. Groupchat messages are not kept in user archives (XEP-0313 leaves it open; they belong
 * in the room's archive), nor are headlines and errors.
 */
final class ArchivePolicy {
    private ArchivePolicy() {
    }

    static boolean archivable(Message message) {
        if (message.type() != Message.Type.CHAT && message.type() != Message.Type.NORMAL) {
            return false;
        }
        XmlElement element = message.element();
        if (element.child("no-store", Namespaces.HINTS).isPresent()
                || element.child("no-permanent-store", Namespaces.HINTS).isPresent()) {
            return false;
        }
        return element.child("body", element.namespace()).isPresent()
                || element.child("store", Namespaces.HINTS).isPresent();
    }
}
