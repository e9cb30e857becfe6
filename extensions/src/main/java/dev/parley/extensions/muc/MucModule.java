package dev.parley.extensions.muc;

import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.ServiceDomain;
import dev.parley.server.api.XmppModule;
import dev.parley.server.config.Muc;
import dev.parley.xmpp.jid.Jid;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Multi-user chat (XEP-0045) as a hosted service: one {@link MucService} at {@code <muc.subdomain>.<domain>} for every
 * hosted domain when {@code muc.enabled}. The service domain has the identity conference/text (§6.1) and is listed
 * in the server's disco#items. Room creation, nicknames and the pace of voice requests ({@link ServicePolicy}) follow
 * the {@code muc.*} settings; occupant ids (XEP-0421) are derived from a secret kept in the data directory.
 */
public final class MucModule implements XmppModule {
    @Override
    public String name() {
        return "muc";
    }

    @Override
    public void start(ModuleContext context) {
        Muc config = context.config().muc();
        if (!config.enabled()) {
            return;
        }
        OccupantIds occupantIds;
        RoomArchive archive;
        try {
            occupantIds = OccupantIds.open(context.config().dataDir());
            archive = RoomArchive.open(context);
        } catch (IOException e) {
            throw new UncheckedIOException("a secret in the data directory cannot be read", e);
        }
        ServicePolicy policy = ServicePolicy.of(context.config());
        for (String hosted : context.config().domains()) {
            Jid domain = Jid.domain(config.serviceDomain(hosted));
            MucService service = new MucService(domain, context, context.storage().muc(), archive, occupantIds,
                    policy);
            // At start, before listeners open: waiting here keeps the first stanza from missing a stored room.
            service.load().toCompletableFuture().join();
            context.serviceDomain(new ServiceDomain(domain, "Chatrooms"), service);
        }
    }
}
