package dev.parley.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveQuery;
import dev.parley.server.api.storage.ArchiveStoreContract;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbArchiveStoreTest extends ArchiveStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StorageFixture newStorage() {
        return () -> RocksDbStorageProvider.open(directory.resolve("data"));
    }

    @Test
    void deleteAllClearsAnArchiveLargerThanOneDeletionChunk() {
        AccountId carol = new AccountId("example.com", "carol");
        XmlElement stanza = XmlElement.builder("message", "jabber:client").textChild("body", "x").build();
        int total = RocksDbArchiveStore.DELETE_CHUNK + 5;
        for (int start = 0; start < total; start += 2000) {
            List<CompletionStage<Long>> appends = IntStream.range(start, Math.min(total, start + 2000))
                    .mapToObj(n -> provider().archive().append(carol, Instant.EPOCH, Jid.parse("a@b"), stanza))
                    .toList();
            appends.forEach(stage -> await(stage));
        }

        await(provider().archive().deleteAll(carol));

        assertThat(await(provider().archive().bounds(carol))).isEmpty();
        assertThat(await(provider().archive().query(carol, ArchiveQuery.firstPage(1))).orElseThrow().count())
                .isZero();
        assertThat(await(provider().archive().append(carol, Instant.EPOCH, Jid.parse("a@b"), stanza)))
                .isEqualTo(total + 1L);
    }
}
