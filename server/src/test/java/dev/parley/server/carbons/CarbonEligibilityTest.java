package dev.parley.server.carbons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * XEP-0280 §6.1 as a table: each row a message between alice (the account whose clients get copies) and someone else,
 * whether it is copied when alice sends it and when it arrives for her. Each row restates a rule of the XEP.
 */
class CarbonEligibilityTest {
    private static final String OUT = " from='alice@example.com/phone' to='bob@example.com/desk'";
    private static final String IN = " from='bob@example.com/desk' to='alice@example.com/phone'";

    /** attributes and payload of the message | copied when sent | copied when received | the rule. */
    private static final String TABLE = """
            type='chat'                                                                  | yes | yes | type chat
            type='chat'><body>hi</body                                                   | yes | yes | type chat with a body
            ><body>hi</body                                                              | yes | yes | normal (no type) with a body
            type='normal'><body>hi</body                                                 | yes | yes | normal with a body
            type='normal'                                                                | no  | no  | normal without body or IM payload
            type='normal'><subject>s</subject                                            | no  | no  | a subject is not a body
            ><request xmlns='urn:xmpp:receipts'/                                         | yes | yes | XEP-0184 receipt request
            ><received xmlns='urn:xmpp:receipts' id='m1'/                                | yes | yes | XEP-0184 receipt
            ><composing xmlns='http://jabber.org/protocol/chatstates'/                   | yes | yes | XEP-0085 chat state
            ><displayed xmlns='urn:xmpp:chat-markers:0' id='m1'/                         | yes | yes | XEP-0333 marker
            type='headline'><body>news</body                                             | no  | no  | headline is not IM
            type='headline'><active xmlns='http://jabber.org/protocol/chatstates'/       | yes | yes | headline with an IM payload
            type='groupchat'><body>hi</body                                              | no  | no  | groupchat never
            type='groupchat'><received xmlns='urn:xmpp:receipts' id='m1'/                | no  | no  | groupchat never, IM payload or not
            type='chat'><body>hi</body><private xmlns='urn:xmpp:carbons:2'/              | no  | no  | §9 private
            type='chat'><body>hi</body><no-copy xmlns='urn:xmpp:hints'/                  | no  | no  | XEP-0334 no-copy
            type='chat'><body>hi</body><no-store xmlns='urn:xmpp:hints'/                 | yes | yes | other hints do not matter
            type='chat'><private xmlns='urn:xmpp:carbons:1'/                             | yes | yes | private of another namespace
            type='chat'><sent xmlns='urn:xmpp:carbons:2'/                                | no  | no  | carries a carbon wrapper
            type='chat'><received xmlns='urn:xmpp:carbons:2'/                            | no  | no  | carries a carbon wrapper
            type='error'><body>hi</body><error type='cancel'/                            | yes | yes | error echoing a body
            type='error'><active xmlns='http://jabber.org/protocol/chatstates'/><error/  | yes | yes | error echoing an IM payload
            type='error'><error type='cancel'/                                           | no  | no  | error echoing nothing
            type='chat'><x xmlns='http://jabber.org/protocol/muc#user'/                  | yes | no  | MUC private message
            type='normal'><x xmlns='http://jabber.org/protocol/muc#user'/                | yes | no  | MUC private message, not IM
            ><x xmlns='http://jabber.org/protocol/muc#user'><invite/></x                 | yes | yes | mediated invitation
            ><x xmlns='jabber:x:conference' jid='room@muc.example.com'/                  | yes | yes | direct invitation
            type='chat'><x xmlns='jabber:x:conference' jid='r@m'/><private xmlns='urn:xmpp:carbons:2'/ | no | no | private wins
            """;

    static Stream<Arguments> rows() {
        return TABLE.lines().map(line -> {
            String[] cells = line.split("\\|");
            return Arguments.of(cells[0].trim(), cells[1].trim().equals("yes"), cells[2].trim().equals("yes"),
                    cells[3].trim());
        });
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("rows")
    void rulesOfSection6(String message, boolean sent, boolean received, String rule) {
        assertThat(CarbonEligibility.eligible(message(OUT, message), CarbonDirection.SENT)).as("sent").isEqualTo(sent);
        assertThat(CarbonEligibility.eligible(message(IN, message), CarbonDirection.RECEIVED)).as("received")
                .isEqualTo(received);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mucMessages")
    void roomMessagesFollowWhoAddressedWhom(String addresses, CarbonDirection direction, boolean copied) {
        Message message = message(" " + addresses,
                "type='chat'><body>hi</body><x xmlns='http://jabber.org/protocol/muc#user'/");
        assertThat(CarbonEligibility.eligible(message, direction)).isEqualTo(copied);
    }

    static Stream<Arguments> mucMessages() {
        return Stream.of(
                // A private message to a participant is copied; one to the room's bare JID is a normal chat message.
                Arguments.of("from='alice@example.com/phone' to='room@muc.example.com/romeo'", CarbonDirection.SENT, true),
                Arguments.of("from='alice@example.com/phone' to='room@muc.example.com'", CarbonDirection.SENT, true),
                // From a participant (a full JID): the room copies it already. From the room itself: a chat message.
                Arguments.of("from='room@muc.example.com/romeo' to='alice@example.com/phone'",
                        CarbonDirection.RECEIVED, false),
                Arguments.of("from='room@muc.example.com' to='alice@example.com/phone'", CarbonDirection.RECEIVED, true));
    }

    private static Message message(String addresses, String rest) {
        return (Message) RoutingFixture.stanza("<message" + addresses + " " + rest + "></message>");
    }
}
