package dev.parley.server.api;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What an {@link IqHandler} answers: a result (with an optional payload) or an error. */
public sealed interface IqReply {
    record Result(XmlElement payload) implements IqReply {
    }

    record Error(StanzaError error) implements IqReply {
    }

    static IqReply result(XmlElement payload) {
        return new Result(payload);
    }

    static IqReply empty() {
        return new Result(null);
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
