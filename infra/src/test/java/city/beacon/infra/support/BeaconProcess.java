package city.beacon.infra.support;

import city.beacon.infra.BeaconApplication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Beacon node in a JVM of its own, started from the test classpath on a free port, with its output in a log file.
 * Fault tests need a real process: {@link #kill()} is SIGKILL, so nothing in the node gets to tidy up.
 */
public final class BeaconProcess implements AutoCloseable {
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private BeaconProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node with the demo profile (its users) over the given data directory, or the shared store a
     * {@code --beacon.mongodb.uri=} argument names, and returns once it reports ready.
     */
    public static BeaconProcess start(String name, Path directory, String... args) throws IOException {
        return start(name, directory, Duration.ofSeconds(120), args);
    }

    /** As {@link #start(String, Path, String...)}, waiting up to {@code readyWithin} (several nodes start at once). */
    public static BeaconProcess start(String name, Path directory, Duration readyWithin, String... args)
            throws IOException {
        Files.createDirectories(directory);
        int port = StoreProcess.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), BeaconApplication.class.getName(),
                "--spring.profiles.active=demo", "--spring.main.banner-mode=off",
                "--server.port=" + port,
                "--beacon.embedded-store.path=" + directory.resolve("beacon.mv")));
        command.addAll(List.of(args));
        Path log = directory.resolve(name + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        var node = new BeaconProcess(name, port, log, process);
        node.awaitReady(readyWithin);
        return node;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Http as(String user) {
        return new Http(baseUrl(), user, user);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the node vanishes mid-work, as when its machine loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die");
        }
    }

    /** SIGTERM: an orderly shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        var readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended before it was ready; see " + log);
            }
            try {
                if (PROBE.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the node is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Thread.onSpinWait();
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);   // a client's pace between probes, ends early if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not ready within " + limit + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
