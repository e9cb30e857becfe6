package dev.parley.load.client;

import dev.parley.xmpp.xml.XmlElement;

/** What a scenario hears from its sessions, always on the session's event loop. */
public interface SessionEvents {
    /** For sessions that are only opened and closed. */
    SessionEvents NONE = new SessionEvents() {
        @Override
        public void ready(XmppSession session) {
        }

        @Override
        public void ended(XmppSession session, String problem) {
        }
    };

    /** The session reached its {@link XmppSession.Goal}. */
    void ready(XmppSession session);

    /** A stanza the session does not answer itself (IQ requests and SM acknowledgement requests it does). */
    default void stanza(XmppSession session, XmlElement stanza) {
    }

    /**
     * The session is over, once and for all: {@code problem} is null when the tool closed it, otherwise what went wrong
     * (before {@link #ready} this is a failed login).
     */
    void ended(XmppSession session, String problem);
}
