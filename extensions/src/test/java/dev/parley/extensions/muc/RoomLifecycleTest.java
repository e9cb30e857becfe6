package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.parley.extensions.muc.MucClient.hasStatus;
import static dev.parley.extensions.muc.MucClient.item;
import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0045 §10.1 creation, §7.2 entering, §7.4 messages, §7.14 leaving, on a real server. */
class RoomLifecycleTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void firstEntryCreatesALockedRoomOwnedByTheCreator() throws Exception {
        try (MucClient owner = MucClient.login(server); MucClient other = MucClient.login(server)) {
            String room = room("created");
            XmlElement self = owner.join(room, "owner", "");
            assertThat(hasStatus(self, 110)).isTrue();
            assertThat(hasStatus(self, 201)).as("§10.1.2 new room").isTrue();
            assertThat(item(self).attribute("affiliation")).isEqualTo("owner");
            assertThat(item(self).attribute("role")).isEqualTo("moderator");

            XmlElement refused = other.join(room, "other", "");
            assertThat(MucClient.error(refused)).as("§7.2.10 locked").isEqualTo("item-not-found");

            XmlElement reply = owner.configure(room);
            assertThat(reply.attribute("type")).isEqualTo("result");
            XmlElement joined = other.join(room, "other", "");
            assertThat(hasStatus(joined, 110)).isTrue();
            assertThat(item(joined).attribute("role")).isEqualTo("participant");
        }
    }
}
