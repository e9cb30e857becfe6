package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchivedMessage;
import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keys and values of the archive family. Key: {@code text(domain) text(username) int64(id)}, so an archive is one
 * contiguous range in id order, its {@link StaticRow} (counter = the last id given out, rows = messages held) first.
 * Value, version 1: {@code u8 version = 1, i64 stamp (ms since the epoch), u16 length, the 'with' JID in UTF-8}, then
 * the stanza in {@link XmlCodec} form to the end. The header comes first so filters read it without parsing XML.
 */
final class ArchiveRecordCodec {
    private static final int VERSION = 1;
    private static final int HEADER = 1 + 8 + 2;

    private ArchiveRecordCodec() {
    }

    static byte[] partition(AccountId account) {
        Objects.requireNonNull(account, "account");
        return OrderedKey.builder().text(account.domain()).text(account.username()).build();
    }

    static byte[] key(AccountId account, long id) {
        return OrderedKey.builder().text(account.domain()).text(account.username()).int64(id).build();
    }

    /** The id of a message key of the partition {@code partition}. */
    static long idOf(byte[] key, byte[] partition) {
        return ByteBuffer.wrap(key, partition.length, 8).getLong() ^ Long.MIN_VALUE;
    }

    static byte[] encode(Instant stamp, Jid with, XmlElement stanza) {
        byte[] jid = with.toString().getBytes(StandardCharsets.UTF_8);
        if (jid.length > 0xFFFF) {
            throw new IllegalArgumentException("'with' is too long to store: " + jid.length + " bytes");
        }
        byte[] xml = XmlCodec.encode(stanza);
        return ByteBuffer.allocate(HEADER + jid.length + xml.length).put((byte) VERSION)
                .putLong(stamp.toEpochMilli()).putShort((short) jid.length).put(jid).put(xml).array();
    }

    /** A stored value read up to the stanza, which is parsed only when asked for. */
    record Stored(long id, Instant stamp, Jid with, byte[] value, int stanzaOffset) {
        XmlElement stanza() {
            return XmlCodec.decode(Arrays.copyOfRange(value, stanzaOffset, value.length));
        }

        ArchivedMessage message() {
            return new ArchivedMessage(id, stamp, with, stanza());
        }
    }

    static Stored decode(long id, byte[] value) {
        if (value.length < HEADER || value[0] != VERSION) {
            throw new StorageException("corrupt archived message " + id);
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        in.get();
        Instant stamp = Instant.ofEpochMilli(in.getLong());
        int length = Short.toUnsignedInt(in.getShort());
        if (value.length < HEADER + length) {
            throw new StorageException("corrupt archived message " + id);
        }
        Jid with = Jid.tryParse(new String(value, HEADER, length, StandardCharsets.UTF_8))
                .orElseThrow(() -> new StorageException("corrupt 'with' in archived message " + id));
        return new Stored(id, stamp, with, value, HEADER + length);
    }
}
