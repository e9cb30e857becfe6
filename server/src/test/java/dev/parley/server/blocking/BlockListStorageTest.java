package dev.parley.server.blocking;

import static dev.parley.server.testing.Iqs.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** The size limit of block lists, and their surviving a restart of the server. */
class BlockListStorageTest {
    @Test
    void aBlockBeyondTheLimitIsRefusedAndChangesNothing() throws Exception {
        try (TestServer server = TestServer.start("limits: {block-list-items: 2}\n");
             BlockingClient alice = BlockingClient.login(server.c2sPort(), server.addFreshUser(), "phone")) {
            assertThat(alice.block("a@localhost", "b@localhost").attribute("type")).isEqualTo("result");
            XmlElement refused = alice.block("c@localhost");
            assertThat(errorCondition(refused)).isEqualTo("policy-violation");
            assertThat(alice.block("a@localhost").attribute("type")).as("blocking again does not grow the list")
                    .isEqualTo("result");
            assertThat(errorCondition(alice.block("a@localhost", "d@localhost"))).isEqualTo("policy-violation");
            assertThat(alice.blocklist()).containsExactly("a@localhost", "b@localhost");
        }
    }

    @Test
    void theListSurvivesARestart() throws Exception {
        Path dataDir;
        String alice;
        String bob;
        try (TestServer server = TestServer.start()) {
            dataDir = server.dataDir();
            alice = server.addFreshUser();
            bob = server.addFreshUser();
            try (BlockingClient client = BlockingClient.login(server.c2sPort(), alice, "phone")) {
                client.block(bob + "@localhost", "example.org");
            }
        }
        String yaml = """
                domains: [localhost]
                data-dir: %s
                listeners:
                  c2s: {port: 0, address: 127.0.0.1}
                  c2s-direct-tls: {enabled: false}
                  admin: {enabled: false}
                auth:
                  scram-iterations: 4096
                """.formatted(dataDir);
        try (ParleyServer restarted = ParleyServer.start(ConfigLoader.parse(yaml, "restart", dataDir));
             BlockingClient aliceAgain = BlockingClient.login(restarted.boundPort("c2s"), alice, "phone");
             BlockingClient bobAgain = BlockingClient.login(restarted.boundPort("c2s"), bob, "pc")) {
            XmlElement refused = bobAgain.iq("get", aliceAgain.jid, "<ping xmlns='urn:xmpp:ping'/>");
            assertThat(errorCondition(refused)).as("in force from the first stanza").isEqualTo("service-unavailable");
            assertThat(aliceAgain.blocklist()).containsExactly(bob + "@localhost", "example.org");
        }
    }
}
