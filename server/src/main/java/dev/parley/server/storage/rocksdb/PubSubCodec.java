package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.PubSubItem;
import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.xmpp.jid.Jid;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of {@link RocksDbPubSubStore}, version 1, big-endian; strings are {@code i32 length + UTF-8}.
 * <pre>
 *   node: u8 version = 1, i64 next sequence number, i32 item count,
 *         i32 option count, per option: string var, i32 value count, strings
 *   item: u8 version = 1, string id, string publisher, then the payload in {@link XmlCodec} form to the end
 * </pre>
 */
final class PubSubCodec {
    private static final int VERSION = 1;

    /** A node row: its configuration and the counters the store keeps beside it. */
    record NodeRow(long nextSequence, int items, Map<String, List<String>> options) {
    }

    private PubSubCodec() {
    }

    static byte[] encodeNode(NodeRow row) {
        return write(out -> {
            out.writeLong(row.nextSequence());
            out.writeInt(row.items());
            out.writeInt(row.options().size());
            for (Map.Entry<String, List<String>> option : row.options().entrySet()) {
                writeString(out, option.getKey());
                out.writeInt(option.getValue().size());
                for (String value : option.getValue()) {
                    writeString(out, value);
                }
            }
        });
    }

    static NodeRow decodeNode(byte[] value) {
        try {
            ByteBuffer in = open(value, "node");
            long next = in.getLong();
            int items = in.getInt();
            int count = in.getInt();
            Map<String, List<String>> options = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String var = readString(in);
                int values = in.getInt();
                List<String> list = new ArrayList<>(Math.min(values, 64));
                for (int v = 0; v < values; v++) {
                    list.add(readString(in));
                }
                options.put(var, list);
            }
            return new NodeRow(next, items, options);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StorageException("corrupt pubsub node (" + value.length + " bytes)", e);
        }
    }

    static byte[] encodeItem(PubSubItem item) {
        byte[] payload = XmlCodec.encode(item.payload());
        return write(out -> {
            writeString(out, item.id());
            writeString(out, item.publisher().toString());
            out.write(payload);
        });
    }

    static PubSubItem decodeItem(byte[] value) {
        try {
            ByteBuffer in = open(value, "item");
            String id = readString(in);
            Jid publisher = Jid.parse(readString(in));
            byte[] payload = new byte[in.remaining()];
            in.get(payload);
            return new PubSubItem(id, publisher, XmlCodec.decode(payload));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StorageException("corrupt pubsub item (" + value.length + " bytes)", e);
        }
    }

    /** The id of a stored item, without decoding its payload. */
    static String itemId(byte[] value) {
        try {
            return readString(open(value, "item"));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StorageException("corrupt pubsub item (" + value.length + " bytes)", e);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static ByteBuffer open(byte[] value, String what) {
        if (value.length < 1 || value[0] != VERSION) {
            throw new StorageException("unknown pubsub " + what + " format");
        }
        return ByteBuffer.wrap(value, 1, value.length - 1);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
