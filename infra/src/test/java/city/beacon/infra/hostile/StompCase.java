package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;
import city.beacon.infra.support.RawStomp;

import java.time.Duration;
import java.util.List;

/**
 * One hostile STOMP session: who connects, the frames sent after CONNECT, and whether the server must answer with an
 * ERROR frame (and close) or with the subscription's first MESSAGE. {@code subscriptions} > 0 marks the flood case:
 * that many SUBSCRIBE frames, of which the server must refuse some with an ERROR.
 */
record StompCase(String destination, String kind, Caller caller, List<String> frames, Expect expect,
                 int subscriptions) {
    enum Expect { MESSAGE, ERROR, MESSAGE_OR_ERROR }

    static final Duration WAIT = Duration.ofSeconds(5);

    String key() {
        return "STOMP " + destination + " :: " + kind;
    }

    int requests() {
        return 1 + frames.size() + subscriptions;
    }

    /** Runs the session; answers the outcome label for the histogram and a failure text, or null if it held. */
    Result run(String baseUrl) {
        try (var stomp = RawStomp.connect(baseUrl, caller.headers())) {
            if (subscriptions > 0) {
                return flood(stomp);
            }
            frames.forEach(stomp::send);
            RawStomp.Frame first = stomp.next(WAIT);
            String label = "STOMP " + (first == null ? "SILENT" : first.command());
            if (first == null) {
                return new Result(label, expect == Expect.MESSAGE_OR_ERROR ? null : "no frame within " + WAIT);
            }
            if ("ERROR".equals(first.command()) && (first.header("message") == null || first.header("message").isBlank())) {
                return new Result(label, "ERROR frame without a message header saying why");
            }
            boolean ok = switch (expect) {
                case MESSAGE -> "MESSAGE".equals(first.command());
                // Spring closes a refused session with 1002 (protocol error) right after its ERROR frame; under load
                // the close sometimes overtakes the frame, so the close alone also counts as the refusal.
                case ERROR -> "ERROR".equals(first.command()) || isProtocolErrorClose(first);
                case MESSAGE_OR_ERROR -> "MESSAGE".equals(first.command()) || "ERROR".equals(first.command())
                        || isProtocolErrorClose(first);
            };
            return new Result(label, ok ? null : "expected " + expect + " but got " + first.command() + " "
                    + first.headers() + " " + abbreviate(first.body()));
        } catch (Exception e) {
            return new Result("STOMP CONNECT FAILED", "could not connect: " + e);
        }
    }

    private static boolean isProtocolErrorClose(RawStomp.Frame frame) {
        return "CLOSED".equals(frame.command()) && "1002".equals(frame.header("status"));
    }

    private Result flood(RawStomp stomp) throws InterruptedException {
        for (int i = 0; i < subscriptions; i++) {
            stomp.send(RawStomp.subscribe("s" + i, destination));
        }
        int messages = 0;
        RawStomp.Frame frame;
        while ((frame = stomp.next(WAIT)) != null) {
            if ("MESSAGE".equals(frame.command())) {
                messages++;
            } else if ("ERROR".equals(frame.command()) || isProtocolErrorClose(frame)) {
                // As for a single frame: under load the 1002 close may overtake the ERROR frame it follows.
                return new Result("STOMP ERROR", messages < subscriptions ? null
                        : "ERROR only after all " + subscriptions + " subscriptions were served");
            } else if ("CLOSED".equals(frame.command())) {
                return new Result("STOMP CLOSED", "closed without an ERROR frame after " + messages + " snapshots");
            }
        }
        return new Result("STOMP MESSAGE", "all " + subscriptions + " subscriptions accepted (" + messages
                + " snapshots sent); no limit per session");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 200 ? text : text.substring(0, 200) + "…";
    }

    record Result(String label, String failure) { }
}
