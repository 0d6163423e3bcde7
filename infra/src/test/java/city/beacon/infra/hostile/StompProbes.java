package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;

import java.util.ArrayList;
import java.util.List;

import static city.beacon.infra.hostile.StompCase.Expect.ERROR;
import static city.beacon.infra.hostile.StompCase.Expect.MESSAGE;
import static city.beacon.infra.hostile.StompCase.Expect.MESSAGE_OR_ERROR;
import static city.beacon.infra.support.RawStomp.subscribe;

/** The hostile STOMP sessions: every destination, valid and invalid, oversized frames, floods, frames a client may not send. */
final class StompProbes {
    private StompProbes() { }

    static List<StompCase> generate(Fixture f) {
        var cases = new ArrayList<StompCase>();
        String incident = "/topic/incidents/" + f.incidentId();
        for (var topic : List.of("/topic/board", "/topic/units", incident, "/topic/departments/FIRE/tasks")) {
            cases.add(one(topic, "subscribe:operator", Caller.OPERATOR, MESSAGE));
        }
        cases.add(one("/topic/departments/POLICE/tasks", "subscribe:liaison-of-another-department", Caller.LIAISON_FIRE,
                ERROR));
        cases.add(one("/topic/departments/FIRE/tasks", "subscribe:liaison-of-another-department",
                Caller.LIAISON_POLICE, ERROR));
        var invalid = new ArrayList<String>(List.of("/topic/incidents/../board", "/topic/incidents/%2e%2e",
                "/topic/incidents/" + "a".repeat(65), "/topic/incidents/<script>alert(1)</script>",
                "/topic/departments/fire/tasks", "/topic/departments/FIRE/tasks/../../board",
                "/topic/departments/FIRE", "/topic/", "/topic", "/queue/board", "/app/board", "/user/queue/errors",
                "/topic/board/../units", "/topic/board%00", "/topic/units/", "/topic/" + "x".repeat(10_000),
                "/topic/departments/../departments/POLICE/tasks", "/topic/*", "/topic/**", "/topic/incidents/*"));
        for (var topic : invalid) {
            for (var caller : List.of(Caller.OPERATOR, Caller.LIAISON_FIRE)) {
                cases.add(one(topic, "subscribe:invalid-topic:" + caller.name(), caller, ERROR));
            }
        }
        cases.add(one("/topic/incidents/00000000-0000-0000-0000-000000000000", "subscribe:unknown-incident",
                Caller.AUDITOR, MESSAGE_OR_ERROR));
        cases.add(frames("{none}", "subscribe:no-destination", Caller.OPERATOR, "SUBSCRIBE\nid:1\n\n\0", ERROR));
        cases.add(frames("/app/report", "send:application-destination", Caller.OPERATOR,
                "SEND\ndestination:/app/report\ncontent-type:application/json\n\n" + Catalogue.report() + "\0", ERROR));
        cases.add(frames("/topic/board", "send:to-topic", Caller.OPERATOR,
                "SEND\ndestination:/topic/board\n\n{\"kind\":\"SNAPSHOT\",\"payload\":[]}\0", ERROR));
        cases.add(frames("/topic/board", "subscribe:header-100KB", Caller.OPERATOR,
                "SUBSCRIBE\nid:1\ndestination:/topic/board\nx-pad:" + "p".repeat(100_000) + "\n\n\0", ERROR));
        cases.add(frames("/app/report", "send:body-1MB", Caller.OPERATOR,
                "SEND\ndestination:/app/report\n\n" + "b".repeat(1_000_000) + "\0", ERROR));
        cases.add(frames("{none}", "frame:garbage", Caller.OPERATOR, "HELLO\nworld:1\n\n\0", ERROR));
        cases.add(frames("{none}", "frame:second-connect", Caller.OPERATOR,
                "CONNECT\naccept-version:1.2\nhost:beacon\n\n\0", MESSAGE_OR_ERROR));
        cases.add(frames("{none}", "frame:unterminated-70KB", Caller.OPERATOR,
                "SUBSCRIBE\nid:1\ndestination:/topic/board\n\n" + "u".repeat(70_000), ERROR));
        cases.add(frames("/topic/board", "frame:content-length-lies", Caller.OPERATOR,
                "SUBSCRIBE\nid:1\ndestination:/topic/board\ncontent-length:999999999\n\n\0", ERROR));
        cases.add(frames("{none}", "frame:ack-unknown", Caller.OPERATOR, "ACK\nid:nope\n\n\0", ERROR));
        cases.add(new StompCase("/topic/units", "subscribe:1000-times", Caller.OPERATOR, List.of(), ERROR, 1_000));
        return cases;
    }

    private static StompCase one(String topic, String kind, Caller caller, StompCase.Expect expect) {
        return new StompCase(topic.length() > 80 ? topic.substring(0, 40) + "…(" + topic.length() + " chars)" : topic,
                kind, caller, List.of(subscribe("sub-0", topic)), expect, 0);
    }

    private static StompCase frames(String destination, String kind, Caller caller, String frame,
                                    StompCase.Expect expect) {
        return new StompCase(destination, kind, caller, List.of(frame), expect, 0);
    }

    /** Handshakes of {@code /ws} as a hostile client makes them: endpoint "GET /ws", kind, header lines, expected. */
    static List<Handshake> handshakes() {
        var upgrade = List.of("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
        var out = new ArrayList<Handshake>();
        for (var caller : List.of(Caller.ANONYMOUS, Caller.WRONG_PASSWORD, Caller.MALFORMED_BASIC, Caller.BEARER,
                Caller.SENSOR_GATEWAY, Caller.FIRE_SYSTEM, Caller.CAP_SENDER)) {
            out.add(new Handshake("caller:" + caller.name(), with(upgrade, caller, List.of()), 401));
        }
        out.add(new Handshake("origin:foreign", with(upgrade, Caller.OPERATOR, List.of("Origin: http://evil.example")), 403));
        out.add(new Handshake("origin:malformed", with(upgrade, Caller.OPERATOR, List.of("Origin: http://[::1")), 403));
        out.add(new Handshake("origin:null", with(upgrade, Caller.OPERATOR, List.of("Origin: null")), 403));
        out.add(new Handshake("no-upgrade", with(List.of(), Caller.OPERATOR, List.of()), 400));
        out.add(new Handshake("websocket-version-99", with(List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 99", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="), Caller.OPERATOR, List.of()), 426));
        return out;
    }

    private static List<String> with(List<String> base, Caller caller, List<String> extra) {
        var lines = new ArrayList<>(base);
        caller.headers().forEach((name, value) -> lines.add(name + ": " + value));
        lines.addAll(extra);
        return lines;
    }

    record Handshake(String kind, List<String> lines, int expected) {
        String key() {
            return "GET /ws :: " + kind;
        }
    }
}
