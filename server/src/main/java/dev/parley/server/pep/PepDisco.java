package dev.parley.server.pep;

import dev.parley.server.api.AccountDisco;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubNode;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.modules.disco.DiscoModule;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * PEP in service discovery: every account is a virtual pubsub service with identity {@code pubsub/pep} (XEP-0163 §4);
 * its disco#items list the nodes the requester may access (XEP-0060 §5.2) and a node's disco#info says it is a leaf
 * node (§5.3).
 */
final class PepDisco implements AccountDisco {
    private final PepNodes nodes;
    private final PepAccess access;

    PepDisco(PepNodes nodes, PepAccess access) {
        this.nodes = nodes;
        this.access = access;
    }

    @Override
    public List<XmlElement> identities() {
        return List.of(DiscoModule.identity("pubsub", "pep", null));
    }

    @Override
    public CompletionStage<List<XmlElement>> items(Jid requester, Jid account) {
        return nodes.store().nodes(AccountId.of(account)).thenComposeAsync(all -> {
            List<CompletableFuture<Optional<XmlElement>>> visible = new ArrayList<>();
            for (PubSubNode node : all) {
                NodeConfig config = NodeConfig.of(node, nodes.maxItemsLimit());
                visible.add(access.check(requester, account, node.name(), config).thenApply(refused -> refused.isPresent()
                        ? Optional.<XmlElement>empty()
                        : Optional.of(XmlElement.builder("item", DiscoModule.ITEMS).attribute("jid", account.toString())
                        .attribute("node", node.name()).attribute("name", config.title()).build()))
                        .toCompletableFuture());
            }
            return CompletableFuture.allOf(visible.toArray(CompletableFuture[]::new)).thenApply(done -> visible
                    .stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        }, nodes.continuations());
    }

    @Override
    public CompletionStage<Optional<List<XmlElement>>> nodeInfo(Jid requester, Jid account, String node) {
        if (!PubSubStore.validName(node)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return nodes.config(account, node).thenCompose(config -> config.isEmpty()
                ? CompletableFuture.completedFuture(Optional.<List<XmlElement>>empty())
                : access.check(requester, account, node, config.get()).thenApply(refused -> refused.isPresent()
                ? Optional.empty()
                : Optional.of(List.of(DiscoModule.identity("pubsub", "leaf", config.get().title()),
                DiscoModule.feature(PubSubXml.NS)))));
    }
}
