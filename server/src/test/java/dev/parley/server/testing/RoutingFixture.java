package dev.parley.server.testing;

import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.archive.MessageArchive;
import dev.parley.server.auth.AccountService;
import dev.parley.server.blocking.Blocking;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.roster.InstantMessaging;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.RoutingServices;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.storage.rocksdb.RocksDbStorageProvider;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The routing core of a node without a network: the real router, roster, presence and offline services over a real
 * embedded store, with {@link RecordingSession}s as clients. Continuations run on the thread that completes a stage,
 * which keeps tests deterministic once each stage is awaited.
 */
public final class RoutingFixture implements AutoCloseable {
    public static final String DOMAIN = "example.com";

    public final StorageProvider storage;
    public final SessionRegistry sessions = new SessionRegistry();
    public final AccountService accounts;
    public final IqHandlers iqHandlers = new IqHandlers();
    public final StanzaRouter router;
    /** Runs the timeouts of {@link #serverRequests}. */
    public final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    public final PendingRequests serverRequests = new PendingRequests(timer, PendingRequests.DEFAULT_LIMIT);

    public RoutingFixture(Path directory, String limitsYaml) throws Exception {
        ParleyConfig config = ConfigLoader.parse("domains: [" + DOMAIN + "]\n" + limitsYaml,
                "routing fixture", directory);
        storage = RocksDbStorageProvider.open(directory.resolve("store"));
        accounts = new AccountService(storage.accounts(),
                List.of(storage.keyValues(), storage.roster(), storage.offline(), storage.archive()), Set.of(DOMAIN), 4096,
                Runnable::run, Clock.systemUTC());
        InstantMessaging im = InstantMessaging.create(storage, sessions, config.limits(), Clock.systemUTC(),
                Runnable::run);
        Blocking blocking = Blocking.create(storage, sessions, accounts::isHosted, config.limits().blockListItems(),
                Runnable::run);
        MessageArchive archive = MessageArchive.create(storage, accounts, config.archive(), directory,
                Clock.systemUTC(), Runnable::run);
        router = new StanzaRouter(sessions, iqHandlers, accounts,
                new RoutingServices(im.presence(), im.offline(), blocking.filter(), archive, serverRequests),
                Runnable::run);
        im.registerRosterHandler(iqHandlers, router);
        blocking.registerHandler(iqHandlers, router);
        archive.registerHandlers(iqHandlers, sessions);
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
        storage.close();
    }
}
