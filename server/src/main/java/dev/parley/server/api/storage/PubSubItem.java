package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.Objects;

/**
 * One published item of a pubsub node (XEP-0060 §7.1): its id, who published it, and its payload.
 *
 * @param id        the item id, unique in its node; see {@link PubSubStore#requireName}
 * @param publisher the full or bare JID that published it
 * @param payload   the one payload element the item carries
 */
public record PubSubItem(String id, Jid publisher, XmlElement payload) {
    public PubSubItem {
        PubSubStore.requireName(id);
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(payload, "payload");
    }
}
