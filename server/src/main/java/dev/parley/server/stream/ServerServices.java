package dev.parley.server.stream;

import dev.parley.server.auth.AccountService;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;

/** The node-wide services every stream uses. */
public record ServerServices(AccountService accounts, SessionRegistry sessions, StanzaRouter router,
                             IqHandlers iqHandlers, SessionKeeper keeper) {
}
