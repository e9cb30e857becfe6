package dev.parley.server.blocking;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One account's block list (XEP-0191): the JIDs it blocks, in the order they were blocked, and the matching rule of
 * XEP-0191 §6 (the rule of XEP-0016 §2.1): an item {@code user@domain/resource} matches only that full JID,
 * {@code user@domain} any resource of it, {@code domain/resource} only that full JID, and {@code domain} the domain
 * itself and every JID at it. Immutable; a check costs at most three hash look-ups whatever the list's size.
 */
public final class BlockList {
    public static final BlockList EMPTY = new BlockList(new LinkedHashSet<>());

    private final Set<Jid> items;
    /** The domains of the domain-only items, so that a check needs no JID built for the sender's domain. */
    private final Set<String> domains;

    private BlockList(LinkedHashSet<Jid> items) {
        this.items = Collections.unmodifiableSet(items);
        Set<String> blockedDomains = new HashSet<>();
        for (Jid item : items) {
            if (item.isDomain()) {
                blockedDomains.add(item.domain());
            }
        }
        this.domains = blockedDomains;
    }

    public static BlockList of(Collection<Jid> items) {
        return items.isEmpty() ? EMPTY : new BlockList(new LinkedHashSet<>(items));
    }

    /** Whether this list blocks {@code entity} (any JID: full, bare, domain or domain/resource). */
    public boolean blocks(Jid entity) {
        Objects.requireNonNull(entity, "entity");
        if (items.isEmpty()) {
            return false;
        }
        return items.contains(entity) || items.contains(entity.bare()) || domains.contains(entity.domain());
    }

    /** The rule for one item (XEP-0191 §6); {@link #blocks} applies it to every item at once. */
    public static boolean matches(Jid item, Jid entity) {
        if (item.isDomain()) {
            return item.domain().equals(entity.domain());
        }
        if (item.isBare()) {
            return item.equals(entity.bare());
        }
        return item.equals(entity);
    }

    /** The items, in the order they were blocked. */
    public Set<Jid> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** This list with {@code added} blocked too (those already in it keep their place). */
    public BlockList with(Collection<Jid> added) {
        LinkedHashSet<Jid> next = new LinkedHashSet<>(items);
        next.addAll(added);
        return next.size() == items.size() ? this : new BlockList(next);
    }

    /** This list without {@code removed}; an item not in it is ignored. */
    public BlockList without(Collection<Jid> removed) {
        LinkedHashSet<Jid> next = new LinkedHashSet<>(items);
        next.removeAll(removed);
        return next.size() == items.size() ? this : of(next);
    }

    /** {@code <blocklist xmlns='urn:xmpp:blocking'>} with an {@code <item/>} per JID (§3.2), also the stored form. */
    public XmlElement toElement() {
        return BlockingXml.withItems("blocklist", List.copyOf(items));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockList other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return "BlockList" + items;
    }
}
