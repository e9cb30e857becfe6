package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.MucRoom;
import dev.parley.server.api.storage.MucStore;
import dev.parley.xmpp.jid.Jid;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Persistent rooms in their own column family. Key: {@code text(service domain) text(room local part)} in
 * {@link OrderedKey} form, so a service's rooms are one range; value: {@link MucRoomCodec}. Writes go through the
 * {@link GroupCommitWriter} (durable on completion), reads run on the {@link ReadExecutor}.
 */
final class RocksDbMucStore implements MucStore {
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    RocksDbMucStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Void> put(MucRoom room) {
        byte[] key = key(room.jid());
        byte[] value = MucRoomCodec.encode(room);
        return writer.submit(batch -> {
            batch.put(family, key, value);
            return null;
        });
    }

    @Override
    public CompletionStage<Optional<MucRoom>> get(Jid room) {
        byte[] key = key(room);
        return reads.submit(() -> Optional.ofNullable(db.get(family, key))
                .map(value -> MucRoomCodec.decode(room, value)));
    }

    @Override
    public CompletionStage<List<MucRoom>> rooms(Jid serviceDomain) {
        if (!serviceDomain.isDomain()) {
            throw new IllegalArgumentException("not a domain JID: " + serviceDomain);
        }
        byte[] prefix = OrderedKey.builder().text(serviceDomain.domain()).build();
        return reads.submit(() -> {
            List<MucRoom> rooms = new ArrayList<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    OrderedKey.Reader key = OrderedKey.reader(cursor.key());
                    String domain = key.text();
                    rooms.add(MucRoomCodec.decode(Jid.of(key.text(), domain, null), cursor.value()));
                }
            }
            return List.copyOf(rooms);
        });
    }

    @Override
    public CompletionStage<Boolean> delete(Jid room) {
        byte[] key = key(room);
        return writer.submit(batch -> {
            if (batch.get(family, key) == null) {
                return false;
            }
            batch.delete(family, key);
            return true;
        });
    }

    private static byte[] key(Jid room) {
        Objects.requireNonNull(room, "room");
        if (room.local() == null || room.resource() != null) {
            throw new IllegalArgumentException("a room JID is room@service: " + room);
        }
        return OrderedKey.builder().text(room.domain()).text(room.local()).build();
    }
}
