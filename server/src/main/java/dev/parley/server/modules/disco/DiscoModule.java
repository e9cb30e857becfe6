package dev.parley.server.modules.disco;

import dev.parley.server.api.AccountDisco;
import dev.parley.server.api.DiscoNode;
import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Service discovery (XEP-0030) of the server and of accounts. Features are those registered by modules at the time of
 * the query, so what is advertised is exactly what is answered; nodes are answered by their {@link DiscoNode}.
 */
public final class DiscoModule implements XmppModule {
    public static final String INFO = "http://jabber.org/protocol/disco#info";
    public static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private ModuleContext context;

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        context.iqHandler(IqScope.SERVER, "query", INFO, IqHandler.getOnly(this::serverInfo), INFO, ITEMS);
        context.iqHandler(IqScope.SERVER, "query", ITEMS, IqHandler.getOnly(this::serverItems));
        context.iqHandler(IqScope.ACCOUNT, "query", INFO, IqHandler.getOnly(this::accountInfo), INFO, ITEMS);
        context.iqHandler(IqScope.ACCOUNT, "query", ITEMS, IqHandler.getOnly(this::accountItems));
    }

    private CompletionStage<IqReply> serverInfo(IqRequest request) {
        String node = request.iq().payload().attribute("node");
        if (node != null) {
            return node(request, INFO);
        }
        return answer(request, INFO, withFeatures(identity("server", "im", "Parley"), IqScope.SERVER));
    }

    private CompletionStage<IqReply> serverItems(IqRequest request) {
        if (request.iq().payload().attribute("node") != null) {
            return node(request, ITEMS);
        }
        // XEP-0030 §4.3: services at domains of their own (a XEP-0045 chat service, say) are the server's items.
        return answer(request, ITEMS, context.serviceDomains().stream().map(service -> XmlElement
                .builder("item", ITEMS).attribute("jid", service.domain().toString())
                .attribute("name", service.name()).build()).toList());
    }

    /** The account's identities and features, or a node's info from the first module that knows the node. */
    private CompletionStage<IqReply> accountInfo(IqRequest request) {
        String node = request.iq().payload().attribute("node");
        if (node != null) {
            return accountNodeInfo(request, node, context.accountDiscos());
        }
        List<XmlElement> identities = new ArrayList<>();
        identities.add(identity("account", "registered", null));
        context.accountDiscos().forEach(disco -> identities.addAll(disco.identities()));
        return answer(request, INFO, java.util.stream.Stream.concat(identities.stream(),
                context.features(IqScope.ACCOUNT).stream().distinct().map(DiscoModule::feature)).toList());
    }

    private CompletionStage<IqReply> accountNodeInfo(IqRequest request, String node, List<AccountDisco> discos) {
        if (discos.isEmpty()) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        return discos.getFirst().nodeInfo(request.requester(), request.target(), node).thenCompose(info -> info
                .map(children -> answer(request, INFO, children))
                .orElseGet(() -> accountNodeInfo(request, node, discos.subList(1, discos.size()))));
    }

    /** The items every module lists on the account, for this requester. */
    private CompletionStage<IqReply> accountItems(IqRequest request) {
        if (request.iq().payload().attribute("node") != null) {
            return answer(request, ITEMS, List.of());
        }
        CompletionStage<List<XmlElement>> items = CompletableFuture.completedFuture(List.of());
        for (AccountDisco disco : context.accountDiscos()) {
            items = items.thenCombine(disco.items(request.requester(), request.target()), (before, more) ->
                    java.util.stream.Stream.concat(before.stream(), more.stream()).toList());
        }
        return items.thenCompose(children -> answer(request, ITEMS, children));
    }

    private CompletionStage<IqReply> node(IqRequest request, String namespace) {
        String node = request.iq().payload().attribute("node");
        return context.discoNode(node)
                .map(found -> answer(request, namespace,
                        namespace.equals(INFO) ? found.info(request.requester()) : found.items(request.requester())))
                .orElseGet(() -> IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND)));
    }

    private List<XmlElement> withFeatures(XmlElement identity, IqScope scope) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(identity),
                context.features(scope).stream().distinct().map(DiscoModule::feature)).toList();
    }

    /** A disco#info {@code <feature/>}; public so that {@link DiscoNode}s build theirs the same way. */
    public static XmlElement feature(String var) {
        return XmlElement.builder("feature", INFO).attribute("var", var).build();
    }

    public static XmlElement identity(String category, String type, String name) {
        return XmlElement.builder("identity", INFO).attribute("category", category).attribute("type", type)
                .attribute("name", name).build();
    }

    private static CompletionStage<IqReply> answer(IqRequest request, String namespace, List<XmlElement> children) {
        return IqReply.now(IqReply.result(XmlElement.builder("query", namespace)
                .attribute("node", request.iq().payload().attribute("node"))
                .children(children).build()));
    }
}
