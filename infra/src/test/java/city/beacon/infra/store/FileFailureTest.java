package city.beacon.infra.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why the store refuses writes above a free-space floor instead of letting the disk fill up: an MVStore commit that
 * finds the disk full closes the store for good. {@link GroupCommit} tells its owner (the standalone store then
 * exits, to be restarted), and the file keeps every write acknowledged before.
 */
class FileFailureTest {
    @TempDir
    Path directory;

    @AfterEach
    void roomAgain() {
        FullDiskFiles.full = false;
    }

    @Test
    void aCommitThatFindsTheDiskFullClosesTheStoreIsReportedAndLosesNothingAcknowledged() {
        FullDiskFiles.register();
        Path file = directory.resolve("full.mv");
        MVStore store = new MVStore.Builder().fileName(FullDiskFiles.SCHEME + ":" + file).autoCommitDisabled()
                .autoCommitBufferSize(0).open();
        MVMap<Integer, String> events = store.openMap("events");
        var commit = new GroupCommit(store, true);
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        commit.onFileFailure(failures::add);
        commit.durableWrite(() -> events.put(1, "acknowledged"));

        FullDiskFiles.full = true;
        assertThatThrownBy(() -> commit.durableWrite(() -> events.put(2, "never acknowledged")))
                .hasStackTraceContaining("No space left on device");

        assertThat(failures).hasSize(1);
        assertThat(store.isClosed()).as("H2 closed the store after the failed write").isTrue();
        FullDiskFiles.full = false;
        assertThatThrownBy(() -> commit.durableWrite(() -> events.put(3, "after space returned")))
                .as("and it stays closed: only a restart helps").isInstanceOf(RuntimeException.class);

        MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
        try {
            MVMap<Integer, String> survived = reopened.openMap("events");
            assertThat(survived.get(1)).isEqualTo("acknowledged");
            assertThat(survived.containsKey(2)).isFalse();
        } finally {
            reopened.close();
        }
    }
}
