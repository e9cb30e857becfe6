package dev.parley.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits (PROMISES.md, "Bounded resources"): stream limits enforced while reading, and caps on what an account
 * may store.
 *
 * @param stanzaBytes                largest stanza from an authenticated client (RFC 6120 §13.12: at least 10000)
 * @param stanzaBytesUnauthenticated largest element before authentication
 * @param depth                      deepest element nesting after authentication
 * @param depthUnauthenticated       deepest element nesting before authentication
 * @param attributes                 most attributes on one element
 * @param unauthenticatedTimeout     how long a connection may stay unauthenticated
 * @param connectionsPerIp           most simultaneous connections from one IP address
 * @param maxConnections             most simultaneous client connections on this node
 * @param vcardBytes                 largest vCard (XEP-0054) an account may store, as XML
 * @param privateXmlBytes            most private XML (XEP-0049) one account may store, as XML
 * @param rosterItems                most entries in one roster, pending subscription requests included
 * @param offlineMessages            most messages stored for one offline account (0: none are stored)
 * @param subscriptionRequestsPerMinute presence subscription requests one account may send per minute
 * @param blockListItems             most JIDs in one block list (XEP-0191)
 * @param pepItemBytes               largest PEP item payload (XEP-0163), as XML
 * @param pepMaxItems                most items one PEP node keeps; what {@code pubsub#max_items = max} means
 * @param pepNodes                   most PEP nodes one account may have
 * @param outboundBytes              most bytes waiting to be written to one client connection; past it the stream is
 *                                   closed with policy-violation
 */
public record Limits(int stanzaBytes, int stanzaBytesUnauthenticated, int depth, int depthUnauthenticated, int attributes,
                     Duration unauthenticatedTimeout, int connectionsPerIp, int maxConnections, int vcardBytes,
                     int privateXmlBytes, int rosterItems, int offlineMessages, int subscriptionRequestsPerMinute,
                     int blockListItems, int pepItemBytes, int pepMaxItems, int pepNodes,
                     int outboundBytes) {
    public Limits {
        Objects.requireNonNull(unauthenticatedTimeout, "unauthenticatedTimeout");
    }
}
