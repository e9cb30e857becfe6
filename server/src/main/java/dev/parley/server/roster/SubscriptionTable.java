package dev.parley.server.roster;

import static dev.parley.server.roster.SubscriptionState.BOTH;
import static dev.parley.server.roster.SubscriptionState.FROM;
import static dev.parley.server.roster.SubscriptionState.FROM_PENDING_OUT;
import static dev.parley.server.roster.SubscriptionState.NONE;
import static dev.parley.server.roster.SubscriptionState.NONE_PENDING_IN;
import static dev.parley.server.roster.SubscriptionState.NONE_PENDING_OUT;
import static dev.parley.server.roster.SubscriptionState.NONE_PENDING_OUT_IN;
import static dev.parley.server.roster.SubscriptionState.TO;
import static dev.parley.server.roster.SubscriptionState.TO_PENDING_IN;

import dev.parley.xmpp.stanza.Presence;

import java.util.EnumMap;
import java.util.Map;

/**
 * The state tables of RFC 6121 Appendix A: for each subscription stanza a user sends (outbound, A.2) or receives
 * (inbound, A.3) and each of the nine states, whether the server passes the stanza on (routes it to the contact, or
 * delivers it to the user's available resources) and the state that follows. Pre-approval (§3.4) and the auto-replies
 * of the inbound subscribe table's footnotes are applied by {@link Subscriptions} on top of these rows.
 */
final class SubscriptionTable {
    /** One row: pass the stanza on or not, and the next state. */
    record Transition(boolean forward, SubscriptionState next) {
    }

    private static final Map<Presence.Type, Map<SubscriptionState, Transition>> OUTBOUND =
            new EnumMap<>(Presence.Type.class);
    private static final Map<Presence.Type, Map<SubscriptionState, Transition>> INBOUND =
            new EnumMap<>(Presence.Type.class);

    static {
        // A.2.1: the user sends "subscribe"; always routed (the contact's server may auto-reply).
        table(OUTBOUND, Presence.Type.SUBSCRIBE,
                row(NONE, true, NONE_PENDING_OUT), row(NONE_PENDING_OUT, true, NONE_PENDING_OUT),
                row(NONE_PENDING_IN, true, NONE_PENDING_OUT_IN), row(NONE_PENDING_OUT_IN, true, NONE_PENDING_OUT_IN),
                row(TO, true, TO), row(TO_PENDING_IN, true, TO_PENDING_IN),
                row(FROM, true, FROM_PENDING_OUT), row(FROM_PENDING_OUT, true, FROM_PENDING_OUT), row(BOTH, true, BOTH));
        // A.2.2: the user sends "unsubscribe"; always routed.
        table(OUTBOUND, Presence.Type.UNSUBSCRIBE,
                row(NONE, true, NONE), row(NONE_PENDING_OUT, true, NONE),
                row(NONE_PENDING_IN, true, NONE_PENDING_IN), row(NONE_PENDING_OUT_IN, true, NONE_PENDING_IN),
                row(TO, true, NONE), row(TO_PENDING_IN, true, NONE_PENDING_IN),
                row(FROM, true, FROM), row(FROM_PENDING_OUT, true, FROM), row(BOTH, true, FROM));
        // A.2.3: the user sends "subscribed"; routed only when it answers a pending request.
        table(OUTBOUND, Presence.Type.SUBSCRIBED,
                row(NONE, false, NONE), row(NONE_PENDING_OUT, false, NONE_PENDING_OUT),
                row(NONE_PENDING_IN, true, FROM), row(NONE_PENDING_OUT_IN, true, FROM_PENDING_OUT),
                row(TO, false, TO), row(TO_PENDING_IN, true, BOTH),
                row(FROM, false, FROM), row(FROM_PENDING_OUT, false, FROM_PENDING_OUT), row(BOTH, false, BOTH));
        // A.2.4: the user sends "unsubscribed"; routed only when it denies a request or cancels a subscription.
        table(OUTBOUND, Presence.Type.UNSUBSCRIBED,
                row(NONE, false, NONE), row(NONE_PENDING_OUT, false, NONE_PENDING_OUT),
                row(NONE_PENDING_IN, true, NONE), row(NONE_PENDING_OUT_IN, true, NONE_PENDING_OUT),
                row(TO, false, TO), row(TO_PENDING_IN, true, TO),
                row(FROM, true, NONE), row(FROM_PENDING_OUT, true, NONE_PENDING_OUT), row(BOTH, true, TO));

        // A.3.1: "subscribe" arrives; delivered only when it is news (footnote: with "from" the server auto-replies).
        table(INBOUND, Presence.Type.SUBSCRIBE,
                row(NONE, true, NONE_PENDING_IN), row(NONE_PENDING_OUT, true, NONE_PENDING_OUT_IN),
                row(NONE_PENDING_IN, false, NONE_PENDING_IN), row(NONE_PENDING_OUT_IN, false, NONE_PENDING_OUT_IN),
                row(TO, true, TO_PENDING_IN), row(TO_PENDING_IN, false, TO_PENDING_IN),
                row(FROM, false, FROM), row(FROM_PENDING_OUT, false, FROM_PENDING_OUT), row(BOTH, false, BOTH));
        // A.3.2: "unsubscribe" arrives: the contact ends its subscription to the user (or withdraws its request).
        table(INBOUND, Presence.Type.UNSUBSCRIBE,
                row(NONE, false, NONE), row(NONE_PENDING_OUT, false, NONE_PENDING_OUT),
                row(NONE_PENDING_IN, true, NONE), row(NONE_PENDING_OUT_IN, true, NONE_PENDING_OUT),
                row(TO, false, TO), row(TO_PENDING_IN, true, TO),
                row(FROM, true, NONE), row(FROM_PENDING_OUT, true, NONE_PENDING_OUT), row(BOTH, true, TO));
        // A.3.3: "subscribed" arrives: accepted only when the user asked.
        table(INBOUND, Presence.Type.SUBSCRIBED,
                row(NONE, false, NONE), row(NONE_PENDING_OUT, true, TO),
                row(NONE_PENDING_IN, false, NONE_PENDING_IN), row(NONE_PENDING_OUT_IN, true, TO_PENDING_IN),
                row(TO, false, TO), row(TO_PENDING_IN, false, TO_PENDING_IN),
                row(FROM, false, FROM), row(FROM_PENDING_OUT, true, BOTH), row(BOTH, false, BOTH));
        // A.3.4: "unsubscribed" arrives: the contact denies the user's request or cancels the user's subscription.
        table(INBOUND, Presence.Type.UNSUBSCRIBED,
                row(NONE, false, NONE), row(NONE_PENDING_OUT, true, NONE),
                row(NONE_PENDING_IN, false, NONE_PENDING_IN), row(NONE_PENDING_OUT_IN, true, NONE_PENDING_IN),
                row(TO, true, NONE), row(TO_PENDING_IN, true, NONE_PENDING_IN),
                row(FROM, false, FROM), row(FROM_PENDING_OUT, true, FROM), row(BOTH, true, FROM));
    }

    private SubscriptionTable() {
    }

    /** The row for a subscription stanza the user sends. */
    static Transition outbound(Presence.Type type, SubscriptionState state) {
        return lookup(OUTBOUND, type, state);
    }

    /** The row for a subscription stanza that arrives for the user. */
    static Transition inbound(Presence.Type type, SubscriptionState state) {
        return lookup(INBOUND, type, state);
    }

    private static Transition lookup(Map<Presence.Type, Map<SubscriptionState, Transition>> tables, Presence.Type type,
                                     SubscriptionState state) {
        Map<SubscriptionState, Transition> table = tables.get(type);
        if (table == null) {
            throw new IllegalArgumentException("not a subscription stanza: " + type);
        }
        return table.get(state);
    }

    private record Row(SubscriptionState state, Transition transition) {
    }

    private static Row row(SubscriptionState state, boolean forward, SubscriptionState next) {
        return new Row(state, new Transition(forward, next));
    }

    private static void table(Map<Presence.Type, Map<SubscriptionState, Transition>> tables, Presence.Type type,
                              Row... rows) {
        Map<SubscriptionState, Transition> table = new EnumMap<>(SubscriptionState.class);
        for (Row row : rows) {
            table.put(row.state(), row.transition());
        }
        if (table.size() != SubscriptionState.values().length) {
            throw new IllegalStateException("the " + type + " table must have a row for every state");
        }
        tables.put(type, table);
    }
}
