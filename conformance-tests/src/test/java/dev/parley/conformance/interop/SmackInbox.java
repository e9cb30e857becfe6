package dev.parley.conformance.interop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;

/**
 * Every normal or chat message a Smack connection receives, in the order it received them (Smack's ordered stanza
 * listener), so a test can wait for one and count how often each arrived.
 */
final class SmackInbox {

    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private SmackInbox() {
    }

    /** Starts collecting; call before the connection logs in so nothing is missed. */
    static SmackInbox of(XMPPConnection connection) {
        SmackInbox inbox = new SmackInbox();
        connection.addStanzaListener(stanza -> inbox.messages.add((Message) stanza), MessageTypeFilter.NORMAL_OR_CHAT);
        return inbox;
    }

    /** The received messages with exactly this body. */
    List<Message> withBody(String body) {
        return messages.stream().filter(message -> body.equals(message.getBody())).toList();
    }

    /** Waits until a message with this body has arrived; {@code what} names it in the failure. */
    void awaitBody(String body, String what, Duration timeout) {
        await(what).atMost(timeout).until(() -> !withBody(body).isEmpty());
    }
}
