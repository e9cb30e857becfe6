package dev.parley.server.modules.privatestorage;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Private XML Storage (XEP-0049): an account stores arbitrary XML elements on the server and reads them back by
 * element name and namespace. Only the account itself may do either (§3 and its security considerations): a request
 * addressed to another account gets {@code forbidden}, the condition the XEP prefers.
 *
 * <p>Refused, with nothing stored: a query without a child element in a namespace of its own ({@code not-acceptable},
 * the MUST of §2.3; RFC 6120 has no "Bad Format" for the get case's SHOULD), a get naming more than one element
 * ({@code bad-request}: "a client MUST NOT query for more than one namespace"), an element in a reserved namespace
 * ({@code not-acceptable}, §2.3's optional error: see {@link PrivateXml#reserved}), and a set that would take the
 * account's private XML beyond {@code limits.private-xml-bytes} ({@code not-acceptable}). A set with several elements
 * stores all of them or none.
 *
 * <p>XEP-0049 defines no service discovery feature, so none is advertised.
 */
public final class PrivateStorageModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:private";

    private KeyValueStore store;
    private int maxBytes;

    @Override
    public String name() {
        return "private-storage";
    }

    @Override
    public void start(ModuleContext context) {
        this.store = context.storage().keyValues();
        this.maxBytes = context.config().limits().privateXmlBytes();
        context.iqHandler(IqScope.ACCOUNT, "query", NAMESPACE, this::handle);
    }

    private CompletionStage<IqReply> handle(IqRequest request) {
        if (!request.target().equals(request.requester().bare())) {
            return refuse(StanzaErrorCondition.FORBIDDEN, "Private XML belongs to its account alone");
        }
        List<XmlElement> elements = request.iq().payload().elements().toList();
        if (elements.isEmpty()) {
            return refuse(StanzaErrorCondition.NOT_ACCEPTABLE, "Name an element in a namespace of its own");
        }
        for (XmlElement element : elements) {
            String problem = PrivateXml.problem(element);
            if (problem != null) {
                return refuse(StanzaErrorCondition.NOT_ACCEPTABLE, problem);
            }
        }
        AccountId account = AccountId.of(request.target());
        if (request.iq().type() == Iq.Type.GET) {
            if (elements.size() > 1) {
                return refuse(StanzaErrorCondition.BAD_REQUEST, "Ask for one element at a time");
            }
            return get(account, elements.getFirst());
        }
        return set(account, elements);
    }

    /** The stored element, or the requested one as it was asked for when nothing is stored (what clients expect). */
    private CompletionStage<IqReply> get(AccountId account, XmlElement requested) {
        return store.get(account, PrivateXml.key(requested)).thenApply(stored -> IqReply.result(
                XmlElement.builder("query", NAMESPACE)
                        .child(stored.map(XmlCodec::decode).orElse(requested))
                        .build()));
    }

    private CompletionStage<IqReply> set(AccountId account, List<XmlElement> elements) {
        // A later element with the same name and namespace replaces an earlier one, as a later set would.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (XmlElement element : elements) {
            entries.put(PrivateXml.key(element), XmlCodec.encode(element));
        }
        return store.list(account, PrivateXml.KEY_PREFIX).thenCompose(existing -> {
            long total = entries.values().stream().mapToLong(value -> value.length).sum();
            for (Map.Entry<String, byte[]> kept : existing.entrySet()) {
                if (!entries.containsKey(kept.getKey())) {
                    total += kept.getValue().length;
                }
            }
            if (total > maxBytes) {
                return refuse(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "Storing this would take your private XML to " + total + " bytes; at most " + maxBytes
                                + " are allowed");
            }
            return store.put(account, entries).thenApply(stored -> IqReply.empty());
        });
    }

    private static CompletionStage<IqReply> refuse(StanzaErrorCondition condition, String text) {
        return IqReply.now(IqReply.error(condition, text));
    }
}
