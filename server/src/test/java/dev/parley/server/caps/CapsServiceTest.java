package dev.parley.server.caps;

import static dev.parley.server.caps.VerificationStringTest.COMPLEX;
import static dev.parley.server.caps.VerificationStringTest.SIMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.routing.Effect;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.PresenceHandling;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.testing.RecordingSession;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caps service (XEP-0115 §5.4, §6.2) without a network: recording sessions as clients, replies handed in. */
class CapsServiceTest {
    private static final String EXODUS = "http://code.google.com/p/exodus";
    private static final String SIMPLE_VER = "QgayPKawpkPSDYmwT/WM94uAlu0=";
    private static final String COMPLEX_VER = "q07IKJEyjvHSyhy//CH0CxmKi8w=";
    private static final Set<String> SIMPLE_FEATURES = Set.of("http://jabber.org/protocol/caps",
            "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
            "http://jabber.org/protocol/muc");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SessionRegistry sessions = new SessionRegistry();
    private final PendingRequests requests = new PendingRequests(timer, 100);
    private final List<Map.Entry<Jid, Set<String>>> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private CapsService service(Duration timeout, int capacity) {
        CapsService service = CapsService.start(sessions, requests, timeout, capacity);
        service.addListener((jid, features) -> heard.add(Map.entry(jid, features)));
        return service;
    }

    private CapsService service() {
        return service(Duration.ofSeconds(30), 10);
    }

    private RecordingSession bind(String jid) {
        RecordingSession session = new RecordingSession(jid);
        sessions.bind(session, false);
        return session;
    }

    private static void announce(CapsService service, ClientSession client, String hash, String ver) {
        service.presenceSent(client.jid(), (Presence) RoutingFixture.stanza("<presence><c xmlns="
                + "'http://jabber.org/protocol/caps'" + (hash == null ? "" : " hash='" + hash + "'")
                + " node='" + EXODUS + "' ver='" + ver + "'/></presence>"));
    }

    /** The client announces the simple verification string and answers the query that follows with its features. */
    private void announceAndAnswer(CapsService service, RecordingSession client) {
        announce(service, client, "sha-1", SIMPLE_VER);
        answer(client.jid(), queries(client).getFirst(), SIMPLE);
    }

    /** The caps queries the client got since the last call. */
    private static List<Iq> queries(RecordingSession client) {
        List<Iq> queries = new ArrayList<>();
        for (Stanza stanza : client.take()) {
            queries.add((Iq) stanza);
        }
        return queries;
    }

    private boolean answer(Jid from, Iq query, String payload) {
        return requests.replyArrived((Iq) RoutingFixture.stanza("<iq type='result' id='" + query.id() + "' from='"
                + from + "' to='" + query.from() + "'>" + payload + "</iq>"));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
    }

    @Test
    void oneClientIsAskedPerVerificationStringAndEveryoneAnnouncingItLearnsTheAnswer() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        RecordingSession b = bind("b@example.com/two");

        announce(service, a, "sha-1", SIMPLE_VER);
        announce(service, b, "sha-1", SIMPLE_VER);

        Iq query = queries(a).getFirst();
        assertThat(query.type()).isEqualTo(Iq.Type.GET);
        assertThat(query.from()).isEqualTo(Jid.parse("example.com"));
        assertThat(query.to()).isEqualTo(a.jid());
        assertThat(query.payload().attribute("node")).isEqualTo(EXODUS + "#" + SIMPLE_VER);
        assertThat(queries(b)).isEmpty();
        assertThat(service.features(a.jid())).isEmpty();

        assertThat(answer(a.jid(), query, SIMPLE)).isTrue();
        assertThat(service.features(a.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(service.features(b.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(heard).containsExactlyInAnyOrder(Map.entry(a.jid(), SIMPLE_FEATURES),
                Map.entry(b.jid(), SIMPLE_FEATURES));
        assertThat(service.discoveriesUnderway()).isZero();

        RecordingSession c = bind("c@example.com/three");
        announce(service, c, "sha-1", SIMPLE_VER);
        assertThat(queries(c)).as("cached").isEmpty();
        assertThat(service.features(c.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(heard).contains(Map.entry(c.jid(), SIMPLE_FEATURES));
    }

    @Test
    void repeatedOrDirectedPresenceAsksNothingMore() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        announceAndAnswer(service, a);

        announce(service, a, "sha-1", SIMPLE_VER);
        service.presenceSent(a.jid(), (Presence) RoutingFixture.stanza("<presence><show>away</show></presence>"));
        service.presenceSent(a.jid(), (Presence) RoutingFixture.stanza(
                "<presence type='unavailable' to='room@muc.example.com/a'/>"));

        assertThat(queries(a)).isEmpty();
        assertThat(service.features(a.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(heard).hasSize(1);
    }

    @Test
    void anAnswerThatDoesNotVerifyIsNotCachedAndTheNextAnnouncerIsAsked() {
        CapsService service = service();
        RecordingSession liar = bind("liar@example.com/one");
        RecordingSession honest = bind("honest@example.com/two");
        announce(service, liar, "sha-1", SIMPLE_VER);
        announce(service, honest, "sha-1", SIMPLE_VER);

        answer(liar.jid(), queries(liar).getFirst(), SIMPLE.replace("muc", "muc#poisoned"));

        assertThat(service.features(liar.jid())).isEmpty();
        assertThat(heard).isEmpty();
        Iq second = queries(honest).getFirst();
        answer(honest.jid(), second, SIMPLE);
        assertThat(service.features(honest.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(service.features(liar.jid())).as("what the string it announced stands for")
                .isEqualTo(SIMPLE_FEATURES);
    }

    @Test
    void whenNobodyVerifiesTheNextAnnouncementStartsOver() {
        CapsService service = service();
        RecordingSession liar = bind("liar@example.com/one");
        announce(service, liar, "sha-1", SIMPLE_VER);
        answer(liar.jid(), queries(liar).getFirst(), "<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<feature var='urn:x'/><feature var='urn:x'/></query>"); // ill-formed (§5.4 3.4)
        assertThat(service.discoveriesUnderway()).isZero();

        RecordingSession later = bind("later@example.com/two");
        announceAndAnswer(service, later);
        assertThat(service.features(later.jid())).isEqualTo(SIMPLE_FEATURES);
    }

    @Test
    void aReplyFromAnotherClientIsNoAnswer() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        RecordingSession mallory = bind("mallory@example.com/evil");
        announce(service, a, "sha-1", SIMPLE_VER);
        Iq query = queries(a).getFirst();

        assertThat(answer(mallory.jid(), query, SIMPLE.replace("muc", "muc#poisoned"))).isFalse();
        assertThat(service.features(a.jid())).isEmpty();
        assertThat(service.discoveriesUnderway()).isEqualTo(1);

        assertThat(answer(a.jid(), query, SIMPLE)).isTrue();
        assertThat(service.features(a.jid())).isEqualTo(SIMPLE_FEATURES);
    }

    @Test
    void aClientThatNeverAnswersTimesOutAndTheNextOneIsAsked() throws Exception {
        CapsService service = service(Duration.ofMillis(100), 10);
        RecordingSession silent = bind("silent@example.com/one");
        RecordingSession next = bind("next@example.com/two");
        announce(service, silent, "sha-1", SIMPLE_VER);
        announce(service, next, "sha-1", SIMPLE_VER);
        assertThat(queries(silent)).hasSize(1);

        eventually(() -> !next.received().isEmpty());
        answer(next.jid(), queries(next).getFirst(), SIMPLE);
        assertThat(service.features(silent.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void aTimeoutWithNobodyElseLeavesNothingBehind() throws Exception {
        CapsService service = service(Duration.ofMillis(100), 10);
        RecordingSession silent = bind("silent@example.com/one");
        announce(service, silent, "sha-1", SIMPLE_VER);
        assertThat(service.discoveriesUnderway()).isEqualTo(1);

        eventually(() -> service.discoveriesUnderway() == 0);
        assertThat(requests.waiting()).isZero();
        assertThat(service.features(silent.jid())).isEmpty();
    }

    @Test
    void theCacheIsBoundedButKnownClientsKeepTheirFeatures() {
        CapsService service = service(Duration.ofSeconds(30), 1);
        RecordingSession a = bind("a@example.com/one");
        RecordingSession b = bind("b@example.com/two");
        announceAndAnswer(service, a);
        announce(service, b, "sha-1", COMPLEX_VER);
        answer(b.jid(), queries(b).getFirst(), COMPLEX);

        RecordingSession c = bind("c@example.com/three");
        announce(service, c, "sha-1", SIMPLE_VER);

        assertThat(queries(c)).as("evicted, so asked again").hasSize(1);
        assertThat(service.features(a.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(service.features(b.jid())).isEqualTo(SIMPLE_FEATURES);
    }

    @Test
    void legacyCapsAndImpossibleStringsAreIgnored() {
        CapsService service = service();
        RecordingSession legacy = bind("legacy@example.com/one");
        RecordingSession odd = bind("odd@example.com/two");

        announce(service, legacy, null, "0.9.1");
        announce(service, odd, "sha-1", "x".repeat(5000));

        assertThat(legacy.received()).isEmpty();
        assertThat(odd.received()).isEmpty();
        assertThat(service.features(legacy.jid())).isEmpty();
        assertThat(service.discoveriesUnderway()).isZero();
    }

    @Test
    void anUnsupportedHashIsAskedOfEachClientForItselfAndNeverCached() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        RecordingSession b = bind("b@example.com/two");
        announce(service, a, "md5", "anything");
        announce(service, b, "md5", "anything");

        Iq toA = queries(a).getFirst();
        assertThat(queries(b)).hasSize(1);
        answer(a.jid(), toA, SIMPLE);

        assertThat(service.features(a.jid())).isEqualTo(SIMPLE_FEATURES);
        assertThat(service.features(b.jid())).isEmpty();
        assertThat(heard).containsExactly(Map.entry(a.jid(), SIMPLE_FEATURES));
    }

    @Test
    void unavailablePresenceAndTheEndOfTheSessionForgetTheClient() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        announceAndAnswer(service, a);

        service.presenceSent(a.jid(), (Presence) RoutingFixture.stanza("<presence type='unavailable'/>"));
        assertThat(service.features(a.jid())).isEmpty();

        RecordingSession b = bind("b@example.com/two");
        announce(service, b, "sha-1", COMPLEX_VER);
        assertThat(requests.waiting()).isEqualTo(1);
        sessions.unbind(b);
        assertThat(requests.waiting()).as("its query is cancelled").isZero();
        assertThat(service.discoveriesUnderway()).isZero();
        assertThat(service.features(b.jid())).isEmpty();
    }

    @Test
    void aNewVerificationStringIsLearnedAndReported() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        announceAndAnswer(service, a);

        announce(service, a, "sha-1", COMPLEX_VER);
        assertThat(service.features(a.jid())).as("unknown again").isEmpty();
        answer(a.jid(), queries(a).getFirst(), COMPLEX);

        assertThat(service.features(a.jid())).isEqualTo(SIMPLE_FEATURES); // the Psi example has the same features
        assertThat(heard).hasSize(2);
    }

    @Test
    void theWatchShowsTheServicePresenceAndPassesEverythingOn() {
        CapsService service = service();
        RecordingSession a = bind("a@example.com/one");
        List<String> passed = new ArrayList<>();
        PresenceHandling presence = service.watching(new PresenceHandling() {
            @Override
            public CompletionStage<List<Effect>> fromClient(ClientSession session, Presence sent) {
                passed.add("fromClient");
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletionStage<List<Effect>> inboundSubscription(Presence subscription) {
                passed.add("inboundSubscription");
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletionStage<List<Effect>> probe(Presence probe) {
                passed.add("probe");
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletionStage<List<Effect>> ended(ClientSession session) {
                passed.add("ended");
                return CompletableFuture.completedFuture(List.of());
            }
        });

        presence.fromClient(a, (Presence) RoutingFixture.stanza("<presence><c xmlns='http://jabber.org/protocol/caps'"
                + " hash='sha-1' node='" + EXODUS + "' ver='" + SIMPLE_VER + "'/></presence>"));
        Presence probe = (Presence) RoutingFixture.stanza("<presence type='probe' from='b@example.com/x' "
                + "to='a@example.com'/>");
        presence.probe(probe);
        presence.inboundSubscription(probe);
        presence.ended(a);

        assertThat(passed).containsExactly("fromClient", "probe", "inboundSubscription", "ended");
        assertThat(queries(a)).hasSize(1);
    }
}
