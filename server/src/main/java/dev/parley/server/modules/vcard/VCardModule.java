package dev.parley.server.modules.vcard;

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

import java.util.concurrent.CompletionStage;

/**
 * vcard-temp (XEP-0054): every account keeps one vCard, which it alone may set (§3.2) and anyone may read (§3.3, §6:
 * "world-readable"); the server answers on the account's behalf, never forwarding to a resource (§3.3).
 *
 * <p>No vCard stored: the owner gets an empty {@code <vCard/>} (one of the two answers §3.1 allows, and the one
 * clients take without an error path), anyone else {@code item-not-found} (§3.3 requires an error). Setting an empty
 * {@code <vCard/>} removes the stored one. A vCard larger than {@code limits.vcard-bytes} as XML is refused with
 * {@code not-acceptable}, as XEP-0060 §7.1.3.4 refuses an item that is too big, and nothing changes.
 *
 * <p>The server itself has no vCard: queries to it get {@code item-not-found}, sets {@code forbidden}. It still
 * advertises the feature, as in XEP-0054 §4, since it serves vCards for its accounts.
 */
public final class VCardModule implements XmppModule {
    public static final String NAMESPACE = "vcard-temp";
    static final String KEY = "vcard";

    private KeyValueStore store;
    private int maxBytes;

    @Override
    public String name() {
        return "vcard";
    }

    @Override
    public void start(ModuleContext context) {
        this.store = context.storage().keyValues();
        this.maxBytes = context.config().limits().vcardBytes();
        context.iqHandler(IqScope.ACCOUNT, "vCard", NAMESPACE, this::account, NAMESPACE);
        context.iqHandler(IqScope.SERVER, "vCard", NAMESPACE, VCardModule::server, NAMESPACE);
    }

    private CompletionStage<IqReply> account(IqRequest request) {
        boolean own = request.target().equals(request.requester().bare());
        AccountId account = AccountId.of(request.target());
        if (request.iq().type() == Iq.Type.GET) {
            return store.get(account, KEY).thenApply(stored -> stored
                    .map(bytes -> IqReply.result(XmlCodec.decode(bytes)))
                    .orElseGet(() -> own ? IqReply.result(XmlElement.empty("vCard", NAMESPACE))
                            : IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND)));
        }
        if (!own) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN, "You can set only your own vCard"));
        }
        XmlElement vcard = request.iq().payload();
        if (vcard.elements().findAny().isEmpty()) {
            return store.delete(account, KEY).thenApply(deleted -> IqReply.empty());
        }
        byte[] value = XmlCodec.encode(vcard);
        if (value.length > maxBytes) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The vCard has " + value.length + " bytes; at most " + maxBytes + " are allowed"));
        }
        return store.put(account, KEY, value).thenApply(stored -> IqReply.empty());
    }

    private static CompletionStage<IqReply> server(IqRequest request) {
        return IqReply.now(request.iq().type() == Iq.Type.GET
                ? IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND, "The server has no vCard")
                : IqReply.error(StanzaErrorCondition.FORBIDDEN, "The server's vCard cannot be set"));
    }
}
