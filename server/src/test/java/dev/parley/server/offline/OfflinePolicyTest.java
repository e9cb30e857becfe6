package dev.parley.server.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflinePolicyTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a body                              | STORE   | <body>hi</body>
            a receipt                           | STORE   | <received xmlns='urn:xmpp:receipts' id='x'/>
            only a chat state                   | DISCARD | <composing xmlns='http://jabber.org/protocol/chatstates'/>
            a chat state in a thread            | DISCARD | <paused xmlns='http://jabber.org/protocol/chatstates'/><thread>t</thread>
            a chat state with its no-store hint | DISCARD | <active xmlns='http://jabber.org/protocol/chatstates'/><no-store xmlns='urn:xmpp:hints'/>
            a chat state with a body            | STORE   | <active xmlns='http://jabber.org/protocol/chatstates'/><body>hi</body>
            a chat state asking to be stored    | STORE   | <gone xmlns='http://jabber.org/protocol/chatstates'/><store xmlns='urn:xmpp:hints'/>
            a body that must not be stored      | REFUSE  | <body>secret</body><no-store xmlns='urn:xmpp:hints'/>
            both hints                          | REFUSE  | <body>?</body><store xmlns='urn:xmpp:hints'/><no-store xmlns='urn:xmpp:hints'/>
            nothing at all                      | STORE   | ''
            """)
    void decides(String what, OfflinePolicy.Decision expected, String payload) {
        Message message = (Message) RoutingFixture.stanza("<message type='chat' to='bob@example.com'>" + payload
                + "</message>");
        assertThat(OfflinePolicy.of(message)).isEqualTo(expected);
    }
}
