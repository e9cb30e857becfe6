package dev.parley.server.testing;

import dev.parley.server.RoutingNode;
import dev.parley.server.ServerCore;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.auth.AccountService;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmppStreamParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The routing core of a node without a network: the server's own {@link RoutingNode} wiring (router, roster, presence,
 * offline storage, carbons, blocking, archive, entity capabilities and the modules on the class path) over a real
 * embedded store, with {@link RecordingSession}s as clients. Continuations run on the thread that completes a stage,
 * which keeps tests deterministic once each stage is awaited.
 */
public final class RoutingFixture implements AutoCloseable {
    public static final String DOMAIN = "example.com";
    /** The lowest SCRAM iteration count the configuration allows: tests create accounts, they never log into them. */
    private static final int SCRAM_ITERATIONS = 4096;

    public final SessionRegistry sessions = new SessionRegistry();
    /** Runs the timeouts of {@link #serverRequests}. */
    public final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    public final StorageProvider storage;
    public final AccountService accounts;
    public final IqHandlers iqHandlers;
    public final StanzaRouter router;
    public final PendingRequests serverRequests;
    private final ServerCore core;

    /**
     * @param directory    the base of the configuration: the store and the archive id key go to its {@code data}
     * @param settingsYaml more configuration (limits, archive), appended to the fixture's domain and SCRAM settings
     */
    public RoutingFixture(Path directory, String settingsYaml) throws Exception {
        ParleyConfig config = ConfigLoader.parse("domains: [" + DOMAIN + "]\nauth:\n  scram-iterations: "
                + SCRAM_ITERATIONS + "\n" + settingsYaml, "routing fixture", directory);
        core = ServerCore.open(config, sessions);
        try {
            RoutingNode node = RoutingNode.start(config, core, sessions, Runnable::run, timer);
            storage = core.storage();
            accounts = core.accounts();
            iqHandlers = node.iqHandlers();
            router = node.router();
            serverRequests = node.serverRequests();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    public void addAccount(String username) {
        await(accounts.create(Jid.of(username, DOMAIN, null), "password-of-" + username));
    }

    /** Binds a recording session for {@code jid}. */
    public RecordingSession bind(String jid) {
        RecordingSession session = new RecordingSession(jid);
        sessions.bind(session, false);
        return session;
    }

    public static Stanza stanza(String xml) {
        try {
            return Stanza.of(parse(xml));
        } catch (StanzaException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Parses one element; {@code jabber:client} is the default namespace. */
    public static XmlElement parse(String xml) {
        List<XmlElement> parsed = new ArrayList<>();
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.AUTHENTICATED, new StreamListener() {
            @Override
            public void streamOpened(StreamHeader header) {
            }

            @Override
            public void element(XmlElement element) {
                parsed.add(element);
            }

            @Override
            public void streamClosed() {
            }
        });
        byte[] input = ("<stream:stream xmlns='jabber:client' xmlns:stream='" + StreamHeader.STREAM_NAMESPACE + "'>"
                + xml).getBytes(StandardCharsets.UTF_8);
        try {
            parser.feed(input, 0, input.length);
        } catch (StreamErrorException e) {
            throw new IllegalArgumentException("not well-formed test XML: " + e.getMessage(), e);
        }
        if (parsed.size() != 1) {
            throw new IllegalArgumentException("expected one element, got " + parsed.size());
        }
        return parsed.get(0);
    }

    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("stage failed or took too long", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        core.close();
    }
}
