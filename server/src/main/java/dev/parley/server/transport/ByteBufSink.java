package dev.parley.server.transport;

import dev.parley.xmpp.xml.Utf8Sink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Lets {@link dev.parley.xmpp.xml.XmlWriter#writeUtf8} append to a Netty buffer. */
public record ByteBufSink(ByteBuf buf) implements Utf8Sink {
    @Override
    public void writeUtf8(CharSequence chars) {
        ByteBufUtil.writeUtf8(buf, chars);
    }

    @Override
    public void write(byte[] utf8, int offset, int length) {
        buf.writeBytes(utf8, offset, length);
    }
}
