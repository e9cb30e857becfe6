package dev.parley.server.routing;

import static dev.parley.server.routing.DeliveryRules.Action.ANSWER_FOR_ACCOUNT;
import static dev.parley.server.routing.DeliveryRules.Action.AS_BARE;
import static dev.parley.server.routing.DeliveryRules.Action.DELIVER_TO_AVAILABLE;
import static dev.parley.server.routing.DeliveryRules.Action.DELIVER_TO_MOST_AVAILABLE;
import static dev.parley.server.routing.DeliveryRules.Action.DELIVER_TO_NON_NEGATIVE;
import static dev.parley.server.routing.DeliveryRules.Action.DELIVER_TO_RESOURCE;
import static dev.parley.server.routing.DeliveryRules.Action.DROP;
import static dev.parley.server.routing.DeliveryRules.Action.PROBE;
import static dev.parley.server.routing.DeliveryRules.Action.SERVICE_UNAVAILABLE;
import static dev.parley.server.routing.DeliveryRules.Action.STORE_OFFLINE;
import static dev.parley.server.routing.DeliveryRules.Action.SUBSCRIPTION;

import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery rules of RFC 6121 §8.5 for an address at a hosted domain, as one table: stanza kind × address form ×
 * whether the account exists × which resources are available → what the server does.
 *
 * <p>Choices the RFC leaves open: a message for an account that does not exist gets {@code service-unavailable}
 * (§8.5.1 allows silence too; the sender should learn it went nowhere), presence for one is ignored, subscription
 * requests and probes included (§8.5.1 options b); a message for the bare JID goes to the available resources of
 * highest non-negative priority (§8.5.2.1.1 option a); a probe for an account with no available resource is answered
 * with the last unavailable presence (§4.3.2); a message to an unknown resource is handled as if sent to
 * the bare JID (§8.5.3.2.1 option a). Only resources with a negative priority count as none for messages
 * (§8.5.2.1.1), so their messages are stored offline.
 */
public final class DeliveryRules {
    private DeliveryRules() {
    }

    /** What the rules distinguish about a stanza. */
    public enum Kind {
        MESSAGE_NORMAL, MESSAGE_CHAT, MESSAGE_GROUPCHAT, MESSAGE_HEADLINE, MESSAGE_ERROR,
        /** Presence without a type, or of type unavailable. */
        PRESENCE_AVAILABILITY,
        /** Presence of type subscribe, subscribed, unsubscribe or unsubscribed. */
        PRESENCE_SUBSCRIPTION,
        PRESENCE_PROBE, PRESENCE_ERROR,
        /** IQ get or set. */
        IQ_REQUEST,
        /** IQ result or error. */
        IQ_RESPONSE;

        public static Kind of(Stanza stanza) {
            return switch (stanza) {
                case Message message -> switch (message.type()) {
                    case NORMAL -> MESSAGE_NORMAL;
                    case CHAT -> MESSAGE_CHAT;
                    case GROUPCHAT -> MESSAGE_GROUPCHAT;
                    case HEADLINE -> MESSAGE_HEADLINE;
                    case ERROR -> MESSAGE_ERROR;
                };
                case Presence presence -> switch (presence.type()) {
                    case AVAILABLE, UNAVAILABLE -> PRESENCE_AVAILABILITY;
                    case SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED -> PRESENCE_SUBSCRIPTION;
                    case PROBE -> PRESENCE_PROBE;
                    case ERROR -> PRESENCE_ERROR;
                };
                case Iq iq -> iq.isRequest() ? IQ_REQUEST : IQ_RESPONSE;
            };
        }
    }

    /** The form of the 'to' address. */
    public enum Address {
        BARE,
        /** A full JID a session of this node has bound (an available or only connected resource, §8.5.3.1). */
        FULL_CONNECTED,
        /** A full JID no session holds (§8.5.3.2). */
        FULL_UNKNOWN
    }

    /** The account's available resources (RFC 6121 §4.7.2.3 priorities). */
    public enum Resources {
        /** At least one available resource has a priority of zero or more. */
        NON_NEGATIVE,
        /** Resources are available, all with negative priority. */
        NEGATIVE_ONLY,
        /** No resource is available (none is bound, or none sent initial presence). */
        NONE;

        public static Resources of(List<ClientSession> bound) {
            Resources found = NONE;
            for (ClientSession session : bound) {
                if (session.available()) {
                    if (session.priority() >= 0) {
                        return NON_NEGATIVE;
                    }
                    found = NEGATIVE_ONLY;
                }
            }
            return found;
        }
    }

    /** What the server does with the stanza. */
    public enum Action {
        /** To the resource the full JID names. */
        DELIVER_TO_RESOURCE,
        /** To the available resources of highest priority, if that priority is not negative. */
        DELIVER_TO_MOST_AVAILABLE,
        /** To every available resource with a non-negative priority. */
        DELIVER_TO_NON_NEGATIVE,
        /** To every available resource. */
        DELIVER_TO_AVAILABLE,
        /** Kept for the account's next available resource (XEP-0160). */
        STORE_OFFLINE,
        /** Answered with the stanza error {@code service-unavailable}. */
        SERVICE_UNAVAILABLE,
        /** Ignored silently. */
        DROP,
        /** Processed by the account's subscription state machine (RFC 6121 §3, Appendix A). */
        SUBSCRIPTION,
        /**
         * Answered with the presence of the available resources, or else the last unavailable presence, if the prober
         * is subscribed (§4.3.2).
         */
        PROBE,
        /** Answered by the server on the account's behalf (§8.5.2.1.3, §8.5.2.2.3). */
        ANSWER_FOR_ACCOUNT,
        /** Only inside the table: handled as if sent to the bare JID. */
        AS_BARE
    }

    /**
     * One row: the action for an account that does not exist, for the bare JID by available resources, and for a full
     * JID (connected or unknown).
     */
    private record Row(Action noAccount, Action bareNonNegative, Action bareNegativeOnly, Action bareNone,
                       Action fullConnected, Action fullUnknown) {
    }

    private static final Map<Kind, Row> TABLE = new EnumMap<>(Kind.class);

    static {
        //   kind                          §8.5.1 no account    §8.5.2 bare: non-negative   negative only   none           §8.5.3 full: connected  unknown
        row(Kind.MESSAGE_NORMAL,           SERVICE_UNAVAILABLE, DELIVER_TO_MOST_AVAILABLE,   STORE_OFFLINE,  STORE_OFFLINE, DELIVER_TO_RESOURCE,    AS_BARE);
        row(Kind.MESSAGE_CHAT,             SERVICE_UNAVAILABLE, DELIVER_TO_MOST_AVAILABLE,   STORE_OFFLINE,  STORE_OFFLINE, DELIVER_TO_RESOURCE,    AS_BARE);
        row(Kind.MESSAGE_GROUPCHAT,        SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE,         SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, DELIVER_TO_RESOURCE, SERVICE_UNAVAILABLE);
        row(Kind.MESSAGE_HEADLINE,         SERVICE_UNAVAILABLE, DELIVER_TO_NON_NEGATIVE,     DROP,           DROP,          DELIVER_TO_RESOURCE,    AS_BARE);
        row(Kind.MESSAGE_ERROR,            DROP,                DROP,                        DROP,           DROP,          DELIVER_TO_RESOURCE,    DROP);
        row(Kind.PRESENCE_AVAILABILITY,    DROP,                DELIVER_TO_AVAILABLE,        DELIVER_TO_AVAILABLE, DROP,    DELIVER_TO_RESOURCE,    DROP);
        row(Kind.PRESENCE_SUBSCRIPTION,    DROP,                SUBSCRIPTION,                SUBSCRIPTION,   SUBSCRIPTION,  AS_BARE,                AS_BARE);
        row(Kind.PRESENCE_PROBE,           DROP,                PROBE,                       PROBE,          PROBE,         AS_BARE,                AS_BARE);
        row(Kind.PRESENCE_ERROR,           DROP,                DELIVER_TO_AVAILABLE,        DELIVER_TO_AVAILABLE, DROP,    DELIVER_TO_RESOURCE,    DROP);
        row(Kind.IQ_REQUEST,               SERVICE_UNAVAILABLE, ANSWER_FOR_ACCOUNT,          ANSWER_FOR_ACCOUNT, ANSWER_FOR_ACCOUNT, DELIVER_TO_RESOURCE, SERVICE_UNAVAILABLE);
        row(Kind.IQ_RESPONSE,              DROP,                DROP,                        DROP,           DROP,          DELIVER_TO_RESOURCE,    DROP);
    }

    private static void row(Kind kind, Action noAccount, Action bareNonNegative, Action bareNegativeOnly,
                            Action bareNone, Action fullConnected, Action fullUnknown) {
        TABLE.put(kind, new Row(noAccount, bareNonNegative, bareNegativeOnly, bareNone, fullConnected, fullUnknown));
    }

    /** The action for a stanza of {@code kind} sent to {@code address}; never {@link Action#AS_BARE}. */
    public static Action decide(Kind kind, Address address, boolean accountExists, Resources resources) {
        Row row = TABLE.get(kind);
        if (!accountExists) {
            return row.noAccount();
        }
        Action action = switch (address) {
            case BARE -> AS_BARE;
            case FULL_CONNECTED -> row.fullConnected();
            case FULL_UNKNOWN -> row.fullUnknown();
        };
        if (action != AS_BARE) {
            return action;
        }
        return switch (resources) {
            case NON_NEGATIVE -> row.bareNonNegative();
            case NEGATIVE_ONLY -> row.bareNegativeOnly();
            case NONE -> row.bareNone();
        };
    }

    /**
     * Whether the action depends on the account existing, which only a storage read can tell when no session is bound.
     * When it does not, routing saves the read.
     */
    public static boolean dependsOnAccount(Kind kind, Address address, Resources resources) {
        return decide(kind, address, true, resources) != decide(kind, address, false, resources);
    }
}
