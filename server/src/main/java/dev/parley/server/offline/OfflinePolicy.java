package dev.parley.server.offline;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;

/**
 * Which messages for an offline account are kept (XEP-0160), with the hints of XEP-0334 §4: a message holding nothing
 * but a chat state (XEP-0085 §5.5: such notifications are not stored) is discarded; {@code <no-store/>} keeps a
 * message out of storage, and the sender hears it was not delivered; {@code <store/>} keeps a chat state too. When a
 * message carries both hints, {@code <no-store/>} wins: not storing is the safer reading of a contradiction.
 */
final class OfflinePolicy {
    /** What to do with one message. */
    enum Decision { STORE, DISCARD, REFUSE }

    private OfflinePolicy() {
    }

    static Decision of(Message message) {
        XmlElement element = message.element();
        if (element.child("no-store", Namespaces.HINTS).isPresent()) {
            return onlyChatState(element) ? Decision.DISCARD : Decision.REFUSE;
        }
        if (element.child("store", Namespaces.HINTS).isPresent()) {
            return Decision.STORE;
        }
        return onlyChatState(element) ? Decision.DISCARD : Decision.STORE;
    }

    /** A chat state and nothing a user would read: no body, subject or other payload beside thread, hints and ids. */
    static boolean onlyChatState(XmlElement message) {
        boolean chatState = false;
        for (XmlElement child : message.elements().toList()) {
            String ns = child.namespace();
            if (ns.equals(Namespaces.CHAT_STATES)) {
                chatState = true;
            } else if (!ns.equals(Namespaces.HINTS) && !ns.equals(Namespaces.STANZA_ID)
                    && !child.is("thread", message.namespace())) {
                return false;
            }
        }
        return chatState;
    }
}
