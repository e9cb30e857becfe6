package dev.parley.server.pep;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.storage.PubSubItem;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The XEP-0060 elements PEP answers and sends: items, event notifications, errors with pubsub conditions. */
final class PubSubXml {
    static final String NS = "http://jabber.org/protocol/pubsub";
    static final String OWNER = NS + "#owner";
    static final String EVENT = NS + "#event";
    static final String ERRORS = NS + "#errors";

    private PubSubXml() {
    }

    /** An error with a pubsub-specific condition (XEP-0060 §14.2). */
    static StanzaError error(StanzaErrorCondition condition, String pubsubCondition) {
        return StanzaError.of(condition).withApplicationCondition(XmlElement.empty(pubsubCondition, ERRORS));
    }

    static CompletionStage<IqReply> fail(StanzaErrorCondition condition, String pubsubCondition) {
        return IqReply.now(new IqReply.Error(error(condition, pubsubCondition)));
    }

    static CompletionStage<IqReply> fail(StanzaErrorCondition condition, String pubsubCondition, String text) {
        StanzaError error = StanzaError.of(condition, text)
                .withApplicationCondition(XmlElement.empty(pubsubCondition, ERRORS));
        return IqReply.now(new IqReply.Error(error));
    }

    /** {@code feature-not-implemented} with {@code <unsupported feature='...'/>} (XEP-0060 §14.2). */
    static CompletionStage<IqReply> unsupported(String feature) {
        StanzaError error = StanzaError.of(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED).withApplicationCondition(
                XmlElement.builder("unsupported", ERRORS).attribute("feature", feature).build());
        return IqReply.now(new IqReply.Error(error));
    }

    /** An {@code <item/>} in {@code namespace}, with its payload when {@code payload} is true. */
    static XmlElement item(String namespace, PubSubItem item, boolean payload) {
        XmlElement.Builder element = XmlElement.builder("item", namespace).attribute("id", item.id());
        if (payload) {
            element.child(item.payload());
        }
        return element.build();
    }

    /** {@code <items node='...'>} with the given children, in {@code namespace}. */
    static XmlElement items(String namespace, String node, List<XmlElement> children) {
        return XmlElement.builder("items", namespace).attribute("node", node).children(children).build();
    }

    /** A result payload {@code <pubsub xmlns=namespace>child</pubsub>}. */
    static XmlElement pubsub(String namespace, XmlElement child) {
        return XmlElement.builder("pubsub", namespace).child(child).build();
    }

    /**
     * An event notification (XEP-0060 §7.1.2.1) from the owner's bare JID (XEP-0163 §4.3.3), as a headline so that it
     * is neither stored offline nor shown as a chat message.
     */
    static XmlElement notification(Jid owner, Jid to, String id, XmlElement eventChild) {
        return XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", owner.toString())
                .attribute("to", to.toString())
                .attribute("type", "headline")
                .attribute("id", id)
                .child(XmlElement.builder("event", EVENT).child(eventChild).build())
                .build();
    }
}
