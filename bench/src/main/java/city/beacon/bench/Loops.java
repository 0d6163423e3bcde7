package city.beacon.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** Closed loops: each client does one request at a time for a while; rate and latency percentiles. */
final class Loops {
    private Loops() { }

    record Result(double perSecond, double p50Millis, double p99Millis, long failures) {
    }

    /** {@code call} answers an HTTP status; anything but 2xx counts as a failure. */
    static Result closedLoop(int clients, double seconds, IntSupplier call) throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        var done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = call.getAsInt();
                        } catch (RuntimeException e) {
                            status = 599;
                        }
                        if (status / 100 == 2) {
                            latencies.add((System.nanoTime() - t0) / 1e6);
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / elapsed, Summary.percentile(latencies, 50), Summary.percentile(latencies, 99),
                failed.get());
    }

    /** Median milliseconds of {@code samples} sequential calls after a short warm-up. */
    static double medianMillis(int samples, IntSupplier call) {
        for (int i = 0; i < 3; i++) {
            call.getAsInt();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            int status = call.getAsInt();
            if (status / 100 == 2) {
                millis.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return Summary.percentile(millis, 50);
    }
}
