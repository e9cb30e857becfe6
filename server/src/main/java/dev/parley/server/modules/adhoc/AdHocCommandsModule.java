package dev.parley.server.modules.adhoc;

import dev.parley.server.admin.AdminCommand;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.api.DiscoNode;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.server.modules.disco.DiscoModule;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Ad-hoc commands (XEP-0050) offering the server's admin commands as XEP-0133 Service Administration, to the accounts
 * listed as admins in the configuration. Commands with fields take two stages (form, then submission); commands without
 * fields complete at once.
 */
public final class AdHocCommandsModule implements XmppModule {
    public static final String NAMESPACE = "http://jabber.org/protocol/commands";
    static final String ADMIN_NODE_PREFIX = "http://jabber.org/protocol/admin#";
    static final String FORM_TYPE = "http://jabber.org/protocol/admin";

    private ModuleContext context;
    private Set<Jid> admins;
    private final CommandSessions sessions = new CommandSessions(Clock.systemUTC(), Duration.ofMinutes(10), 1000);

    @Override
    public String name() {
        return "adhoc";
    }

    @Override
    public void start(ModuleContext context) {
        this.context = context;
        this.admins = context.config().admins().stream().map(Jid::parse).collect(Collectors.toUnmodifiableSet());
        context.iqHandler(IqScope.SERVER, "command", NAMESPACE, this::execute, NAMESPACE);
        context.discoNode(NAMESPACE, new DiscoNode() {
            @Override
            public List<XmlElement> info(Jid requester) {
                return List.of(DiscoModule.identity("automation", "command-list", "Commands"));
            }

            @Override
            public List<XmlElement> items(Jid requester) {
                return isAdmin(requester) ? context.adminCommands().all().stream()
                        .map(c -> item(requester, c)).toList() : List.of();
            }
        });
        for (AdminCommand command : context.adminCommands().all()) {
            context.discoNode(ADMIN_NODE_PREFIX + command.name(), commandNode(command));
        }
    }

    private CompletionStage<IqReply> execute(IqRequest request) {
        Iq iq = request.iq();
        XmlElement command = iq.payload();
        String node = command.attribute("node");
        if (iq.type() != Iq.Type.SET || node == null) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Commands are executed with type 'set' and a node"));
        }
        AdminCommand admin = node.startsWith(ADMIN_NODE_PREFIX)
                ? context.adminCommands().command(node.substring(ADMIN_NODE_PREFIX.length())).orElse(null) : null;
        if (admin == null) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        if (!isAdmin(request.requester())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN));
        }
        String action = command.attribute("action") == null ? "execute" : command.attribute("action");
        String sessionId = command.attribute("sessionid");
        Jid owner = request.requester();
        if (sessionId == null) {
            if (!action.equals("execute")) {
                return badAction();
            }
            if (admin.fields().isEmpty()) {
                return run(admin, node, sessions.newId(), new AdminArguments(java.util.Map.of()));
            }
            return sessions.open(owner, admin.name())
                    .map(id -> IqReply.now(IqReply.result(CommandForms.stage(node, id, admin))))
                    .orElseGet(() -> IqReply.now(IqReply.error(StanzaErrorCondition.RESOURCE_CONSTRAINT)));
        }
        if (sessions.take(sessionId, owner, admin.name()).isEmpty()) {
            return IqReply.now(new IqReply.Error(StanzaError.of(StanzaErrorCondition.BAD_REQUEST, "Unknown or expired session")));
        }
        return switch (action) {
            case "cancel" -> IqReply.now(IqReply.result(CommandForms.status(node, sessionId, "canceled").build()));
            case "execute", "complete" -> DataForm.findIn(command)
                    .filter(form -> form.type() == DataForm.Type.SUBMIT)
                    .map(form -> run(admin, node, sessionId, new AdminArguments(form.values())))
                    .orElseGet(() -> IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "A submitted form is required")));
            default -> badAction();
        };
    }

    private CompletionStage<IqReply> run(AdminCommand admin, String node, String sessionId, AdminArguments arguments) {
        return admin.execute(arguments)
                .thenApply(result -> IqReply.result(CommandForms.completed(node, sessionId, admin, result)))
                .exceptionally(failure -> failure(failure instanceof CompletionException ? failure.getCause() : failure));
    }

    private static IqReply failure(Throwable failure) {
        if (!(failure instanceof AdminCommandException refused)) {
            throw new CompletionException(failure);
        }
        StanzaErrorCondition condition = switch (refused.reason()) {
            case BAD_REQUEST -> StanzaErrorCondition.BAD_REQUEST;
            case NOT_FOUND -> StanzaErrorCondition.ITEM_NOT_FOUND;
            case CONFLICT -> StanzaErrorCondition.CONFLICT;
            case FORBIDDEN -> StanzaErrorCondition.FORBIDDEN;
        };
        return IqReply.error(condition, refused.getMessage());
    }

    private static CompletionStage<IqReply> badAction() {
        return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Unsupported action"));
    }

    private boolean isAdmin(Jid requester) {
        return requester != null && admins.contains(requester.bare());
    }

    private DiscoNode commandNode(AdminCommand command) {
        return new DiscoNode() {
            @Override
            public List<XmlElement> info(Jid requester) {
                return List.of(DiscoModule.identity("automation", "command-node", command.title()),
                        DiscoModule.feature(NAMESPACE), DiscoModule.feature(DataForm.NAMESPACE));
            }

            @Override
            public List<XmlElement> items(Jid requester) {
                return List.of();
            }
        };
    }

    private XmlElement item(Jid requester, AdminCommand command) {
        return XmlElement.builder("item", DiscoModule.ITEMS)
                .attribute("jid", requester.domain())
                .attribute("node", ADMIN_NODE_PREFIX + command.name())
                .attribute("name", command.title()).build();
    }
}
