package city.beacon.infra.store;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scan that outlives commits, on an MVStore opened as EmbeddedStore opens it (no background commits, retention time
 * 0, a small page cache): the commits free the chunks of pages the scan has yet to read, and it fails with "Chunk …
 * not found" unless its version is pinned ({@link GroupCommit#pinned}), as every command the store serves now is.
 */
class PinnedReadTest {
    private static final int DOCUMENTS = 8_000;
    @TempDir
    Path directory;
    private MVStore store;

    @AfterEach
    void close() {
        if (store != null && !store.isClosed()) {
            store.closeImmediately();
        }
    }

    @Test
    void anUnpinnedScanLosesItsChunksToLaterCommits() {
        var documents = filledStore();
        assertThatThrownBy(() -> scanWhileRewriting(documents, Supplier::get))
                .hasMessageContaining("not found");
    }

    @Test
    void aPinnedScanReadsEveryDocumentItStartedWith() {
        var documents = filledStore();
        var commit = new GroupCommit(store, false);

        assertThat(scanWhileRewriting(documents, commit::pinned)).isEqualTo(DOCUMENTS);
    }

    private MVMap<Integer, String> filledStore() {
        store = new MVStore.Builder().fileName(directory.resolve("store.mv").toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).cacheSize(1).open();
        store.setRetentionTime(0);
        MVMap<Integer, String> documents = store.openMap("event_commits");
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.put(i, "first version of commit " + i + " ".repeat(200));
        }
        store.commit();
        return documents;
    }

    /** Reads half, then every document is rewritten and committed many times over, then the rest is read. */
    private int scanWhileRewriting(MVMap<Integer, String> documents, java.util.function.Function<Supplier<Integer>,
            Integer> around) {
        return around.apply(() -> {
            Cursor<Integer, String> cursor = documents.cursor(null);
            int read = 0;
            for (; read < DOCUMENTS / 2; read++) {
                cursor.next();
            }
            for (int round = 0; round < 12; round++) {
                for (int i = 0; i < DOCUMENTS; i++) {
                    documents.put(i, "version " + round + " of commit " + i + " ".repeat(200));
                }
                store.commit();
                store.compact(50, 16 * 1024 * 1024);
                store.commit();
            }
            while (cursor.hasNext()) {
                cursor.next();
                read++;
            }
            return read;
        });
    }
}
