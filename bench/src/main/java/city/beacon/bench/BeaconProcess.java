package city.beacon.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A process started from beacon.jar (the store role or a node), with its output in a log file. It is ready when it
 * prints its ready line: the bench reads the output as it comes, so the wait ends on that line, or at once when the
 * process dies, and never asks the process whether it is there yet.
 */
final class BeaconProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private BeaconProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** @param readyLine recognises the line the process prints once it serves (see {@link Session}) */
    static BeaconProcess start(String name, List<String> jvmArgs, Path jar, List<String> args, Path logDir,
                               Predicate<String> readyLine) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var started = new BeaconProcess(name, process, log);
        started.copyOutput(readyLine);
        process.onExit().thenAccept(ended -> started.ready.completeExceptionally(new IllegalStateException(
                name + " exited with " + ended.exitValue() + " before it was ready; see " + log)));
        return started;
    }

    /**
     * Copies the output into the log for as long as the process runs, and marks it ready on its ready line. The
     * output must be read to the end: left unread, the pipe fills and the process blocks on its next log line.
     */
    private void copyOutput(Predicate<String> readyLine) {
        var copier = new Thread(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    writer.write(line);
                    writer.newLine();
                    writer.flush();   // the log is what a reader opens when a run fails, often while it still runs
                    if (!ready.isDone() && readyLine.test(line)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ended) {
                // the process is gone; onExit reports it if it never got ready
            }
        }, name + "-output");
        copier.setDaemon(true);
        copier.start();
    }

    /** Waits for the ready line; fails as soon as the process dies, or when {@code seconds} pass without it. */
    void awaitReady(int seconds) throws InterruptedException {
        try {
            ready.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " not ready after " + seconds + " s; see " + log);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident set size (VmHWM) in MB, NaN where /proc is not available. */
    double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
