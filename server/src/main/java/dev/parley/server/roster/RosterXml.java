package dev.parley.server.roster;

import dev.parley.server.api.storage.RosterItem;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code jabber:iq:roster} payloads of RFC 6121 §2.1: roster items as the server shows them, and the checks of a
 * roster set (§2.3.3, §2.5.3) that turn a client's {@code <item/>} into what to store or an error.
 */
final class RosterXml {
    /** Longest name or group, in characters: a server-configured limit of §2.3.3, generous for any real name. */
    static final int MAX_TEXT = 1023;

    private RosterXml() {
    }

    /** What a valid roster set asks for. */
    sealed interface SetRequest {
        Jid contact();

        record AddOrUpdate(Jid contact, String name, List<String> groups) implements SetRequest {
        }

        record Remove(Jid contact) implements SetRequest {
        }
    }

    /** A parsed roster set, or the error to answer it with. */
    record Parsed(SetRequest request, StanzaError error) {
        static Parsed error(StanzaErrorCondition condition, String text) {
            return new Parsed(null, StanzaError.of(condition, text));
        }
    }

    /** The roster as {@code <query ver='...'/>} with the listed entries (§2.1.4, §2.6.3). */
    static XmlElement query(long version, List<RosterItem> items) {
        XmlElement.Builder query = XmlElement.builder("query", Namespaces.ROSTER).attribute("ver", ver(version));
        items.stream().filter(RosterItem::listed).forEach(item -> query.child(item(item)));
        return query.build();
    }

    /** The payload of a roster push for a changed entry (§2.1.6). */
    static XmlElement push(long version, RosterItem item) {
        return XmlElement.builder("query", Namespaces.ROSTER).attribute("ver", ver(version)).child(item(item)).build();
    }

    /** The payload of a roster push for a removed entry (§2.5.2). */
    static XmlElement pushRemoved(long version, Jid contact) {
        return XmlElement.builder("query", Namespaces.ROSTER).attribute("ver", ver(version))
                .child(XmlElement.builder("item", Namespaces.ROSTER).attribute("jid", contact.toString())
                        .attribute("subscription", "remove").build())
                .build();
    }

    /** The roster version as the {@code ver} attribute shows it (§2.6: an opaque string to clients). */
    static String ver(long version) {
        return Long.toString(version);
    }

    /** One entry: jid, name, subscription, {@code ask} (§2.1.2.2), {@code approved} (§2.1.2.1), groups. */
    static XmlElement item(RosterItem item) {
        XmlElement.Builder element = XmlElement.builder("item", Namespaces.ROSTER)
                .attribute("jid", item.contact().toString())
                .attribute("name", item.name())
                .attribute("subscription", item.subscription().name().toLowerCase(Locale.ROOT))
                .attribute("ask", item.pendingOut() ? "subscribe" : null)
                .attribute("approved", item.preApproved() ? "true" : null);
        item.groups().forEach(group -> element.textChild("group", group));
        return element.build();
    }

    /**
     * Checks the {@code <query/>} of a roster set: exactly one {@code <item/>} with a bare JID, no duplicate groups
     * ({@code bad-request}); a name or group no longer than {@link #MAX_TEXT}, no empty group ({@code not-acceptable});
     * a JID that is one ({@code jid-malformed}). {@code subscription} other than {@code remove}, {@code ask} and
     * {@code approved} are the server's to set and are ignored (§2.1.2).
     */
    static Parsed parseSet(XmlElement query) {
        List<XmlElement> items = query.elements("item", Namespaces.ROSTER).limit(2).toList();
        if (items.size() != 1) {
            return Parsed.error(StanzaErrorCondition.BAD_REQUEST, "A roster set carries exactly one item");
        }
        XmlElement item = items.getFirst();
        String jid = item.attribute("jid");
        if (jid == null) {
            return Parsed.error(StanzaErrorCondition.BAD_REQUEST, "The item has no 'jid'");
        }
        Jid contact;
        try {
            contact = Jid.parse(jid);
        } catch (JidFormatException e) {
            return Parsed.error(StanzaErrorCondition.JID_MALFORMED, "The item's 'jid' is not a valid JID");
        }
        if (!contact.isBare()) {
            return Parsed.error(StanzaErrorCondition.BAD_REQUEST, "Roster items are bare JIDs");
        }
        if ("remove".equals(item.attribute("subscription"))) {
            return new Parsed(new SetRequest.Remove(contact), null);
        }
        String name = item.attribute("name");
        if (name != null && name.length() > MAX_TEXT) {
            return Parsed.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The name is longer than " + MAX_TEXT + " characters");
        }
        List<String> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (XmlElement group : item.elements("group", Namespaces.ROSTER).toList()) {
            String text = group.text();
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                return Parsed.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "A group name must have 1 to " + MAX_TEXT + " characters");
            }
            if (!seen.add(text)) {
                return Parsed.error(StanzaErrorCondition.BAD_REQUEST, "The group '" + text + "' appears twice");
            }
            groups.add(text);
        }
        return new Parsed(new SetRequest.AddOrUpdate(contact, name == null || name.isEmpty() ? null : name, groups),
                null);
    }
}
