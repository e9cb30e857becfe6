package dev.parley.xmpp.xml;

/**
 * Where {@link XmlWriter#writeUtf8} puts an element's UTF-8 bytes: characters it encodes itself (a start tag, an end
 * tag, text) and byte runs it already holds encoded (a child element's memoised form). A Netty buffer or a byte stream
 * implements it in two lines; the writer never needs to know which.
 */
public interface Utf8Sink {
    /** Appends {@code chars} encoded as UTF-8. */
    void writeUtf8(CharSequence chars);

    /** Appends bytes that are already UTF-8; the sink must not keep or change {@code utf8}. */
    void write(byte[] utf8, int offset, int length);
}
