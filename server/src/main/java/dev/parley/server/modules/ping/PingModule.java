package dev.parley.server.modules.ping;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;

/** XMPP Ping (XEP-0199 §4.2 client-to-server; pings to an account's bare JID are answered on its behalf). */
public final class PingModule implements XmppModule {
    public static final String NAMESPACE = "urn:xmpp:ping";

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public void start(ModuleContext context) {
        IqHandler pong = IqHandler.getOnly(request -> IqReply.now(IqReply.empty()));
        context.iqHandler(IqScope.SERVER, "ping", NAMESPACE, pong, NAMESPACE);
        context.iqHandler(IqScope.ACCOUNT, "ping", NAMESPACE, pong, NAMESPACE);
    }
}
