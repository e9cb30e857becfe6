package dev.parley.server.blocking;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The elements of XEP-0191 §3 and the reading of a client's request: {@code <blocklist/>} is read with a get,
 * {@code <block/>} and {@code <unblock/>} with a set, each {@code <item/>} naming its JID in a 'jid' attribute.
 * Refused: the wrong IQ type or a block without items ({@code bad-request}, §3.3), an item without 'jid'
 * ({@code bad-request}), an item whose 'jid' is no JID ({@code jid-malformed}, RFC 6120 §8.3.3.8).
 */
final class BlockingXml {
    static final String NAMESPACE = Namespaces.BLOCKING;
    /** XEP-0191 §3.3: the application condition of the error answering a stanza to a blocked JID. */
    static final String ERRORS_NAMESPACE = "urn:xmpp:blocking:errors";

    private BlockingXml() {
    }

    /** A request the handler can carry out. */
    sealed interface Request {
        record Get() implements Request {
        }

        record Block(List<Jid> items) implements Request {
        }

        /** {@code items} empty: unblock everyone (§3.4). */
        record Unblock(List<Jid> items) implements Request {
        }
    }

    /** Either a request or the error to answer with. */
    record Parsed(Request request, StanzaError error) {
        static Parsed refused(StanzaErrorCondition condition, String text) {
            return new Parsed(null, StanzaError.of(condition, text));
        }
    }

    static Parsed parse(Iq iq) {
        XmlElement payload = iq.payload();
        boolean get = iq.type() == Iq.Type.GET;
        return switch (payload.name()) {
            case "blocklist" -> get ? new Parsed(new Request.Get(), null)
                    : Parsed.refused(StanzaErrorCondition.BAD_REQUEST, "The block list is read with a get");
            case "block", "unblock" -> {
                if (get) {
                    yield Parsed.refused(StanzaErrorCondition.BAD_REQUEST, "Blocking and unblocking use a set");
                }
                List<Jid> items = new ArrayList<>();
                for (XmlElement item : payload.elements("item", NAMESPACE).toList()) {
                    String jid = item.attribute("jid");
                    if (jid == null) {
                        yield Parsed.refused(StanzaErrorCondition.BAD_REQUEST, "Each item needs a 'jid'");
                    }
                    Optional<Jid> parsed = Jid.tryParse(jid);
                    if (parsed.isEmpty()) {
                        yield Parsed.refused(StanzaErrorCondition.JID_MALFORMED, "Not a JID: an item's 'jid'");
                    }
                    items.add(parsed.get());
                }
                if (payload.name().equals("unblock")) {
                    yield new Parsed(new Request.Unblock(List.copyOf(items)), null);
                }
                yield items.isEmpty()
                        ? Parsed.refused(StanzaErrorCondition.BAD_REQUEST, "Name at least one JID to block")
                        : new Parsed(new Request.Block(List.copyOf(items)), null);
            }
            default -> Parsed.refused(StanzaErrorCondition.BAD_REQUEST, "Unknown request");
        };
    }

    /** {@code <name xmlns='urn:xmpp:blocking'>} with an {@code <item jid='...'/>} per JID. */
    static XmlElement withItems(String name, List<Jid> items) {
        XmlElement.Builder element = XmlElement.builder(name, NAMESPACE);
        for (Jid item : items) {
            element.child(XmlElement.builder("item", NAMESPACE).attribute("jid", item.toString()).build());
        }
        return element.build();
    }

    /** The block list stored as {@link BlockList#toElement()} wrote it. */
    static BlockList read(XmlElement blocklist) {
        List<Jid> items = new ArrayList<>();
        blocklist.elements("item", NAMESPACE).forEach(item -> Jid.tryParse(item.attribute("jid")).ifPresent(items::add));
        return BlockList.of(items);
    }

    /** The error for a message or IQ the user sent to a JID it blocks (§3.3). */
    static StanzaError blockedError() {
        return StanzaError.of(StanzaErrorCondition.NOT_ACCEPTABLE, "You have blocked this contact")
                .withApplicationCondition(XmlElement.empty("blocked", ERRORS_NAMESPACE));
    }
}
