package dev.parley.server.archive;

import static dev.parley.server.archive.MamClient.chat;
import static dev.parley.server.archive.MamClient.form;
import static dev.parley.server.archive.MamClient.query;
import static dev.parley.server.archive.MamClient.rsm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.archive.MamClient.Answer;
import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XEP-0313 queries on a real server: every filter, paging both ways, flipped pages, the page cap, errors, form
 * discovery and metadata. Bob's archive gets six messages: m0..m3 from alice, c0..c1 from carol, in that order
 * (alice's and carol's interleaved as m0 m1 c0 m2 c1 m3).
 */
class MamQueryTest {
    private static final int CAP = 5;
    @RegisterExtension
    static final TestServer server = TestServer.perClass("archive:\n  max-page-size: " + CAP + "\n");
    private XmppSession alice;
    private XmppSession carol;
    private XmppSession bob;
    private List<String> bodies;

    @BeforeEach
    void fill() throws Exception {
        alice = XmppSession.loginFresh(server, "phone");
        carol = XmppSession.loginFresh(server, "desk");
        bob = XmppSession.loginFresh(server, "pc");
        MamClient.online(bob);
        bodies = List.of("m0 Hello", "m1 world", "c0 HELLO there", "m2 other", "c1 bye", "m3 last");
        for (String body : bodies) {
            chat(body.startsWith("m") ? alice : carol, bob, body, "");
            Thread.sleep(3); // distinct millisecond stamps for the start/end filters
        }
    }

    @AfterEach
    void close() throws Exception {
        alice.close();
        carol.close();
        bob.close();
    }

    private Answer all() throws Exception {
        return query(bob, "");
    }

    private String stamp(XmlElement result) {
        return result.child("forwarded", "urn:xmpp:forward:0").orElseThrow().child("delay", "urn:xmpp:delay")
                .orElseThrow().attribute("stamp");
    }

    @Test
    void withMatchesBareAndFullJids() throws Exception {
        assertThat(query(bob, form("with", alice.bareJid())).bodies()).containsExactly("m0 Hello", "m1 world",
                "m2 other", "m3 last");
        assertThat(query(bob, form("with", carol.fullJid())).bodies()).containsExactly("c0 HELLO there", "c1 bye");
        assertThat(query(bob, form("with", carol.bareJid() + "/elsewhere")).results()).isEmpty();
        assertThat(query(alice, form("with", bob.bareJid())).bodies()).as("alice's outgoing messages")
                .containsExactly("m0 Hello", "m1 world", "m2 other", "m3 last");
    }

    @Test
    void startAndEndAreInclusive() throws Exception {
        Answer first = query(bob, rsm("<max>5</max>"));
        String second = stamp(first.results().get(1));
        String fourth = stamp(first.results().get(3));

        assertThat(query(bob, form("start", second, "end", fourth)).bodies())
                .containsExactly("m1 world", "c0 HELLO there", "m2 other");
        assertThat(query(bob, form("start", "2999-01-01T00:00:00Z")).results()).isEmpty();
    }

    @Test
    void afterIdBeforeIdAndIds() throws Exception {
        List<String> ids = query(bob, rsm("<max>5</max>")).ids();

        assertThat(query(bob, form("after-id", ids.get(0), "before-id", ids.get(3))).bodies())
                .containsExactly("m1 world", "c0 HELLO there");
        assertThat(query(bob, "<x xmlns='jabber:x:data' type='submit'><field var='ids'><value>" + ids.get(4)
                + "</value><value>" + ids.get(1) + "</value></field></x>").ids()).containsExactly(ids.get(1),
                ids.get(4));
    }

    @Test
    void fullTextSearchIsCaseInsensitive() throws Exception {
        assertThat(query(bob, form("{urn:xmpp:fulltext:0}fulltext", "hello")).bodies())
                .containsExactly("m0 Hello", "c0 HELLO there");
        assertThat(query(bob, form("{urn:xmpp:fulltext:0}fulltext", "hello THERE")).bodies())
                .containsExactly("c0 HELLO there");
    }

    @Test
    void pagesForwardsAndBackwards() throws Exception {
        Answer first = query(bob, rsm("<max>4</max>"));
        Answer next = query(bob, rsm("<max>4</max><after>" + first.rsm("last") + "</after>"));
        Answer last = query(bob, rsm("<max>4</max><before/>"));
        Answer before = query(bob, rsm("<max>4</max><before>" + last.rsm("first") + "</before>"));

        assertThat(first.bodies()).isEqualTo(bodies.subList(0, 4));
        assertThat(first.complete()).isFalse();
        assertThat(first.rsm("count")).isEqualTo("6");
        assertThat(first.rsm("first")).isEqualTo(first.ids().getFirst());
        assertThat(next.bodies()).isEqualTo(bodies.subList(4, 6));
        assertThat(next.complete()).isTrue();
        assertThat(last.bodies()).as("the last page, oldest first").isEqualTo(bodies.subList(2, 6));
        assertThat(last.complete()).isFalse();
        assertThat(before.bodies()).isEqualTo(bodies.subList(0, 2));
        assertThat(before.complete()).isTrue();
    }

    @Test
    void flipPageReversesTheOrderOnly() throws Exception {
        Answer plain = query(bob, rsm("<max>3</max><before/>"));
        Answer flipped = query(bob, rsm("<max>3</max><before/>") + "<flip-page/>");

        assertThat(flipped.bodies()).isEqualTo(plain.bodies().reversed());
        assertThat(flipped.rsm("first")).isEqualTo(plain.rsm("first"));
        assertThat(flipped.rsm("last")).isEqualTo(plain.rsm("last"));
    }

    @Test
    void pagesAreCappedWhateverTheClientAsks() throws Exception {
        Answer huge = query(bob, rsm("<max>1000000</max>"));
        Answer unlimited = all();

        assertThat(huge.results()).hasSize(CAP);
        assertThat(huge.complete()).isFalse();
        assertThat(unlimited.results()).hasSize(CAP);
        assertThat(query(bob, rsm("<max>0</max>")).rsm("count")).isEqualTo("6");
    }

    @Test
    void unknownIdsAreItemNotFound() throws Exception {
        String alicesId = query(alice, rsm("<max>1</max>")).ids().getFirst();
        for (String children : new String[] {form("after-id", alicesId), form("before-id", "garbage"),
                rsm("<after>AAAAAAAAAAAAAAAAAAAAAA</after>"), form("ids", alicesId)}) {
            assertThat(Iqs.errorCondition(query(bob, children).iq())).as(children).isEqualTo("item-not-found");
        }
    }

    @Test
    void badFormsAreRefused() throws Exception {
        String wrongType = "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:other"
                + "</value></field></x>";
        assertThat(Iqs.errorCondition(query(bob, wrongType).iq())).isEqualTo("bad-request");
        assertThat(Iqs.errorCondition(query(bob, form("start", "yesterday")).iq())).isEqualTo("bad-request");
        assertThat(Iqs.errorCondition(query(bob, form("with", "@@")).iq())).isEqualTo("bad-request");
        assertThat(Iqs.errorCondition(query(bob, rsm("<max>-1</max>")).iq())).isEqualTo("bad-request");
        assertThat(Iqs.errorCondition(query(bob, form("include-groupchat", "true")).iq()))
                .isEqualTo("feature-not-implemented");
    }

    @Test
    void anotherAccountsArchiveIsForbidden() throws Exception {
        Answer answer = query(alice, bob.bareJid(), "");

        assertThat(Iqs.errorCondition(answer.iq())).isEqualTo("forbidden");
        assertThat(answer.results()).isEmpty();
        assertThat(Iqs.errorCondition(alice.request("<iq type='get' id='md' to='" + bob.bareJid()
                + "'><metadata xmlns='urn:xmpp:mam:2'/></iq>"))).isEqualTo("forbidden");
    }

    @Test
    void theFormListsEveryFieldAndNoneIsRequired() throws Exception {
        XmlElement form = Iqs.result(bob.request("<iq type='get' id='f'><query xmlns='urn:xmpp:mam:2'/></iq>"))
                .child("x", "jabber:x:data").orElseThrow();

        List<String> vars = new ArrayList<>(form.elements("field", "jabber:x:data").map(f -> f.attribute("var"))
                .toList());
        assertThat(vars).containsExactly("FORM_TYPE", "with", "start", "end", "before-id", "after-id", "ids",
                "{urn:xmpp:fulltext:0}fulltext");
        assertThat(form.elements("field", "jabber:x:data")).noneMatch(f -> f.child("required", "jabber:x:data")
                .isPresent());
    }

    @Test
    void metadataGivesTheFirstAndLastMessage() throws Exception {
        List<String> ids = new ArrayList<>(query(bob, rsm("<max>5</max>")).ids());
        ids.addAll(query(bob, rsm("<max>1</max><before/>")).ids());
        XmlElement metadata = Iqs.result(bob.request("<iq type='get' id='m'><metadata xmlns='urn:xmpp:mam:2'/>"
                + "</iq>"));

        assertThat(metadata.child("start", MamClient.MAM).orElseThrow().attribute("id")).isEqualTo(ids.getFirst());
        assertThat(metadata.child("end", MamClient.MAM).orElseThrow().attribute("id")).isEqualTo(ids.getLast());
        assertThat(metadata.child("end", MamClient.MAM).orElseThrow().attribute("timestamp")).endsWith("Z");
        try (XmppSession fresh = XmppSession.loginFresh(server, "x")) {
            XmlElement empty = Iqs.result(fresh.request("<iq type='get' id='m'><metadata xmlns='urn:xmpp:mam:2'/>"
                    + "</iq>"));
            assertThat(empty.elements()).isEmpty();
        }
    }
}
