package dev.parley.extensions.muc;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.extensions.muc.MucClient.item;
import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0045 §10.1.3 persistentroom: configuration, affiliations and the archive (XEP-0313) outlive a restart; temporary
 * rooms do not.
 */
class PersistentRoomTest {
    private static final String RSM = "http://jabber.org/protocol/rsm";

    @TempDir
    Path dataDir;

    @Test
    void persistentRoomKeepsConfigAndMembersAcrossRestart() throws Exception {
        String room = room("kept");
        String temporary = room("gone");
        try (ParleyServer server = start()) {
            server.accounts().create(Jid.parse("owner@localhost"), "owner-password").toCompletableFuture().join();
            server.accounts().create(Jid.parse("member@localhost"), "member-password").toCompletableFuture().join();
            try (MucClient owner = login(server, "owner")) {
                owner.join(room, "boss", "");
                assertThat(owner.configure(room, "muc#roomconfig_persistentroom", "1",
                        "muc#roomconfig_membersonly", "1", "muc#roomconfig_roomname", "Kept room")
                        .attribute("type")).isEqualTo("result");
                XmlElement granted = owner.request("<iq type='set' to='" + room + "' id='g1'><query xmlns='"
                        + "http://jabber.org/protocol/muc#admin'><item affiliation='member' jid='member@localhost'/>"
                        + "</query></iq>");
                assertThat(granted.attribute("type")).isEqualTo("result");
                owner.createInstant(temporary, "boss");
            }
        }
        try (ParleyServer server = start(); MucClient member = login(server, "member")) {
            XmlElement self = member.join(room, "m", "");
            assertThat(item(self).attribute("affiliation")).as("member list survived").isEqualTo("member");
            XmlElement info = member.request("<iq type='get' to='" + room + "' id='i1'><query xmlns='"
                    + "http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(info.toString()).contains("name='Kept room'").contains("muc_membersonly")
                    .contains("muc_persistent");
            XmlElement missing = member.request("<iq type='get' to='" + temporary + "' id='i2'><query xmlns='"
                    + "http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(MucClient.error(missing)).isEqualTo("item-not-found");
        }
    }

    @Test
    void persistentRoomArchivePagesAcrossRestartAndContinuesItsOrder() throws Exception {
        String room = room("logged");
        List<String> sent;
        try (ParleyServer server = start(); MucClient owner = ownerInPersistentRoom(server, room)) {
            sent = sendBodies(owner, room, "m", 5);
        }
        try (ParleyServer server = start(); MucClient owner = login(server, "owner")) {
            owner.join(room, "boss", "<history maxstanzas='0'/>");
            List<String> paged = new ArrayList<>();
            String last = null;
            for (int page = 0; page < 3; page++) {
                MucClient.ArchiveAnswer answer = owner.queryArchive(room, MucClient.page(2, last));
                paged.addAll(answer.ids());
                last = answer.fin().child("set", RSM).orElseThrow().childText("last", RSM).orElseThrow();
                assertThat(answer.fin().attribute("complete")).isEqualTo(page == 2 ? "true" : null);
            }
            assertThat(paged).as("the ids occupants saw before the restart, in order").isEqualTo(sent);

            owner.send("<message to='" + room + "' type='groupchat'><body>after</body></message>");
            String after = MucClient.stanzaId(owner.next("message", room + "/boss"));
            assertThat(sent).doesNotContain(after);
            assertThat(owner.queryArchive(room, MucClient.page(10, last)).ids()).as("the order continues")
                    .containsExactly(after);
        }
    }

    @Test
    void persistentRoomHistoryOnEntrySurvivesARestart() throws Exception {
        String room = room("remembered");
        List<String> sent;
        try (ParleyServer server = start(); MucClient owner = ownerInPersistentRoom(server, room)) {
            owner.send("<message to='" + room + "' type='groupchat'><subject>Agenda</subject></message>");
            owner.next("message", room + "/boss");
            sent = sendBodies(owner, room, "h", 3);
        }
        try (ParleyServer server = start(); MucClient owner = login(server, "owner")) {
            owner.join(room, "boss", "<history maxstanzas='2'/>");
            XmlElement first = owner.next("message", room + "/boss");
            XmlElement second = owner.next("message", room + "/boss");
            XmlElement subject = owner.next("message", room); // who set it is not stored, only the subject
            assertThat(List.of(first, second)).allMatch(m -> m.child("delay", "urn:xmpp:delay").isPresent());
            assertThat(List.of(first.childText("body", "jabber:client").orElseThrow(),
                    second.childText("body", "jabber:client").orElseThrow())).containsExactly("h1", "h2");
            assertThat(List.of(MucClient.stanzaId(first), MucClient.stanzaId(second)))
                    .as("the ids occupants saw before the restart").isEqualTo(sent.subList(1, 3));
            assertThat(subject.childText("subject", "jabber:client")).contains("Agenda");
        }
    }

    @Test
    void occupantIdsAndReservedNicknamesSurviveARestart() throws Exception {
        String room = room("stable");
        String idBefore;
        try (ParleyServer server = start()) {
            for (String user : List.of("owner", "member", "other")) {
                server.accounts().create(Jid.parse(user + "@localhost"), user + "-password").toCompletableFuture()
                        .join();
            }
            try (MucClient owner = login(server, "owner"); MucClient member = login(server, "member")) {
                owner.join(room, "boss", "");
                assertThat(owner.configure(room, "muc#roomconfig_persistentroom", "1").attribute("type"))
                        .isEqualTo("result");
                assertThat(member.request(RoomRegistrationTest.register(room, "Mem")).attribute("type"))
                        .isEqualTo("result");
                idBefore = occupantId(member.join(room, "Mem", ""));
            }
        }
        Path key = dataDir.resolve(OccupantIds.KEY_FILE);
        assertThat(Files.size(key)).isEqualTo(32);
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        try (ParleyServer server = start(); MucClient member = login(server, "member");
             MucClient other = login(server, "other"); MucClient owner = login(server, "owner")) {
            assertThat(RoomRegistrationTest.reservedNick(member, room)).isEqualTo("Mem");
            assertThat(MucClient.error(other.join(room, "MEM", ""))).as("still reserved").isEqualTo("conflict");
            assertThat(occupantId(member.join(room, "Mem", ""))).as("XEP-0421 §4: stable").isEqualTo(idBefore);
            owner.join(room, "boss", "");
            assertThat(RoomRegistrationTest.memberNicks(owner, room)).containsExactly("member@localhost=Mem");
        }
    }

    private static String occupantId(XmlElement presence) {
        return presence.child("occupant-id", "urn:xmpp:occupant-id:0").orElseThrow().attribute("id");
    }

    /** The owner, logged in as {@code boss} in {@code room}, which it made persistent. */
    private static MucClient ownerInPersistentRoom(ParleyServer server, String room) throws Exception {
        server.accounts().create(Jid.parse("owner@localhost"), "owner-password").toCompletableFuture().join();
        MucClient owner = login(server, "owner");
        owner.join(room, "boss", "");
        assertThat(owner.configure(room, "muc#roomconfig_persistentroom", "1").attribute("type")).isEqualTo("result");
        return owner;
    }

    /** The owner sends {@code count} groupchat bodies ({@code prefix} + index); the room's stanza ids for them, in order. */
    private static List<String> sendBodies(MucClient owner, String room, String prefix, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            owner.send("<message to='" + room + "' type='groupchat'><body>" + prefix + i + "</body></message>");
            ids.add(MucClient.stanzaId(owner.next("message", room + "/boss")));
        }
        return ids;
    }

    private ParleyServer start() throws Exception {
        return ParleyServer.start(ConfigLoader.parse("""
                domains: [localhost]
                data-dir: %s
                listeners:
                  c2s: {port: 0, address: 127.0.0.1}
                  c2s-direct-tls: {enabled: false}
                  admin: {enabled: false}
                auth:
                  scram-iterations: 4096
                """.formatted(dataDir), "restart test", dataDir));
    }

    private static MucClient login(ParleyServer server, String user) throws Exception {
        RawXmppClient client = RawXmppClient.connect(server.boundPort("c2s"));
        String jid = client.login(TestServer.DOMAIN, user, user + "-password", "muc");
        XmppSession session = new XmppSession(client, jid);
        session.send("<presence/>");
        return new MucClient(session);
    }
}
