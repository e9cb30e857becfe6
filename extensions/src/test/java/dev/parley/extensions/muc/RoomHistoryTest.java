package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0045 §7.2.15 history selection over a room's newest archived messages, limit by limit. */
class RoomHistoryTest {
    private static final Jid ROOM = Jid.parse("room@conference.example");
    private static final Jid TO = Jid.parse("bob@example/phone");
    private static final Instant NOW = Instant.parse("2024-05-06T12:00:00Z");

    /** Messages m0..m{n-1}, one a minute, the last one a minute before now. */
    private static List<RoomArchive.Archived> archived(int n) {
        List<RoomArchive.Archived> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(new RoomArchive.Archived("id" + i, NOW.minusSeconds(60L * (n - i)), message("m" + i)));
        }
        return messages;
    }

    private static XmlElement message(String body) {
        return XmlElement.builder("message", MucXml.CLIENT).attribute("from", ROOM + "/alice")
                .attribute("type", "groupchat").textChild("body", body).build();
    }

    private static List<String> bodies(List<XmlElement> history) {
        return history.stream().map(m -> m.childText("body", MucXml.CLIENT).orElse("?")).toList();
    }

    private static List<XmlElement> select(RoomHistory.Request request, int roomMax, List<RoomArchive.Archived> all) {
        return RoomHistory.select(request, roomMax, ROOM, TO, all, NOW);
    }

    /** The request of {@code <history name='value' .../>}, given as "name='value' ...". */
    private static RoomHistory.Request parse(String attributes) {
        XmlElement.Builder history = XmlElement.builder("history", MucXml.MUC);
        java.util.regex.Matcher pair = java.util.regex.Pattern.compile("(\\w+)='([^']*)'").matcher(attributes);
        while (pair.find()) {
            history.attribute(pair.group(1), pair.group(2));
        }
        return RoomHistory.Request.of(history.build());
    }

    @Test
    void newestFirstCutOldestFirstSentWithDelayStanzaIdAndAddress() {
        List<XmlElement> history = select(RoomHistory.Request.DEFAULT, 3, archived(5));

        assertThat(bodies(history)).containsExactly("m2", "m3", "m4");
        XmlElement first = history.getFirst();
        assertThat(first.attribute("to")).isEqualTo(TO.toString());
        XmlElement delay = first.child("delay", MucXml.DELAY).orElseThrow();
        assertThat(delay.attribute("from")).isEqualTo(ROOM.toString());
        assertThat(delay.attribute("stamp")).isEqualTo(NOW.minusSeconds(180).toString());
        assertThat(MucClient.stanzaId(first)).isEqualTo("id2");
    }

    @Test
    void maxstanzasLimitsBelowTheRoomAndZeroMeansNone() {
        assertThat(bodies(select(parse("maxstanzas='2'"), 20, archived(5)))).containsExactly("m3", "m4");
        assertThat(bodies(select(parse("maxstanzas='50'"), 3, archived(5)))).containsExactly("m2", "m3", "m4");
        assertThat(select(parse("maxstanzas='0'"), 20, archived(5))).isEmpty();
        assertThat(parse("maxstanzas='0'").toRead(20)).isZero();
    }

    @Test
    void maxcharsCountsCompleteStanzasAsSentAndZeroMeansNone() {
        List<XmlElement> all = select(RoomHistory.Request.DEFAULT, 20, archived(3));
        int lastTwo = all.get(1).toString().length() + all.get(2).toString().length();

        assertThat(bodies(select(parse("maxchars='" + lastTwo + "'"), 20, archived(3)))).containsExactly("m1", "m2");
        assertThat(bodies(select(parse("maxchars='" + (lastTwo - 1) + "'"), 20, archived(3)))).containsExactly("m2");
        assertThat(select(parse("maxchars='0'"), 20, archived(3))).isEmpty();
        assertThat(parse("maxchars='0'").toRead(20)).isZero();
    }

    @Test
    void secondsAndSinceKeepOnlyNewerMessagesTheStricterWinning() {
        assertThat(bodies(select(parse("seconds='150'"), 20, archived(5)))).containsExactly("m3", "m4");
        assertThat(bodies(select(parse("since='" + NOW.minusSeconds(180) + "'"), 20, archived(5))))
                .containsExactly("m2", "m3", "m4");
        assertThat(bodies(select(parse("seconds='150' since='" + NOW.minusSeconds(600) + "'"), 20, archived(5))))
                .containsExactly("m3", "m4");
        assertThat(bodies(select(parse("seconds='9999' since='" + NOW.minusSeconds(90) + "'"), 20, archived(5))))
                .containsExactly("m4");
    }

    @Test
    void subjectChangesAreNotHistoryAndUnreadableLimitsAreIgnored() {
        List<RoomArchive.Archived> all = new ArrayList<>(archived(3));
        all.add(1, new RoomArchive.Archived("s", NOW.minusSeconds(150), XmlElement.builder("message", MucXml.CLIENT)
                .attribute("type", "groupchat").textChild("subject", "news").build()));

        assertThat(bodies(select(parse("maxstanzas='x' seconds='-' since='yesterday'"), 20, all)))
                .containsExactly("m0", "m1", "m2");
        assertThat(bodies(select(parse("maxstanzas='2'"), 20, all))).containsExactly("m1", "m2");
        assertThat(parse("maxstanzas='2'").toRead(20)).as("read more to make up for subjects").isEqualTo(4);
    }
}
