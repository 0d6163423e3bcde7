package city.beacon.infra.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A STOMP client that sends whatever text it is given, frame by frame, over a plain WebSocket, so tests can send what
 * no well-behaved client would. Received frames are parsed into command, headers and body; a closed socket shows as
 * a frame with command {@code CLOSED}.
 */
public final class RawStomp implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final BlockingQueue<Frame> frames;

    private RawStomp(WebSocket socket, BlockingQueue<Frame> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    public record Frame(String command, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Opens the WebSocket with these handshake headers and sends CONNECT; waits for CONNECTED. */
    public static RawStomp connect(String baseUrl, Map<String, String> headers) throws Exception {
        var frames = new LinkedBlockingQueue<Frame>();
        var builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        var socket = builder.buildAsync(URI.create(baseUrl.replace("http", "ws") + "/ws"), new Listener(frames))
                .get(10, TimeUnit.SECONDS);
        var stomp = new RawStomp(socket, frames);
        stomp.send("CONNECT\naccept-version:1.2\nhost:beacon\nheart-beat:0,0\n\n\0");
        var connected = stomp.next(Duration.ofSeconds(10));
        if (connected == null || !"CONNECTED".equals(connected.command())) {
            stomp.close();
            throw new IllegalStateException("no CONNECTED frame: " + connected);
        }
        return stomp;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public static String subscribe(String id, String destination) {
        return "SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nack:auto\n\n\0";
    }

    /** The next frame, or null if none arrived in time. */
    public Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).join();
            } catch (RuntimeException ignored) {
                // the server may already have closed it, which is what most probes expect
            }
        }
        socket.abort();
    }

    /**
     * Opens {@code /ws} over a plain socket with exactly these request lines, so the handshake itself can be broken
     * (a malformed Origin, no Upgrade). Answers the status and the body, or -2 when the connection broke.
     */
    public static RawHttp.Answer handshake(String baseUrl, List<String> headerLines) {
        var uri = URI.create(baseUrl);
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            var request = new StringBuilder("GET /ws HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n");
            headerLines.forEach(line -> request.append(line).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            return readResponse(socket.getInputStream());
        } catch (IOException e) {
            return new RawHttp.Answer(RawHttp.BROKEN, null, e.toString(), null);
        }
    }

    private static RawHttp.Answer readResponse(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        var lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
        }
        String body = "";
        if (status != 101) {
            if (headers.containsKey("content-length")) {
                body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new RawHttp.Answer(status, headers.get("content-type"), body, headers.get("location"));
    }

    private static String dechunk(String raw) {
        var out = new StringBuilder();
        int at = 0;
        while (at < raw.length()) {
            int end = raw.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(raw.substring(at, end).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(raw, end + 2, Math.min(raw.length(), end + 2 + size));
            at = end + 2 + size + 2;
        }
        return out.toString();
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Frame> frames;
        private final StringBuilder buffer = new StringBuilder();

        Listener(BlockingQueue<Frame> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            int end;
            while ((end = buffer.indexOf("\0")) >= 0) {
                String frame = buffer.substring(0, end);
                buffer.delete(0, end + 1);
                var parsed = parse(frame);
                if (parsed != null) {
                    frames.add(parsed);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(new Frame("CLOSED", Map.of("status", String.valueOf(statusCode)), reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(new Frame("CLOSED", Map.of("error", String.valueOf(error)), ""));
        }

        private static Frame parse(String text) {
            String trimmed = text.replaceFirst("^[\r\n]+", "");
            if (trimmed.isEmpty()) {
                return null;   // heart-beats
            }
            int split = trimmed.indexOf("\n\n");
            String head = split < 0 ? trimmed : trimmed.substring(0, split);
            String body = split < 0 ? "" : trimmed.substring(split + 2);
            List<String> lines = new ArrayList<>(List.of(head.split("\n")));
            var headers = new LinkedHashMap<String, String>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return new Frame(lines.get(0).trim(), headers, body);
        }
    }
}
