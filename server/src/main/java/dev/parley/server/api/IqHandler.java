package dev.parley.server.api;

import java.util.concurrent.CompletionStage;

/**
 * Answers one kind of IQ request. Handlers never write to sockets: they return the reply and the server sends it, so a
 * handler runs (and is tested) without a network. A handler is called on the requester's event loop and must not block;
 * anything slow returns an incomplete stage.
 */
@FunctionalInterface
public interface IqHandler {
    CompletionStage<IqReply> handle(IqRequest request);

    /** Restricts {@code handler} to IQs of type get; a set gets {@code bad-request}, as queries have nothing to set. */
    static IqHandler getOnly(IqHandler handler) {
        return request -> request.iq().type() == dev.parley.xmpp.stanza.Iq.Type.GET
                ? handler.handle(request)
                : IqReply.now(IqReply.error(dev.parley.xmpp.error.StanzaErrorCondition.BAD_REQUEST,
                        "This query supports only type 'get'"));
    }
}
