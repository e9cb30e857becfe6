package dev.parley.server.modules.privatestorage;

import static dev.parley.server.testing.Iqs.errorCondition;
import static dev.parley.server.testing.Iqs.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Private XML storage (XEP-0049) on a real server. */
class PrivateStorageModuleTest {
    private static final String NS = "jabber:iq:private";
    private static final String BOOKMARKS = "<storage xmlns='storage:bookmarks'>"
            + "<conference autojoin='true' jid='council@conference.example' name='Council'><nick>Hamlet</nick>"
            + "</conference></storage>";
    @RegisterExtension
    static final TestServer server = TestServer.perClass("limits: {private-xml-bytes: 2048}\n");

    private static String set(String... elements) {
        return "<iq type='set' id='set'><query xmlns='jabber:iq:private'>" + String.join("", elements) + "</query></iq>";
    }

    private static String get(String element) {
        return "<iq type='get' id='get'><query xmlns='jabber:iq:private'>" + element + "</query></iq>";
    }

    /** The single element inside a jabber:iq:private result. */
    private static XmlElement stored(XmppSession session, String element) throws Exception {
        XmlElement query = result(session.request(get(element)));
        assertThat(query.is("query", NS)).isTrue();
        assertThat(query.elements().count()).isEqualTo(1);
        return query.elements().findFirst().orElseThrow();
    }

    private static XmlElement bookmarks() {
        return XmlElement.builder("storage", "storage:bookmarks")
                .child(XmlElement.builder("conference", "storage:bookmarks").attribute("autojoin", "true")
                        .attribute("jid", "council@conference.example").attribute("name", "Council")
                        .textChild("nick", "Hamlet").build())
                .build();
    }

    @Test
    void storedElementsAreReadBackByNameAndNamespace() throws Exception {
        try (XmppSession hamlet = XmppSession.loginFresh(server, "desk")) {
            assertThat(stored(hamlet, "<storage xmlns='storage:bookmarks'/>")).as("nothing stored yet")
                    .isEqualTo(XmlElement.empty("storage", "storage:bookmarks"));

            assertThat(hamlet.request(set(BOOKMARKS, "<prefs xmlns='exodus:prefs'><nick>H</nick></prefs>",
                    "<other xmlns='exodus:prefs'/>")).attribute("type")).isEqualTo("result");

            assertThat(stored(hamlet, "<storage xmlns='storage:bookmarks'/>")).isEqualTo(bookmarks());
            assertThat(stored(hamlet, "<prefs xmlns='exodus:prefs'/>"))
                    .isEqualTo(XmlElement.builder("prefs", "exodus:prefs").textChild("nick", "H").build());
            assertThat(stored(hamlet, "<other xmlns='exodus:prefs'/>"))
                    .isEqualTo(XmlElement.empty("other", "exodus:prefs"));
            assertThat(stored(hamlet, "<prefs xmlns='exodus:other'/>")).as("namespace and name both count")
                    .isEqualTo(XmlElement.empty("prefs", "exodus:other"));
        }
    }

    @Test
    void aNewSetReplacesTheElement() throws Exception {
        try (XmppSession hamlet = XmppSession.loginFresh(server, "desk")) {
            hamlet.request(set(BOOKMARKS));
            hamlet.request(set("<storage xmlns='storage:bookmarks'/>"));

            assertThat(stored(hamlet, "<storage xmlns='storage:bookmarks'/>"))
                    .isEqualTo(XmlElement.empty("storage", "storage:bookmarks"));
        }
    }

    @Test
    void anotherAccountsPrivateXmlIsForbidden() throws Exception {
        try (XmppSession hamlet = XmppSession.loginFresh(server, "desk");
             XmppSession macbeth = XmppSession.loginFresh(server, "desk")) {
            hamlet.request(set(BOOKMARKS));

            assertThat(errorCondition(macbeth.request("<iq type='set' id='s' to='" + hamlet.bareJid() + "'>"
                    + "<query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'/></query></iq>")))
                    .isEqualTo("forbidden");
            assertThat(errorCondition(macbeth.request("<iq type='get' id='g' to='" + hamlet.bareJid() + "'>"
                    + "<query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'/></query></iq>")))
                    .isEqualTo("forbidden");

            assertThat(stored(hamlet, "<storage xmlns='storage:bookmarks'/>")).isEqualTo(bookmarks());
            assertThat(stored(macbeth, "<storage xmlns='storage:bookmarks'/>")).as("nothing went to the requester")
                    .isEqualTo(XmlElement.empty("storage", "storage:bookmarks"));
        }
    }

    @Test
    void reservedNamespacesAreRefusedAndNothingOfTheSetIsStored() throws Exception {
        String[] reserved = {"<vCard xmlns='vcard-temp'><FN>Hamlet</FN></vCard>", "<query xmlns='jabber:iq:roster'/>",
                "<x xmlns='jabber:x:data'/>", "<query xmlns='http://jabber.org/protocol/disco#info'/>",
                "<inner xmlns='jabber:iq:private'/>", "<plain xmlns=''/>"};
        try (XmppSession hamlet = XmppSession.loginFresh(server, "desk")) {
            for (String element : reserved) {
                assertThat(errorCondition(hamlet.request(set(BOOKMARKS, element)))).as(element)
                        .isEqualTo("not-acceptable");
                assertThat(errorCondition(hamlet.request(get(element)))).as(element).isEqualTo("not-acceptable");
            }
            assertThat(stored(hamlet, "<storage xmlns='storage:bookmarks'/>")).as("the valid sibling was not stored")
                    .isEqualTo(XmlElement.empty("storage", "storage:bookmarks"));
        }
    }

    @Test
    void malformedQueriesGetTheStandardErrors() throws Exception {
        try (XmppSession hamlet = XmppSession.loginFresh(server, "desk")) {
            assertThat(errorCondition(hamlet.request(set()))).isEqualTo("not-acceptable");
            assertThat(errorCondition(hamlet.request(get("")))).isEqualTo("not-acceptable");
            assertThat(errorCondition(hamlet.request(get("text only")))).isEqualTo("not-acceptable");
            assertThat(errorCondition(hamlet.request(get("<a xmlns='urn:a'/><b xmlns='urn:b'/>"))))
                    .isEqualTo("bad-request");
            String longNamespace = "urn:" + "n".repeat(1100);
            assertThat(errorCondition(hamlet.request(set("<e xmlns='" + longNamespace + "'/>"))))
                    .isEqualTo("not-acceptable");
        }
    }

    @Test
    void theAccountsTotalIsCapped() throws Exception {
        String large = "<big xmlns='urn:test'>" + "a".repeat(1500) + "</big>";
        try (XmppSession hamlet = XmppSession.loginFresh(server, "desk")) {
            assertThat(hamlet.request(set(large)).attribute("type")).isEqualTo("result");
            String second = "<more xmlns='urn:test'>" + "b".repeat(600) + "</more>";

            assertThat(errorCondition(hamlet.request(set(second)))).isEqualTo("not-acceptable");

            assertThat(stored(hamlet, "<more xmlns='urn:test'/>")).isEqualTo(XmlElement.empty("more", "urn:test"));
            assertThat(hamlet.request(set("<big xmlns='urn:test'>" + "c".repeat(1900) + "</big>")).attribute("type"))
                    .as("replacing an element counts its new size only").isEqualTo("result");
            assertThat(stored(hamlet, "<big xmlns='urn:test'/>").text()).isEqualTo("c".repeat(1900));
        }
    }
}
