package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.RosterItem;
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
import java.util.List;

/**
 * The value stored under a roster entry's key (the contact is in the key, see {@link RocksDbRosterStore}).
 *
 * <p>Version 1, big-endian:
 * <pre>
 *   u8  version = 1
 *   u8  subscription: 0 none, 1 to, 2 from, 3 both
 *   u8  flags: bit 0 pending out, bit 1 pending in, bit 2 pre-approved, bit 3 listed
 *   i32 length + UTF-8 of the name, length -1 for none
 *   u16 group count, then per group i32 length + UTF-8
 *   i32 length + {@link XmlCodec} bytes of the pending request, -1 for none
 * </pre>
 */
final class RosterItemCodec {
    private static final int VERSION = 1;
    private static final int PENDING_OUT = 1;
    private static final int PENDING_IN = 2;
    private static final int PRE_APPROVED = 4;
    private static final int LISTED = 8;
    private static final RosterItem.Subscription[] SUBSCRIPTIONS = {RosterItem.Subscription.NONE,
            RosterItem.Subscription.TO, RosterItem.Subscription.FROM, RosterItem.Subscription.BOTH};

    private RosterItemCodec() {
    }

    static byte[] encode(RosterItem item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(List.of(SUBSCRIPTIONS).indexOf(item.subscription()));
            out.writeByte((item.pendingOut() ? PENDING_OUT : 0) | (item.pendingIn() ? PENDING_IN : 0)
                    | (item.preApproved() ? PRE_APPROVED : 0) | (item.listed() ? LISTED : 0));
            writeBytes(out, item.name() == null ? null : item.name().getBytes(StandardCharsets.UTF_8));
            out.writeShort(item.groups().size());
            for (String group : item.groups()) {
                writeBytes(out, group.getBytes(StandardCharsets.UTF_8));
            }
            writeBytes(out, item.pendingRequest() == null ? null : XmlCodec.encode(item.pendingRequest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws StorageException if {@code value} is not a roster entry in a known version */
    static RosterItem decode(Jid contact, byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        try {
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new StorageException("unsupported roster entry version " + version + " for " + contact);
            }
            int subscription = Byte.toUnsignedInt(in.get());
            int flags = Byte.toUnsignedInt(in.get());
            int knownFlags = PENDING_OUT | PENDING_IN | PRE_APPROVED | LISTED;
            if (subscription >= SUBSCRIPTIONS.length || (flags & ~knownFlags) != 0) {
                throw new StorageException("corrupt roster entry for " + contact);
            }
            byte[] name = readBytes(in);
            int groupCount = Short.toUnsignedInt(in.getShort());
            List<String> groups = new ArrayList<>(Math.min(groupCount, 64));
            for (int i = 0; i < groupCount; i++) {
                groups.add(new String(readBytes(in), StandardCharsets.UTF_8));
            }
            byte[] request = readBytes(in);
            if (in.hasRemaining()) {
                throw new StorageException("corrupt roster entry for " + contact + ": trailing bytes");
            }
            return new RosterItem(contact, name == null ? null : new String(name, StandardCharsets.UTF_8), groups,
                    SUBSCRIPTIONS[subscription], (flags & PENDING_OUT) != 0, (flags & PENDING_IN) != 0,
                    (flags & PRE_APPROVED) != 0, (flags & LISTED) != 0,
                    request == null ? null : XmlCodec.decode(request));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StorageException("corrupt roster entry for " + contact + ": " + e.getMessage(), e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
