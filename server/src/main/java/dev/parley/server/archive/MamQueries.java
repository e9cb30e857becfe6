package dev.parley.server.archive;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchivePage;
import dev.parley.server.api.storage.ArchiveStore;
import dev.parley.server.api.storage.ArchivedMessage;
import dev.parley.server.routing.Effect;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Answers archive queries on an account's bare JID (XEP-0313 §4, §6): a query get returns the form of the fields
 * {@link MamRequest} understands; a query set sends each result as a message with {@code <result/>} and
 * {@code <forwarded/>} (XEP-0297, with an XEP-0203 delay), then answers the IQ with {@code <fin/>} and its RSM
 * {@code <set/>} (first, last, count) once every result is on its way; a metadata get returns the first and last
 * message. Only the account itself may query its archive ({@code forbidden} otherwise, §8); the archive of another
 * bare JID (a XEP-0045 room's, XEP-0313 §3.3.2) decides itself who may query it and calls
 * {@link #query(IqRequest, AccountId)}.
 * Results go to the requester's session on this node.
 */
public final class MamQueries {
    static final String XDATA_VALIDATE = "http://jabber.org/protocol/xdata-validate";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ArchiveStore store;
    private final ArchiveIds ids;
    private final int pageCap;
    private final SessionRegistry sessions;
    private final Executor continuations;

    /**
     * @param pageCap       most messages in one page, whatever the query's {@code max}
     * @param continuations where work resumes after a storage call
     */
    public MamQueries(ArchiveStore store, ArchiveIds ids, int pageCap, SessionRegistry sessions,
                      Executor continuations) {
        this.store = store;
        this.ids = ids;
        this.pageCap = pageCap;
        this.sessions = sessions;
        this.continuations = continuations;
    }

    CompletionStage<IqReply> query(IqRequest request) {
        if (!request.target().equals(request.requester().bare())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN, "An archive is its account's alone"));
        }
        return query(request, AccountId.of(request.target()));
    }

    /**
     * Answers a query on {@code account}'s archive, which the caller has already let the requester read; results
     * come from {@code request.target()}.
     */
    public CompletionStage<IqReply> query(IqRequest request, AccountId account) {
        if (request.iq().type() == Iq.Type.GET) {
            return IqReply.now(IqReply.result(XmlElement.builder("query", Namespaces.MAM).child(form()).build()));
        }
        MamRequest parsed;
        try {
            parsed = MamRequest.parse(request.iq().payload(), account, ids, pageCap);
        } catch (MamRequest.Refused refused) {
            return IqReply.now(new IqReply.Error(refused.error));
        }
        return store.query(account, parsed.query()).thenComposeAsync(page -> page.isEmpty()
                ? IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND,
                        "No message with this id is in the archive"))
                : send(request, account, parsed, page.get()), continuations);
    }

    CompletionStage<IqReply> metadata(IqRequest request) {
        if (!request.target().equals(request.requester().bare())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN, "An archive is its account's alone"));
        }
        return metadata(AccountId.of(request.target()));
    }

    /** The first and last message of {@code account}'s archive, for a requester the caller has let read it. */
    public CompletionStage<IqReply> metadata(AccountId account) {
        return store.bounds(account).thenApply(bounds -> {
            XmlElement.Builder metadata = XmlElement.builder("metadata", Namespaces.MAM);
            bounds.ifPresent(b -> metadata.child(edge("start", account, b.firstId(), b.firstStamp()))
                    .child(edge("end", account, b.lastId(), b.lastStamp())));
            return IqReply.result(metadata.build());
        });
    }

    private XmlElement edge(String name, AccountId account, long id, Instant stamp) {
        return XmlElement.builder(name, Namespaces.MAM).attribute("id", ids.encode(account, id))
                .attribute("timestamp", STAMP.format(stamp)).build();
    }

    /**
     * Hands the results to the requesting session, then gives the IQ result, which the session queues behind them.
     * Results go to that session only: when it has gone, they are not stored or sent elsewhere.
     */
    private CompletionStage<IqReply> send(IqRequest request, AccountId account, MamRequest parsed, ArchivePage page) {
        List<ArchivedMessage> messages = parsed.flip() ? page.messages().reversed() : page.messages();
        sessions.session(request.requester()).ifPresent(session -> messages.forEach(message -> session.deliver(
                        Effect.generated(result(request, account, parsed.queryId(), message)))));
        return IqReply.now(IqReply.result(fin(account, page)));
    }

    private XmlElement result(IqRequest request, AccountId account, String queryId, ArchivedMessage message) {
        XmlElement forwarded = XmlElement.builder("forwarded", Namespaces.FORWARD)
                .child(XmlElement.builder("delay", Namespaces.DELAY)
                        .attribute("stamp", STAMP.format(message.stamp())).build())
                .child(message.stanza()).build();
        return XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", request.target().toString())
                .attribute("to", request.requester().toString())
                .child(XmlElement.builder("result", Namespaces.MAM).attribute("queryid", queryId)
                        .attribute("id", ids.encode(account, message.id())).child(forwarded).build())
                .build();
    }

    private XmlElement fin(AccountId account, ArchivePage page) {
        XmlElement.Builder set = XmlElement.builder("set", Namespaces.RSM);
        if (!page.messages().isEmpty()) {
            set.textChild("first", ids.encode(account, page.messages().getFirst().id()))
                    .textChild("last", ids.encode(account, page.messages().getLast().id()));
        }
        set.textChild("count", Long.toString(page.count()));
        return XmlElement.builder("fin", Namespaces.MAM).attribute("complete", page.complete() ? "true" : null)
                .child(set.build()).build();
    }

    /** XEP-0313 §4.1.2: every field understood, none required; ids is open-ended (XEP-0122 validate/open). */
    private static XmlElement form() {
        XmlElement.Builder x = XmlElement.builder("x", DataForm.NAMESPACE).attribute("type", "form")
                .child(field("FORM_TYPE", "hidden").textChild("value", Namespaces.MAM).build());
        for (String var : MamRequest.FIELDS) {
            XmlElement.Builder field = field(var, switch (var) {
                case "with" -> "jid-single";
                case "ids" -> "list-multi";
                default -> "text-single";
            });
            if (var.equals("ids")) {
                field.child(XmlElement.builder("validate", XDATA_VALIDATE).attribute("datatype", "xs:string")
                        .child(XmlElement.empty("open", XDATA_VALIDATE)).build());
            }
            x.child(field.build());
        }
        return x.build();
    }

    private static XmlElement.Builder field(String var, String type) {
        return XmlElement.builder("field", DataForm.NAMESPACE).attribute("var", var).attribute("type", type);
    }
}
