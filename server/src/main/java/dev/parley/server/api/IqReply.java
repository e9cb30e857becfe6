package dev.parley.server.api;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What an {@link IqHandler} answers: a result (with an optional payload) or an error. */
public sealed interface IqReply {
    /** A result; {@code afterSent} (may be null) runs once the reply is on its way, e.g. to close the stream after it. */
    record Result(XmlElement payload, Runnable afterSent) implements IqReply {
    }

    record Error(StanzaError error) implements IqReply {
    }

    static IqReply result(XmlElement payload) {
        return new Result(payload, null);
    }

    static IqReply empty() {
        return new Result(null, null);
    }

    static IqReply emptyThen(Runnable afterSent) {
        return new Result(null, afterSent);
    }

    static IqReply error(StanzaErrorCondition condition) {
        return new Error(StanzaError.of(condition));
    }

    static IqReply error(StanzaErrorCondition condition, String text) {
        return new Error(StanzaError.of(condition, text));
    }

    static CompletionStage<IqReply> now(IqReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
