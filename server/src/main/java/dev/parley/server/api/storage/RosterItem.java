package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact of a roster (RFC 6121 §2.1) with its full subscription state (§3, Appendix A): the subscription, the
 * pending outbound request ({@code ask='subscribe'}), a pending inbound request, and a pre-approval (§3.4).
 *
 * <p>A contact that only asked to subscribe, and that the user never added, is kept here too, but not
 * {@code listed}: RFC 6121 §3.1.3 has the server remember the request without adding the contact to the roster the
 * user sees. {@code pendingRequest} is that request as received, redelivered at the user's next login until it is
 * answered.
 *
 * @param contact        a bare JID
 * @param name           the user's name for the contact, or null
 * @param groups         the groups it is in: distinct, none empty
 * @param subscription   whose presence flows
 * @param pendingOut     the user asked to see the contact's presence and has no answer yet
 * @param pendingIn      the contact asked to see the user's presence and has no answer yet
 * @param preApproved    the user approved a request the contact has not made yet
 * @param listed         part of the roster the user sees (false only for a bare pending inbound request)
 * @param pendingRequest the contact's subscription request, when {@code pendingIn}; may be null even then
 */
public record RosterItem(Jid contact, String name, List<String> groups, Subscription subscription, boolean pendingOut,
                         boolean pendingIn, boolean preApproved, boolean listed, XmlElement pendingRequest) {

    /** The subscription values of RFC 6121 §2.1.2.5. */
    public enum Subscription {
        NONE, TO, FROM, BOTH;

        /** The user receives the contact's presence. */
        public boolean to() {
            return this == TO || this == BOTH;
        }

        /** The contact receives the user's presence. */
        public boolean from() {
            return this == FROM || this == BOTH;
        }

        public static Subscription of(boolean to, boolean from) {
            return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
        }
    }

    public RosterItem {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(subscription, "subscription");
        if (!contact.isBare()) {
            throw new IllegalArgumentException("a roster contact is a bare JID: " + contact);
        }
        groups = List.copyOf(groups);
        if (new HashSet<>(groups).size() != groups.size() || groups.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("groups must be distinct and not empty: " + groups);
        }
        if (pendingOut && subscription.to()) {
            throw new IllegalArgumentException("a request to subscribe cannot be pending with subscription "
                    + subscription);
        }
        if (pendingIn && subscription.from()) {
            throw new IllegalArgumentException("a request from the contact cannot be pending with subscription "
                    + subscription);
        }
        if (preApproved && (subscription.from() || pendingIn)) {
            throw new IllegalArgumentException("only a request not made yet can be pre-approved");
        }
        if (!listed && (name != null || !groups.isEmpty() || subscription != Subscription.NONE || pendingOut
                || preApproved || !pendingIn)) {
            throw new IllegalArgumentException("an unlisted entry is only a pending inbound request");
        }
        if (pendingRequest != null && !pendingIn) {
            throw new IllegalArgumentException("a stored request needs a pending inbound request");
        }
    }

    /** A new contact in the roster the user sees, with no subscription either way. */
    public static RosterItem listed(Jid contact, String name, List<String> groups) {
        return new RosterItem(contact, name, groups, Subscription.NONE, false, false, false, true, null);
    }

    /** A request from a contact the user has not added: remembered, not shown (RFC 6121 §3.1.3). */
    public static RosterItem pendingRequest(Jid contact, XmlElement request) {
        return new RosterItem(contact, null, List.of(), Subscription.NONE, false, true, false, false, request);
    }

    /** This contact with the name and groups the user set; an unlisted request becomes listed. */
    public RosterItem withNameAndGroups(String newName, List<String> newGroups) {
        return new RosterItem(contact, newName, newGroups, subscription, pendingOut, pendingIn, preApproved, true,
                pendingRequest);
    }

    /**
     * This contact in another subscription state. It becomes listed whenever the state has anything the roster shows
     * (a subscription, {@code ask}, {@code approved}); an unlisted entry left with nothing pending is gone (empty).
     */
    public Optional<RosterItem> withState(Subscription newSubscription, boolean newPendingOut, boolean newPendingIn,
                                          boolean newPreApproved) {
        boolean shows = newSubscription != Subscription.NONE || newPendingOut || newPreApproved;
        if (!listed && !shows && !newPendingIn) {
            return Optional.empty();
        }
        return Optional.of(new RosterItem(contact, name, groups, newSubscription, newPendingOut, newPendingIn,
                newPreApproved, listed || shows, newPendingIn ? pendingRequest : null));
    }

    /** This contact with the inbound request to keep for redelivery. */
    public RosterItem withPendingRequest(XmlElement request) {
        return new RosterItem(contact, name, groups, subscription, pendingOut, pendingIn, preApproved, listed, request);
    }
}
