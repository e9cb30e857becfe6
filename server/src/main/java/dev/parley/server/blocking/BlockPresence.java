package dev.parley.server.blocking;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.server.roster.Presences;
import dev.parley.server.routing.Effect;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The presence side of blocking (XEP-0191 §3.3, §3.4), for the contacts whose blocked state a change flips. Only
 * contacts "allowed to receive presence notifications from the user" (RFC 6121: a subscription from the user) are
 * told anything: when blocked, unavailable presence from each of the user's available resources, sent while the block
 * is not yet in force; when unblocked, the current presence of each available resource. A contact whose presence the
 * user is subscribed to is also probed on unblock (RFC 6121 §4.3), as its presence was dropped while it was blocked.
 */
final class BlockPresence {
    private final RosterStore rosters;
    private final SessionRegistry sessions;
    private final Executor continuations;

    BlockPresence(RosterStore rosters, SessionRegistry sessions, Executor continuations) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.continuations = continuations;
    }

    /** For a change from {@code before} to {@code after}: what to route, in order. */
    CompletionStage<List<Effect>> effects(Jid user, BlockList before, BlockList after) {
        return rosters.load(AccountId.of(user)).thenApplyAsync(roster -> {
            List<Effect> effects = new ArrayList<>();
            for (RosterItem item : roster.items()) {
                Jid contact = item.contact();
                boolean wasBlocked = before.blocks(contact);
                boolean isBlocked = after.blocks(contact);
                if (!wasBlocked && isBlocked && item.subscription().from()) {
                    effects.addAll(fromAvailable(user, contact, Presence.Type.UNAVAILABLE));
                } else if (wasBlocked && !isBlocked) {
                    if (item.subscription().from()) {
                        effects.addAll(Presences.currentPresence(sessions, user, contact));
                    }
                    if (item.subscription().to()) {
                        effects.addAll(fromAvailable(user, contact, Presence.Type.PROBE));
                    }
                }
            }
            return effects;
        }, continuations);
    }

    /** A presence of {@code type} from each of the user's available resources to the contact. */
    private List<Effect> fromAvailable(Jid user, Jid contact, Presence.Type type) {
        List<Effect> effects = new ArrayList<>();
        for (ClientSession session : sessions.sessions(user)) {
            if (session.available()) {
                effects.add(Effect.route(XmlElement.builder("presence", Namespaces.CLIENT)
                        .attribute("from", session.jid().toString()).attribute("to", contact.toString())
                        .attribute("type", type.value()).build()));
            }
        }
        return effects;
    }
}
