package dev.parley.server.modules.version;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.xmpp.xml.XmlElement;

/**
 * Software Version (XEP-0092) of the server. The operating system is left out on purpose: XEP-0092 §5 notes that it
 * helps attackers more than users.
 */
public final class VersionModule implements XmppModule {
    public static final String NAMESPACE = "jabber:iq:version";

    @Override
    public String name() {
        return "version";
    }

    @Override
    public void start(ModuleContext context) {
        String version = VersionModule.class.getPackage().getImplementationVersion();
        XmlElement answer = XmlElement.builder("query", NAMESPACE)
                .textChild("name", "Parley")
                .textChild("version", version == null ? "development" : version)
                .build();
        context.iqHandler(IqScope.SERVER, "query", NAMESPACE, IqHandler.getOnly(request -> IqReply.now(IqReply.result(answer))), NAMESPACE);
    }
}
