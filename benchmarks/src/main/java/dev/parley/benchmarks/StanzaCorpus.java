package dev.parley.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The input of the parsing and serialising benchmarks: a client stream (RFC 6120 §4.2) opened by a typical header and
 * followed by {@link #STANZAS} one-to-one chat messages of about 300 bytes each, shaped like those of current mobile
 * clients (UUID id, body, chat state, origin id). Bodies rotate through plain ASCII, Latin text with accents,
 * an emoji and escaped markup, so that the UTF-8 and entity paths are exercised as in real traffic.
 */
final class StanzaCorpus {
    /** Stanzas in one pass: about 1.2 MiB, larger than the CPU caches, as a busy connection's input is. */
    static final int STANZAS = 4096;
    /** What a TLS record or a socket read typically hands over at once. */
    static final int CHUNK_BYTES = 16 * 1024;
    static final String CONTENT_NAMESPACE = "jabber:client";

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.net' version='1.0' xml:lang='en'>";
    private static final String[] BODIES = {
        "Shall I compare thee to a summer's day? Thou art more lovely.",
        "Café at noon? The crème brûlée there is très bon, garçon!",
        "Running ten minutes late, the tram is stuck again \uD83D\uDE05 sorry",
        "Use <b>bold</b> & <i>italics</i> sparingly, says the \"spec\".",
    };

    private StanzaCorpus() {
    }

    /** The stanzas as a client writes them, each declaring nothing (the stream's default namespace applies). */
    static List<String> stanzas() {
        List<String> stanzas = new ArrayList<>(STANZAS);
        for (int i = 0; i < STANZAS; i++) {
            String id = String.format("a3f9c1e2-%04x-4b7d-9e10-%012x", i & 0xffff, i * 7919L);
            stanzas.add("<message to='romeo@example.net' id='" + id + "' type='chat'>"
                    + "<body>" + escape(BODIES[i % BODIES.length]) + "</body>"
                    + "<active xmlns='http://jabber.org/protocol/chatstates'/>"
                    + "<origin-id xmlns='urn:xmpp:sid:0' id='" + id + "'/>"
                    + "</message>");
        }
        return stanzas;
    }

    /** The header followed by every stanza, in a direct buffer as Netty's pooled allocator hands them out. */
    static ByteBuffer stream() {
        byte[] bytes = (HEADER + String.join("", stanzas())).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /** Average UTF-8 size of one stanza, to turn stanzas per second into bytes per second. */
    static double averageStanzaBytes() {
        return stanzas().stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).average().orElseThrow();
    }

    /**
     * {@code stream} cut into {@link #CHUNK_BYTES} pieces, regardless of where stanzas or characters end. Whoever
     * consumes a piece rewinds it before the next pass.
     */
    static List<ByteBuffer> chunks(ByteBuffer stream) {
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int offset = 0; offset < stream.limit(); offset += CHUNK_BYTES) {
            chunks.add(stream.slice(offset, Math.min(CHUNK_BYTES, stream.limit() - offset)));
        }
        return chunks;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
