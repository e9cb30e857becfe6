package dev.parley.server.stream;

import static dev.parley.server.stream.SmClient.SM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.OfflineMessage;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Stream management (XEP-0198) end to end on a real server: enabling, acks, resumption and its failures. */
class StreamManagementTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass("stream-management: {request-ack-after: 1000}\n");

    private static String message(String to, String id) {
        return "<message type='chat' to='" + to + "' id='" + id + "'><body>" + id + "</body></message>";
    }

    @Test
    void enablingIsOfferedAfterBindingAndAcksCountHandledStanzas() throws Exception {
        String user = server.addFreshUser();
        try (SmClient auth = SmClient.authenticated(server, user)) {
            assertThat(auth.features.child("sm", SM)).as("§2: offered on the stream where binding happens")
                    .isPresent();
            auth.send("<enable xmlns='" + SM + "'/>");
            assertThat(auth.raw.next().child("unexpected-request", "urn:ietf:params:xml:ns:xmpp-stanzas"))
                    .as("§3: not before binding").isPresent();
        }
        try (SmClient client = SmClient.enabled(server, user, "phone", true)) {
            assertThat(client.enabled.attribute("resume")).isEqualTo("true");
            assertThat(client.enabled.attribute("max")).isEqualTo("300");
            assertThat(client.smId()).hasSizeGreaterThanOrEqualTo(20);
            for (int i = 0; i < 3; i++) {
                client.send("<iq type='get' id='p" + i + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            }
            assertThat(client.awaitAck(3)).isEqualTo(3);
            assertThat(client.stanzas).extracting(e -> e.attribute("id")).containsExactly("p0", "p1", "p2");
            client.send("<a xmlns='" + SM + "' h='3'/>");
            assertThat(client.requestAck()).as("acks are not stanzas").isEqualTo(3);

            client.send("<enable xmlns='" + SM + "'/>");
            assertThat(client.raw.next().name()).as("§3: a second enable fails").isEqualTo("failed");
            assertThat(client.raw.streamErrorCondition()).isEqualTo("policy-violation");
        }
    }

    @Test
    void aMessageToAnOfflineAccountIsAcknowledgedOnlyOnceItIsStored() throws Exception {
        String offline = server.addFreshUser();
        try (SmClient alice = SmClient.enabled(server, server.addFreshUser(), "pc", false)) {
            alice.send(message(offline + "@localhost", "stored-before-ack"));
            assertThat(alice.awaitAck(1)).isEqualTo(1);
            List<OfflineMessage> stored = server.server().storage().offline()
                    .list(new AccountId(TestServer.DOMAIN, offline), 10).toCompletableFuture().join();
            assertThat(stored).as("the <a/> covering it came after the offline write")
                    .extracting(m -> m.stanza().attribute("id")).containsExactly("stored-before-ack");
        }
    }

    @Test
    void aDroppedStreamResumesWithNothingLostOrDuplicated() throws Exception {
        String aliceUser = server.addFreshUser();
        SmClient alice = SmClient.enabled(server, aliceUser, "phone", true);
        try (SmClient bob = SmClient.enabled(server, server.addFreshUser(), "pc", false)) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add("m" + i);
                bob.send(message(alice.fullJid, "m" + i));
            }
            alice.nextStanza();
            alice.nextStanza();
            alice.send(message(bob.fullJid, "from-alice"));
            assertThat(alice.awaitAck(1)).isEqualTo(1);
            alice.close(); // the network goes: no </stream:stream>
            for (int i = 5; i < 8; i++) {
                sent.add("m" + i);
                bob.send(message(alice.fullJid, "m" + i));
            }
            assertThat(bob.awaitAck(8)).as("delivered to the detached session's queue").isEqualTo(8);

            try (SmClient again = SmClient.authenticated(server, aliceUser)) {
                again.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='" + alice.received + "'/>");
                XmlElement resumed = again.raw.next();
                assertThat(resumed.name()).isEqualTo("resumed");
                assertThat(resumed.attribute("h")).as("the server handled alice's one stanza").isEqualTo("1");
                List<String> got = new ArrayList<>(alice.stanzas.stream().map(e -> e.attribute("id")).toList());
                for (int i = got.size(); i < sent.size(); i++) {
                    got.add(again.nextStanza().attribute("id"));
                }
                assertThat(got).containsExactlyElementsOf(sent);
                assertThat(again.raw.drain(300)).filteredOn(e -> e.name().equals("message")).isEmpty();
                again.send("<iq type='get' id='after'><ping xmlns='urn:xmpp:ping'/></iq>");
                XmlElement pong = again.raw.next("iq");
                assertThat(pong.attribute("to")).as("the session keeps its full JID").isEqualTo(alice.fullJid);
                assertThat(again.awaitAck(2)).as("counts carry over (§5)").isEqualTo(2);
            }
        }
    }

    @Test
    void resumingWhileTheOldStreamIsOpenClosesItWithConflict() throws Exception {
        String user = server.addFreshUser();
        try (SmClient old = SmClient.enabled(server, user, "phone", true);
             SmClient again = SmClient.authenticated(server, user)) {
            again.send("<resume xmlns='" + SM + "' previd='" + old.smId() + "' h='0'/>");
            assertThat(again.raw.next().name()).isEqualTo("resumed");
            assertThat(old.raw.streamErrorCondition()).isEqualTo("conflict");
        }
    }

    @Test
    void unknownAndForeignIdsAreNotFoundAndTheStreamMayStillBind() throws Exception {
        String owner = server.addFreshUser();
        try (SmClient alice = SmClient.enabled(server, owner, "phone", true);
             SmClient mallory = SmClient.authenticated(server, server.addFreshUser());
             SmClient lost = SmClient.authenticated(server, owner)) {
            mallory.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='0'/>");
            assertThat(mallory.raw.next().child("item-not-found", "urn:ietf:params:xml:ns:xmpp-stanzas"))
                    .as("another account's id does not exist for it").isPresent();
            lost.send("<resume xmlns='" + SM + "' previd='no-such-id' h='0'/>");
            assertThat(lost.raw.next().child("item-not-found", "urn:ietf:params:xml:ns:xmpp-stanzas")).isPresent();
            lost.send("<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            assertThat(lost.raw.next().attribute("type")).as("§5: binding is still possible").isEqualTo("result");

            alice.send("<iq type='get' id='alive'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(alice.nextStanza().attribute("id")).as("the foreign attempt left alice alone")
                    .isEqualTo("alive");
        }
    }

    @Test
    void handledCountTooHighFailsTheResumptionAndEndsTheStream() throws Exception {
        String user = server.addFreshUser();
        SmClient alice = SmClient.enabled(server, user, "phone", true);
        alice.send("<iq type='get' id='one'><ping xmlns='urn:xmpp:ping'/></iq>");
        alice.nextStanza();
        alice.close();
        try (SmClient again = SmClient.authenticated(server, user)) {
            again.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='5'/>");
            XmlElement failed = again.raw.next();
            assertThat(failed.name()).isEqualTo("failed");
            assertThat(failed.child("handled-count-too-high", SM).orElseThrow().attribute("send-count"))
                    .isEqualTo("1");
            assertThat(again.raw.streamErrorCondition()).isEqualTo("undefined-condition");
        }
        try (SmClient third = SmClient.authenticated(server, user)) {
            third.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='1'/>");
            assertThat(third.raw.next().name()).as("the session was left as it was").isEqualTo("resumed");
        }
    }

    @Test
    void anAckCountingMoreThanWasSentIsAStreamError() throws Exception {
        try (SmClient client = SmClient.enabled(server, server.addFreshUser(), "pc", false)) {
            client.send("<a xmlns='" + SM + "' h='7'/>");
            XmlElement error = client.raw.next(e -> e.name().equals("error"));
            assertThat(error.firstChild("urn:ietf:params:xml:ns:xmpp-streams").orElseThrow().name())
                    .isEqualTo("undefined-condition");
            assertThat(error.child("handled-count-too-high", SM).orElseThrow().attribute("h")).isEqualTo("7");
        }
    }

    @Test
    void ofTwoClientsResumingOneSessionExactlyOneWins() throws Exception {
        String user = server.addFreshUser();
        SmClient alice = SmClient.enabled(server, user, "phone", true);
        alice.close();
        try (SmClient first = SmClient.authenticated(server, user);
             SmClient second = SmClient.authenticated(server, user)) {
            String resume = "<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='0'/>";
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<String> one = () -> {
                    first.send(resume);
                    return first.raw.next().name();
                };
                Callable<String> two = () -> {
                    second.send(resume);
                    return second.raw.next().name();
                };
                List<Future<String>> answers = pool.invokeAll(List.of(one, two));
                // Claimed at once, one claim fails; one after the other, the later resumption takes the session
                // over and closes the earlier stream with <conflict/> (§5). Either way one stream ends up with it.
                int holders = 0;
                for (int i = 0; i < 2; i++) {
                    SmClient client = i == 0 ? first : second;
                    if (answers.get(i).get().equals("resumed") && stillHolds(client)) {
                        holders++;
                    }
                }
                assertThat(holders).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** True when a ping on this resumed stream is answered; false when the stream was closed with conflict. */
    private static boolean stillHolds(SmClient client) throws Exception {
        try {
            client.send("<iq type='get' id='hold'><ping xmlns='urn:xmpp:ping'/></iq>");
            XmlElement next = client.raw.next(e -> e.name().equals("iq") || e.name().equals("error"));
            return next.name().equals("iq");
        } catch (java.io.IOException closed) {
            return false;
        }
    }

    @Test
    void theServerAsksForAcksAfterTheConfiguredNumberOfStanzas() throws Exception {
        try (TestServer eager = TestServer.start("stream-management: {request-ack-after: 2}\n")) {
            try (SmClient client = SmClient.enabled(eager, eager.addFreshUser(), "pc", false)) {
                client.send("<iq type='get' id='a'><ping xmlns='urn:xmpp:ping'/></iq>");
                client.send("<iq type='get' id='b'><ping xmlns='urn:xmpp:ping'/></iq>");
                client.nextStanza();
                client.nextStanza();
                assertThat(client.raw.next().is("r", SM)).isTrue();
                client.send("<a xmlns='" + SM + "' h='2'/>");
                assertThat(client.awaitAck(2)).isEqualTo(2);
            }
        }
    }
}
