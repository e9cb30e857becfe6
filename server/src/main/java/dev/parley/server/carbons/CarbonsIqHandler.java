package dev.parley.server.carbons;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.stanza.Iq;

import java.util.concurrent.CompletionStage;

/**
 * Enabling (XEP-0280 §4) and disabling (§5) carbons: an IQ set with {@code <enable/>} or {@code <disable/>}, for the
 * requesting client alone. Repeating either is answered with a result (§10.1). A request addressed to another
 * account gets {@code not-allowed} (§5: "trying to disable another client's Carbons"); a get gets
 * {@code bad-request}, as there is nothing to read.
 */
final class CarbonsIqHandler implements IqHandler {
    private final MessageCarbons carbons;

    CarbonsIqHandler(MessageCarbons carbons) {
        this.carbons = carbons;
    }

    @Override
    public CompletionStage<IqReply> handle(IqRequest request) {
        if (request.iq().type() != Iq.Type.SET) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Carbons are enabled with an IQ set"));
        }
        if (!request.target().equals(request.requester().bare())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ALLOWED,
                    "Carbons are enabled or disabled by the client itself"));
        }
        boolean on = request.iq().payload().name().equals("enable");
        if (!carbons.setEnabled(request.requester(), on)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ALLOWED, "This client is no longer bound"));
        }
        return IqReply.now(IqReply.empty());
    }
}
