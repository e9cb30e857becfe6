package dev.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * RFC 6121 §4.3.2: a probe of an account with no available resource is answered with its last unavailable presence,
 * stamped with an XEP-0203 delay, if the prober may see its presence.
 */
class LastUnavailablePresenceTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aSubscriberProbingAnOfflineContactGetsItsLastUnavailablePresenceWithADelay() throws Exception {
        String alice = server.addFreshUser();
        String bob = server.addFreshUser();
        subscription(alice, bob, RosterItem.Subscription.FROM);
        subscription(bob, alice, RosterItem.Subscription.TO);
        Instant before = Instant.now().minusSeconds(1);
        try (ImClient phone = ImClient.online(server, alice, "phone")) {
            phone.send("<presence type='unavailable'><status>gone fishing</status></presence>");
            phone.sync();
        }
        try (ImClient pc = ImClient.online(server, bob, "pc")) { // its initial presence probes alice
            XmlElement last = pc.presence("unavailable", alice + "@localhost/phone");
            assertThat(last.attribute("to")).isEqualTo(pc.jid);
            assertThat(last.childText("status", Namespaces.CLIENT)).contains("gone fishing");
            XmlElement delay = last.child("delay", Namespaces.DELAY).orElseThrow();
            assertThat(delay.attribute("from")).isEqualTo(TestServer.DOMAIN);
            assertThat(Instant.parse(delay.attribute("stamp"))).isBetween(before, Instant.now());
        }
    }

    @Test
    void aSessionEndingWithoutUnavailablePresenceLeavesOneToo() throws Exception {
        String alice = server.addFreshUser();
        String bob = server.addFreshUser();
        subscription(alice, bob, RosterItem.Subscription.FROM);
        subscription(bob, alice, RosterItem.Subscription.TO);
        try (ImClient phone = ImClient.online(server, alice, "phone")) {
            phone.send("<presence><status>here</status></presence>");
            phone.sync();
        } // the connection closes with no unavailable presence
        AccountId account = new AccountId(TestServer.DOMAIN, alice);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.server().storage().keyValues().get(account, LastPresence.KEY).toCompletableFuture().join()
                .isEmpty()) {
            assertThat(System.nanoTime()).as("kept once the session ended").isLessThan(deadline);
            Thread.sleep(20);
        }
        try (ImClient pc = ImClient.online(server, bob, "pc")) {
            XmlElement last = pc.presence("unavailable", alice + "@localhost/phone");
            assertThat(last.childText("status", Namespaces.CLIENT)).as("not the available presence's status")
                    .isEmpty();
            assertThat(last.child("delay", Namespaces.DELAY)).isPresent();
        }
    }

    @Test
    void aProberWithoutSubscriptionGetsNoPresence() throws Exception {
        String alice = server.addFreshUser();
        String carol = server.addFreshUser();
        try (ImClient phone = ImClient.online(server, alice, "phone")) {
            phone.send("<presence type='unavailable'><status>private</status></presence>");
            phone.sync();
        }
        try (ImClient pc = ImClient.online(server, carol, "pc")) {
            pc.send("<presence type='probe' to='" + alice + "@localhost'/>");
            // Answered with "unsubscribed", which carol's server ignores as she has no subscription (§3.2.3).
            assertThat(pc.quiet()).noneMatch(e -> e.name().equals("presence")
                    && e.attribute("from").startsWith(alice + "@"));
        }
    }

    private static void subscription(String owner, String contact, RosterItem.Subscription state) {
        Jid contactJid = Jid.of(contact, TestServer.DOMAIN, null);
        server.server().storage().roster().update(new AccountId(TestServer.DOMAIN, owner), contactJid,
                        current -> RosterItem.listed(contactJid, null, List.of()).withState(state, false, false, false),
                        100)
                .toCompletableFuture().join();
    }
}
