package dev.parley.xmpp.xml;

/**
 * Limits the parser enforces while it reads, before anything is buffered beyond them (PROMISES.md, "Bounded resources").
 * A breach ends the stream with {@code policy-violation}.
 *
 * @param maxStanzaBytes  largest top-level element (stanza or nonza), in bytes of input
 * @param maxDepth        deepest nesting below the stream root (a stanza is depth 1)
 * @param maxAttributes   most attributes on one element
 * @param maxHeaderBytes  largest stream header ({@code <stream:stream ...>} and any XML declaration)
 */
public record ParserLimits(int maxStanzaBytes, int maxDepth, int maxAttributes, int maxHeaderBytes) {
    /** Before authentication (PROMISES.md defaults). */
    public static final ParserLimits UNAUTHENTICATED = new ParserLimits(8 * 1024, 32, 32, 4 * 1024);
    /** After authentication on a client stream. */
    public static final ParserLimits AUTHENTICATED = new ParserLimits(256 * 1024, 64, 64, 4 * 1024);

    public ParserLimits {
        if (maxStanzaBytes < 512 || maxDepth < 2 || maxAttributes < 4 || maxHeaderBytes < 256) {
            throw new IllegalArgumentException("parser limits too small to carry XMPP: " + maxStanzaBytes + " bytes, depth "
                    + maxDepth + ", " + maxAttributes + " attributes, header " + maxHeaderBytes + " bytes");
        }
    }
}
