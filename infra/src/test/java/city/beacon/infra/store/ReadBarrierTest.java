package city.beacon.infra.store;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read answered while a durable write is still under way waits for that write to reach the disk when it is an
 * event commit (a reader must never act on an event a crash takes back), but not when it is a processor's token,
 * which only its own processor reads: a replay's reads of the stream used to wait for every processor's token commit.
 */
class ReadBarrierTest {
    private final MVStore memory = new MVStore.Builder().autoCommitDisabled().open();
    private final GroupCommit commit = new GroupCommit(memory, false);
    private final CountDownLatch writeMayFinish = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);

    @AfterEach
    void release() {
        writeMayFinish.countDown();
        memory.close();
    }

    @Test
    void aReadDoesNotWaitForATokenWriteUnderWay() throws Exception {
        var token = startDurableWrite(false);

        var read = CompletableFuture.supplyAsync(() -> commit.read(() -> "stream"));

        await().atMost(Duration.ofSeconds(10)).until(read::isDone);
        assertThat(read.get()).isEqualTo("stream");
        assertThat(token).isNotDone();
    }

    @Test
    void aReadWaitsForAnEventCommitUnderWay() throws Exception {
        var event = startDurableWrite(true);
        var queried = new CountDownLatch(1);

        var read = CompletableFuture.supplyAsync(() -> commit.read(() -> {
            queried.countDown();
            return "stream";
        }));
        queried.await();

        assertThat(read).as("a read cannot be answered before the event commit under way is durable").isNotDone();
        writeMayFinish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> event.isDone() && read.isDone());
        assertThat(read.get()).isEqualTo("stream");
    }

    /** A durable write that has taken its ticket and is still running (holding the gate), until released. */
    private CompletableFuture<String> startDurableWrite(boolean readersWait) throws InterruptedException {
        var write = CompletableFuture.supplyAsync(() -> commit.durableWrite(() -> {
            memory.openMap("documents").put("key", "value");
            writing.countDown();
            awaitRelease();
            return "written";
        }, readersWait));
        writing.await();
        return write;
    }

    private void awaitRelease() {
        try {
            writeMayFinish.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
