package city.beacon.infra.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** What the benchmark does to an engine; every method returns a figure. */
final class Workload {
    record Happened(String incidentId, long n, String text) { }

    record State(String incidentId, long events, String status) { }

    static final String SMALL = "incident-small";
    static final String LARGE = "incident-large";
    private static final String TEXT = "Pressure on gas main segment 7 fell to 0.8 bar; crews isolating valves V12"
            + " and V13; cordon 200 m; traffic diverted via Ring Road; air quality monitored downwind. ".repeat(2);

    private final BenchTarget target;
    private final AtomicLong fillerAggregates = new AtomicLong();

    Workload(BenchTarget target) {
        this.target = target;
    }

    static DomainEventMessage<Happened> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Incident", aggregate, seq, new Happened(aggregate, seq, TEXT));
    }

    /** Fills the store from 8 threads with commits of 2 events over aggregates of 20 events each. */
    void fillCommits(long events) throws Exception {
        parallel(8, events / 2, (thread, i) -> {
            long n = i % 10;
            String aggregate = "filler-" + thread + "-" + (i / 10);
            target.engine.appendEvents(List.of(event(aggregate, n * 2), event(aggregate, n * 2 + 1)));
        });
    }

    /** The two aggregates whose load time is measured; the large one gets a snapshot 49 events before its end. */
    void writeMeasuredAggregates() throws Exception {
        for (long seq = 0; seq < 50; seq += 2) {
            target.engine.appendEvents(List.of(event(SMALL, seq), event(SMALL, seq + 1)));
        }
        for (long seq = 0; seq < 10_000; seq += 2) {
            target.engine.appendEvents(List.of(event(LARGE, seq), event(LARGE, seq + 1)));
        }
        target.engine.storeSnapshot(new GenericDomainEventMessage<>("Incident", LARGE, 9_950,
                new State(LARGE, 9_951, "RESPONDING")));
    }

    /** Events per second appending one-event commits to new aggregates. */
    double appendRate(int threads, int commitsPerThread) throws Exception {
        long start = System.nanoTime();
        parallel(threads, (long) threads * commitsPerThread, (thread, i) ->
                target.engine.appendEvents(List.of(event("append-" + fillerAggregates.incrementAndGet(), 0))));
        return threads * commitsPerThread / seconds(start);
    }

    /** Median milliseconds to load an aggregate through the event store (snapshot, then the events after it). */
    double loadMillis(String aggregate, int runs) {
        for (int i = 0; i < 3; i++) {
            target.eventStore.readEvents(aggregate).asStream().count();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            target.eventStore.readEvents(aggregate).asStream().count();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    /** Events per second a tracking reader gets from the start of the stream (at most {@code max} or 30 s). */
    double trackingRate(int max) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = target.engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (read < max && System.nanoTime() < deadline && events.hasNext()) {
                events.next();
                read++;
            }
        }
        return read / seconds(start);
    }

    interface Step {
        void run(int thread, long index) throws Exception;
    }

    private static void parallel(int threads, long total, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (long i = 0; i < total / threads; i++) {
                    step.run(thread, i);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
