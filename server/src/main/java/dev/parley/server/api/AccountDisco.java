package dev.parley.server.api;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a module adds to service discovery (XEP-0030) on accounts' bare JIDs, beyond features: identities (XEP-0163
 * §4: {@code pubsub/pep}), items, and nodes. Answers may depend on who asks; stages must not block.
 */
public interface AccountDisco {
    /** {@code <identity/>} elements (disco#info namespace) every account shows. */
    List<XmlElement> identities();

    /** {@code <item/>} elements (disco#items namespace) of {@code account} that {@code requester} may see. */
    CompletionStage<List<XmlElement>> items(Jid requester, Jid account);

    /**
     * The disco#info children of {@code node} of {@code account}; empty when this module has no such node or
     * {@code requester} may not see it.
     */
    CompletionStage<Optional<List<XmlElement>>> nodeInfo(Jid requester, Jid account, String node);
}
