package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.parley.extensions.muc.MucClient.page;
import static dev.parley.extensions.muc.MucClient.room;
import static dev.parley.extensions.muc.MucClient.stanzaId;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0313 on a room's bare JID (§3.1, §6.1.2) end to end: what is archived, what comes back, and who may ask. */
class RoomArchiveTest {
    private static final String RSM = "http://jabber.org/protocol/rsm";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void archiveHoldsTheRoomsMessagesUnderTheIdsOccupantsSaw() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("archived");
            alice.createInstant(room, "alice");
            bob.join(room, "bob", "");
            alice.send("<message to='" + room + "' type='groupchat' id='a1'><body>one</body></message>");
            bob.send("<message to='" + room + "/alice' type='chat'><body>psst</body></message>");
            bob.send("<message to='" + room + "' type='groupchat'><active xmlns='"
                    + "http://jabber.org/protocol/chatstates'/></message>");
            bob.send("<message to='" + room + "' type='groupchat' id='b1'><body>two</body></message>");
            alice.send("<message to='" + room + "' type='groupchat' id='a2'><subject>news</subject></message>");
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // in the order bob got them: the room's order
                XmlElement got = bob.session().client().next(e -> "groupchat".equals(e.attribute("type"))
                        && e.attribute("from").startsWith(room + "/"));
                if (got.child("active", "http://jabber.org/protocol/chatstates").isPresent()) {
                    assertThat(got.child("stanza-id", "urn:xmpp:sid:0")).as("a chat state is not archived").isEmpty();
                } else {
                    seen.add(stanzaId(got));
                }
            }
            assertThat(seen).hasSize(3);
            MucClient.ArchiveAnswer all = bob.queryArchive(room, "");
            assertThat(all.iq().attribute("type")).isEqualTo("result");
            assertThat(all.ids()).as("bodies and the subject, not the private message or the chat state")
                    .containsExactlyElementsOf(seen);
            XmlElement first = all.messages().getFirst();
            assertThat(all.messages()).noneMatch(m -> m.toString().contains("psst"));
            assertThat(first.attribute("from")).as("§6.1.2: from the occupant JID").isEqualTo(room + "/alice");
            assertThat(first.attribute("to")).as("§6.1.2: no 'to'").isNull();
            assertThat(first.attribute("id")).isEqualTo("a1");
            assertThat(first.childText("body", "jabber:client")).contains("one");
            assertThat(all.results().getFirst().attribute("from")).isEqualTo(room);
            assertThat(all.fin().attribute("complete")).isEqualTo("true");

            MucClient.ArchiveAnswer firstPage = alice.queryArchive(room, page(2, null));
            assertThat(firstPage.ids()).containsExactlyElementsOf(seen.subList(0, 2));
            assertThat(firstPage.fin().attribute("complete")).isNull();
            String last = firstPage.fin().child("set", RSM).orElseThrow().childText("last", RSM).orElseThrow();
            MucClient.ArchiveAnswer secondPage = alice.queryArchive(room, page(2, last));
            assertThat(secondPage.ids()).containsExactly(seen.get(2));

            MucClient.ArchiveAnswer byBob = alice.queryArchive(room, "<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2</value></field>"
                    + "<field var='with'><value>" + room + "/bob</value></field></x>");
            assertThat(byBob.ids()).as("§4.1.1: 'with' is the publisher").hasSize(1);

            XmlElement metadata = alice.request("<iq type='get' to='" + room + "' id='md1'><metadata xmlns='"
                    + "urn:xmpp:mam:2'/></iq>").child("metadata", "urn:xmpp:mam:2").orElseThrow();
            assertThat(metadata.child("start", "urn:xmpp:mam:2").orElseThrow().attribute("id"))
                    .isEqualTo(seen.getFirst());
            assertThat(metadata.child("end", "urn:xmpp:mam:2").orElseThrow().attribute("id"))
                    .isEqualTo(seen.getLast());
            assertThat(byBob.messages().getFirst().childText("body", "jabber:client")).contains("two");
        }
    }

    @Test
    void roomAdvertisesItsArchive() throws Exception {
        try (MucClient alice = MucClient.login(server)) {
            String room = room("advertised");
            alice.createInstant(room, "alice");
            XmlElement info = alice.request("<iq type='get' to='" + room + "' id='d1'><query xmlns='"
                    + "http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(info.toString()).contains("var='urn:xmpp:mam:2'").contains("var='urn:xmpp:mam:2#extended'");
        }
    }

    @Test
    void onlyOccupantsReadAnArchiveWithoutPublicLoggingAndOnlyMembersAMembersOnlyOne() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient carol = MucClient.login(server)) {
            String room = room("guarded");
            alice.createInstant(room, "alice");
            alice.send("<message to='" + room + "' type='groupchat'><body>inside</body></message>");
            alice.next("message", room + "/alice");
            MucClient.ArchiveAnswer outsider = carol.queryArchive(room, "");
            assertThat(MucClient.error(outsider.iq())).isEqualTo("forbidden");
            assertThat(outsider.results()).isEmpty();

            assertThat(alice.configure(room, "muc#roomconfig_enablelogging", "1").attribute("type"))
                    .isEqualTo("result");
            assertThat(carol.queryArchive(room, "").ids()).as("public logging: whoever may enter").hasSize(1);

            assertThat(alice.configure(room, "muc#roomconfig_membersonly", "1").attribute("type"))
                    .isEqualTo("result");
            assertThat(MucClient.error(carol.queryArchive(room, "").iq())).as("§6.1.2 members-only")
                    .isEqualTo("forbidden");
            assertThat(alice.queryArchive(room, "").ids()).hasSize(1);
        }
    }

    @Test
    void aTemporaryRoomsArchiveGoesWithTheRoom() throws Exception {
        String room = room("fleeting");
        try (MucClient alice = MucClient.login(server)) {
            alice.createInstant(room, "alice");
            alice.send("<message to='" + room + "' type='groupchat'><body>soon gone</body></message>");
            alice.next("message", room + "/alice");
            assertThat(alice.queryArchive(room, "").ids()).hasSize(1);
        }
        try (MucClient bob = MucClient.login(server)) {
            bob.createInstant(room, "bob");
            assertThat(bob.queryArchive(room, "").ids()).as("the new room starts empty").isEmpty();
        }
    }
}
