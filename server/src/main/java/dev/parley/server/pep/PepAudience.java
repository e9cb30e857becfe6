package dev.parley.server.pep;

import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.xmpp.jid.Jid;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The addresses one notification of a PEP node goes to (XEP-0163 §4.3), each once:
 * <ol>
 *   <li>the owner's available resources that show interest ({@code node+notify} in their capabilities);</li>
 *   <li>the interested resources of contacts who receive the owner's presence and whom the node admits
 *       ({@link PepAccess#allows}): implicit subscriptions, XEP-0163 §4.1-4.2;</li>
 *   <li>explicit subscribers (XEP-0060 §6.1) whom the node still admits, by XEP-0163 §4.3.2: a full JID gets one
 *       notification; a bare JID one per interested resource, or, with none, one addressed to the bare JID.</li>
 * </ol>
 * A resource that is both an implicit and an explicit subscriber gets one notification. Outcasts get none. Only hosted
 * accounts are addressed until federation exists.
 */
final class PepAudience {
    private PepAudience() {
    }

    /**
     * @param interested the available resources of a bare JID that show interest in the node
     */
    static Set<Jid> of(Jid owner, NodeConfig config, Collection<RosterItem> roster, Map<Jid, Affiliation> affiliations,
                       List<Jid> subscribers, Function<Jid, List<Jid>> interested, Predicate<Jid> hosted) {
        Set<Jid> to = new LinkedHashSet<>(interested.apply(owner));
        Map<Jid, RosterItem> contacts = new HashMap<>();
        for (RosterItem item : roster) {
            contacts.put(item.contact(), item);
            if (item.subscription().from() && !item.contact().equals(owner) && hosted.test(item.contact())
                    && PepAccess.allows(config, Optional.of(item), affiliations.get(item.contact()))) {
                to.addAll(interested.apply(item.contact()));
            }
        }
        for (Jid subscriber : subscribers) {
            Jid bare = subscriber.bare();
            boolean admitted = bare.equals(owner) || PepAccess.allows(config, Optional.ofNullable(contacts.get(bare)),
                    affiliations.get(bare));
            if (!admitted || !hosted.test(subscriber)) {
                continue;
            }
            if (!subscriber.isBare()) {
                to.add(subscriber);
            } else {
                List<Jid> resources = interested.apply(bare);
                to.addAll(resources.isEmpty() ? List.of(bare) : resources);
            }
        }
        return to;
    }
}
