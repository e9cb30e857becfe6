package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link MucStore} contract, run against every provider. */
public abstract class MucStoreContract extends StorageContract {
    private static final Jid SERVICE = Jid.domain("conference.example.com");
    private static final Jid ROOM = Jid.parse("lounge@conference.example.com");

    private static MucRoom room(Jid jid, String owner) {
        return new MucRoom(jid, Map.of("muc#roomconfig_roomname", List.of("Lounge"),
                "muc#roomconfig_getmemberlist", List.of("moderator", "participant")),
                Map.of(Jid.parse(owner), MucRoom.Affiliation.of("owner"),
                        Jid.parse("eve@example.com"), MucRoom.Affiliation.of("outcast")), "Welcome");
    }

    @Test
    void storedRoomIsReadBackAfterReopen() {
        MucRoom room = room(ROOM, "alice@example.com");
        await(provider().muc().put(room));
        reopen();
        assertThat(await(provider().muc().get(ROOM))).contains(room);
    }

    @Test
    void reservedNicknamesAreKeptWithTheirAffiliationsInOrder() {
        Map<Jid, MucRoom.Affiliation> affiliations = new java.util.LinkedHashMap<>();
        affiliations.put(Jid.parse("zed@example.com"), new MucRoom.Affiliation("member", "Zed \u00e9\u263a"));
        affiliations.put(Jid.parse("alice@example.com"), new MucRoom.Affiliation("owner", "Alice"));
        affiliations.put(Jid.parse("bob@example.com"), MucRoom.Affiliation.of("member"));
        MucRoom room = new MucRoom(ROOM, Map.of(), affiliations, "");
        await(provider().muc().put(room));
        reopen();
        MucRoom read = await(provider().muc().get(ROOM)).orElseThrow();
        assertThat(read).isEqualTo(room);
        assertThat(read.affiliations().keySet()).as("the room's order")
                .containsExactlyElementsOf(affiliations.keySet());
        assertThat(read.affiliations().get(Jid.parse("bob@example.com")).nick()).isNull();
    }

    @Test
    void putReplacesTheWholeRoom() {
        await(provider().muc().put(room(ROOM, "alice@example.com")));
        MucRoom replaced = new MucRoom(ROOM, Map.of(),
                Map.of(Jid.parse("bob@example.com"), MucRoom.Affiliation.of("owner")), "");
        await(provider().muc().put(replaced));
        assertThat(await(provider().muc().get(ROOM))).contains(replaced);
    }

    @Test
    void roomsListsOneServiceInLocalPartOrder() {
        MucRoom b = room(Jid.parse("b@conference.example.com"), "alice@example.com");
        MucRoom a = room(Jid.parse("a@conference.example.com"), "alice@example.com");
        MucRoom elsewhere = room(Jid.parse("a@conference.example.org"), "alice@example.com");
        await(provider().muc().put(b));
        await(provider().muc().put(elsewhere));
        await(provider().muc().put(a));
        assertThat(await(provider().muc().rooms(SERVICE))).containsExactly(a, b);
    }

    @Test
    void deleteRemovesAndReportsWhetherThereWasARoom() {
        await(provider().muc().put(room(ROOM, "alice@example.com")));
        assertThat(await(provider().muc().delete(ROOM))).isTrue();
        assertThat(await(provider().muc().delete(ROOM))).isFalse();
        reopen();
        assertThat(await(provider().muc().get(ROOM))).isEmpty();
        assertThat(await(provider().muc().rooms(SERVICE))).isEmpty();
    }

    @Test
    void roomJidsMustBeBareWithALocalPart() {
        assertThatThrownBy(() -> provider().muc().get(Jid.parse("lounge@conference.example.com/nick")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider().muc().delete(SERVICE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider().muc().rooms(ROOM)).isInstanceOf(IllegalArgumentException.class);
    }
}
