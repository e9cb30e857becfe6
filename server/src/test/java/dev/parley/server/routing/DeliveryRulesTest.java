package dev.parley.server.routing;

import static dev.parley.server.testing.RoutingFixture.await;
import static dev.parley.server.testing.RoutingFixture.stanza;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterItem.Subscription;
import dev.parley.server.routing.DeliveryRules.Action;
import dev.parley.server.routing.DeliveryRules.Address;
import dev.parley.server.routing.DeliveryRules.Kind;
import dev.parley.server.routing.DeliveryRules.Resources;
import dev.parley.server.testing.RecordingSession;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * RFC 6121 §8.5 as a table, walked row by row through the real router: every stanza kind × address form × account
 * existing or not × available resources. The expected action of each cell is restated here from the RFC, and the
 * test checks both that {@link DeliveryRules} decides it and that the router carries it out (who received what,
 * what was stored, which error came back).
 */
class DeliveryRulesTest {
    /**
     * The RFC's table: kind, then the action for an unknown account (§8.5.1), for the bare JID with non-negative,
     * only negative, or no available resources (§8.5.2), for a connected full JID (§8.5.3.1) and an unknown one
     * (§8.5.3.2). "bare" means: as for the bare JID with the same resources.
     */
    private static final String TABLE = """
            MESSAGE_NORMAL        | SERVICE_UNAVAILABLE | DELIVER_TO_MOST_AVAILABLE | STORE_OFFLINE        | STORE_OFFLINE       | DELIVER_TO_RESOURCE | bare
            MESSAGE_CHAT          | SERVICE_UNAVAILABLE | DELIVER_TO_MOST_AVAILABLE | STORE_OFFLINE        | STORE_OFFLINE       | DELIVER_TO_RESOURCE | bare
            MESSAGE_GROUPCHAT     | SERVICE_UNAVAILABLE | SERVICE_UNAVAILABLE       | SERVICE_UNAVAILABLE  | SERVICE_UNAVAILABLE | DELIVER_TO_RESOURCE | SERVICE_UNAVAILABLE
            MESSAGE_HEADLINE      | SERVICE_UNAVAILABLE | DELIVER_TO_NON_NEGATIVE   | DROP                 | DROP                | DELIVER_TO_RESOURCE | bare
            MESSAGE_ERROR         | DROP                | DROP                      | DROP                 | DROP                | DELIVER_TO_RESOURCE | DROP
            PRESENCE_AVAILABILITY | DROP                | DELIVER_TO_AVAILABLE      | DELIVER_TO_AVAILABLE | DROP                | DELIVER_TO_RESOURCE | DROP
            PRESENCE_SUBSCRIPTION | DROP                | SUBSCRIPTION              | SUBSCRIPTION         | SUBSCRIPTION        | bare                | bare
            PRESENCE_PROBE        | DROP                | PROBE                     | PROBE                | PROBE               | bare                | bare
            PRESENCE_ERROR        | DROP                | DELIVER_TO_AVAILABLE      | DELIVER_TO_AVAILABLE | DROP                | DELIVER_TO_RESOURCE | DROP
            IQ_REQUEST            | SERVICE_UNAVAILABLE | ANSWER_FOR_ACCOUNT        | ANSWER_FOR_ACCOUNT   | ANSWER_FOR_ACCOUNT  | DELIVER_TO_RESOURCE | SERVICE_UNAVAILABLE
            IQ_RESPONSE           | DROP                | DROP                      | DROP                 | DROP                | DELIVER_TO_RESOURCE | DROP
            """;
    private static final String ECHO = "urn:example:echo";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @TempDir
    static Path directory;
    private static RoutingFixture node;

    @BeforeAll
    static void start() throws Exception {
        node = new RoutingFixture(directory, "");
        node.addAccount("alice");
        node.iqHandlers.register(IqScope.ACCOUNT, "query", ECHO, request -> IqReply.now(IqReply.empty()));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Resources resources : Resources.values()) {
                for (Address address : Address.values()) {
                    cells.add(Arguments.of(kind, address, true, resources));
                }
            }
            for (Address address : List.of(Address.BARE, Address.FULL_UNKNOWN)) {
                cells.add(Arguments.of(kind, address, false, Resources.NONE));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} to {1}, account exists: {2}, resources: {3}")
    @MethodSource("cells")
    void everyCellOfTheTableIsDecidedAndCarriedOut(Kind kind, Address address, boolean exists, Resources resources) {
        Action expected = expected(kind, address, exists, resources);
        assertThat(DeliveryRules.decide(kind, address, exists, resources)).isEqualTo(expected);

        String user = "bob" + ACCOUNTS.incrementAndGet();
        Jid bare = Jid.of(user, RoutingFixture.DOMAIN, null);
        Map<String, RecordingSession> resourcesOf = account(user, exists, resources, address);
        RecordingSession alice = node.bind("alice@example.com/" + user);
        alice.presence().update((Presence) stanza("<presence from='" + alice.jid() + "'/>"));
        String addressed = address == Address.FULL_CONNECTED ? connectedResource(resources) : "unknown";
        String to = address == Address.BARE ? bare.toString() : bare + "/" + addressed;

        await(node.router.route(stanza(stanzaXml(kind, alice.jid().toString(), to))));

        assertThat(observed(kind, bare, alice, resourcesOf, addressed)).isEqualTo(expected);
        node.sessions.unbind(alice);
        resourcesOf.values().forEach(node.sessions::unbind);
    }

    /** The resource a connected full JID names: one with the given kind of presence. */
    private static String connectedResource(Resources resources) {
        return switch (resources) {
            case NON_NEGATIVE -> "zero";
            case NEGATIVE_ONLY -> "negative";
            case NONE -> "silent";
        };
    }

    /**
     * Creates the account (unless it must not exist) with alice in its roster with subscription "from", so that
     * probes are answered and "unsubscribe" changes something, and binds its resources: "high" (priority 1) and
     * "zero" (0) when non-negative ones exist, "negative" (-1) and "lower" (-5) whenever any are available, and
     * "silent", bound without presence, when a connected full JID without available resources is addressed.
     */
    private static Map<String, RecordingSession> account(String user, boolean exists, Resources resources,
                                                         Address address) {
        Map<String, RecordingSession> bound = new LinkedHashMap<>();
        if (!exists) {
            return bound;
        }
        node.addAccount(user);
        Jid alice = Jid.parse("alice@example.com");
        await(node.storage.roster().update(new AccountId(RoutingFixture.DOMAIN, user), alice,
                current -> RosterItem.listed(alice, null, List.of()).withState(Subscription.FROM, false, false, false),
                100));
        if (resources == Resources.NON_NEGATIVE) {
            bound.put("high", available(user, "high", 1));
            bound.put("zero", available(user, "zero", 0));
        }
        if (resources != Resources.NONE) {
            bound.put("negative", available(user, "negative", -1));
            bound.put("lower", available(user, "lower", -5));
        }
        if (resources == Resources.NONE) {
            // It was online once, so a probe has its last unavailable presence to answer with (RFC 6121 §4.3.2).
            RecordingSession gone = node.bind(user + "@example.com/gone");
            await(node.router.fromClient(gone, stanza("<presence from='" + gone.jid() + "'/>")));
            await(node.router.fromClient(gone, stanza("<presence type='unavailable' from='" + gone.jid() + "'/>")));
            node.sessions.unbind(gone);
        }
        if (resources == Resources.NONE && address == Address.FULL_CONNECTED) {
            bound.put("silent", node.bind(user + "@example.com/silent"));
        }
        return bound;
    }

    private static RecordingSession available(String user, String resource, int priority) {
        RecordingSession session = node.bind(user + "@example.com/" + resource);
        session.presence().update((Presence) stanza("<presence from='" + session.jid() + "'><priority>" + priority
                + "</priority></presence>"));
        return session;
    }

    private static String stanzaXml(Kind kind, String from, String to) {
        String address = " from='" + from + "' to='" + to + "' id='t1'";
        String error = "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>";
        return switch (kind) {
            case MESSAGE_NORMAL -> "<message" + address + "><body>hi</body></message>";
            case MESSAGE_CHAT -> "<message type='chat'" + address + "><body>hi</body></message>";
            case MESSAGE_GROUPCHAT -> "<message type='groupchat'" + address + "><body>hi</body></message>";
            case MESSAGE_HEADLINE -> "<message type='headline'" + address + "><body>hi</body></message>";
            case MESSAGE_ERROR -> "<message type='error'" + address + ">" + error + "</message>";
            case PRESENCE_AVAILABILITY -> "<presence" + address + "/>";
            // A subscription stanza arrives stamped with the sender's bare JID (§3.1.2); "unsubscribe" is the one
            // that changes a roster where alice has "from".
            case PRESENCE_SUBSCRIPTION -> "<presence type='unsubscribe' from='alice@example.com' to='" + to + "'/>";
            case PRESENCE_PROBE -> "<presence type='probe'" + address + "/>";
            case PRESENCE_ERROR -> "<presence type='error'" + address + ">" + error + "</presence>";
            case IQ_REQUEST -> "<iq type='get'" + address + "><query xmlns='" + ECHO + "'/></iq>";
            case IQ_RESPONSE -> "<iq type='result'" + address + "/>";
        };
    }

    /** Which action the outcome shows. */
    private static Action observed(Kind kind, Jid bare, RecordingSession alice, Map<String, RecordingSession> bound,
                                   String addressed) {
        List<Stanza> toAlice = alice.take();
        String receivers = bound.entrySet().stream().filter(e -> !e.getValue().take().isEmpty())
                .map(Map.Entry::getKey).sorted().collect(Collectors.joining(","));
        AccountId account = new AccountId(bare.domain(), bare.local());
        boolean stored = !await(node.storage.offline().list(account, 1)).isEmpty();
        Optional<RosterItem> aliceInRoster = await(node.storage.roster().find(account, Jid.parse("alice@example.com")));
        boolean subscriptionChanged = aliceInRoster.isPresent()
                && aliceInRoster.get().subscription() == Subscription.NONE;
        if (stored) {
            return Action.STORE_OFFLINE;
        }
        if (subscriptionChanged) {
            return Action.SUBSCRIPTION;
        }
        if (toAlice.size() == 1 && toAlice.getFirst().isError()) {
            assertThat(toAlice.getFirst().error().condition().elementName()).isEqualTo("service-unavailable");
            return Action.SERVICE_UNAVAILABLE;
        }
        if (kind == Kind.IQ_REQUEST && toAlice.size() == 1 && "result".equals(toAlice.getFirst().typeAttribute())) {
            return Action.ANSWER_FOR_ACCOUNT;
        }
        if (kind == Kind.PRESENCE_PROBE && !toAlice.isEmpty()) {
            boolean noneAvailable = bound.values().stream().noneMatch(RecordingSession::available);
            assertThat(toAlice).allMatch(p -> p.from().bare().equals(bare) && (p.typeAttribute() == null
                    || noneAvailable && p.typeAttribute().equals("unavailable")));
            return Action.PROBE;
        }
        assertThat(toAlice).as("alice gets nothing else").isEmpty();
        if (receivers.equals(addressed)) {
            return Action.DELIVER_TO_RESOURCE;
        }
        return switch (receivers) {
            case "" -> Action.DROP;
            case "high" -> Action.DELIVER_TO_MOST_AVAILABLE;
            case "high,zero" -> Action.DELIVER_TO_NON_NEGATIVE;
            case "high,lower,negative,zero", "lower,negative" -> Action.DELIVER_TO_AVAILABLE;
            default -> throw new AssertionError("delivered to an unexpected set of resources: " + receivers);
        };
    }

    private static Action expected(Kind kind, Address address, boolean exists, Resources resources) {
        String[] row = rows().get(kind);
        if (!exists) {
            return Action.valueOf(row[1]);
        }
        String cell = switch (address) {
            case BARE -> "bare";
            case FULL_CONNECTED -> row[5];
            case FULL_UNKNOWN -> row[6];
        };
        if (!cell.equals("bare")) {
            return Action.valueOf(cell);
        }
        return Action.valueOf(row[switch (resources) {
            case NON_NEGATIVE -> 2;
            case NEGATIVE_ONLY -> 3;
            case NONE -> 4;
        }]);
    }

    private static Map<Kind, String[]> rows() {
        Map<Kind, String[]> rows = new EnumMap<>(Kind.class);
        TABLE.lines().map(line -> line.split("\\|")).forEach(cells -> {
            String[] trimmed = Stream.of(cells).map(String::strip).toArray(String[]::new);
            rows.put(Kind.valueOf(trimmed[0]), trimmed);
        });
        assertThat(rows).hasSize(Kind.values().length);
        return rows;
    }
}
