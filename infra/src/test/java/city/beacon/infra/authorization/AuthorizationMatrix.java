package city.beacon.infra.authorization;

import city.beacon.infra.authorization.Attempt.Observed;
import city.beacon.infra.authorization.Targets.Reusable;
import city.beacon.infra.support.Caller;
import city.beacon.infra.support.RawHttp;
import city.beacon.infra.support.RawStomp;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * THE authorization matrix: who may use which endpoint and topic. docs/authorization.md is generated from this table
 * by {@link AuthorizationMatrixIT}, which also asserts every cell against a running node.
 * <p>
 * Columns, in order: anonymous, operator, liaison of the incident's department (FIRE), liaison of another department
 * (POLICE), auditor, admin, sensor gateway key, department system key (FIRE's), CAP sender key. Cells: A allow,
 * R allow with the liaison redaction (no reporter, source reference or internal notes), D deny.
 */
final class AuthorizationMatrix {
    static final List<Caller> CALLERS = List.of(Caller.ANONYMOUS, Caller.OPERATOR, Caller.LIAISON_FIRE,
            Caller.LIAISON_POLICE, Caller.AUDITOR, Caller.ADMIN, Caller.SENSOR_GATEWAY, Caller.FIRE_SYSTEM,
            Caller.CAP_SENDER);
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Issue 12: history and verification are for auditors and administrators; operators and liaisons get 403. */
    private static final String AUDITORS = "D  D  D  D  A  A  D  D  D";
    private final RawHttp http;
    private final String baseUrl;
    private final Targets targets;
    private int serial;

    AuthorizationMatrix(String baseUrl, Targets targets) {
        this.baseUrl = baseUrl;
        this.http = new RawHttp(baseUrl, Duration.ofSeconds(30));
        this.targets = targets;
    }

    List<Rule> rules() {
        String readable = targets.withRestrictedFields();
        String number = targets.numberOf(readable);
        String into = targets.reported();
        var rules = new ArrayList<Rule>();
        //                                                    anon op  own oth aud adm sen dep cap
        rules.add(Rule.of("POST /api/incidents",                "D  A  D  D  D  A  D  D  D",
                c -> post(c, "/api/incidents", REPORT)));
        rules.add(Rule.redacting("GET /api/incidents",          "D  A  R  R  A  A  D  D  D",
                c -> get(c, "/api/incidents"), Redacted::incidents));
        rules.add(Rule.redacting("GET /api/incidents/search",   "D  A  R  R  A  A  D  D  D",
                c -> get(c, "/api/incidents/search?number=" + number), Redacted::incidents));
        rules.add(Rule.redacting("GET /api/incidents/{id}",     "D  A  R  R  A  A  D  D  D",
                c -> get(c, "/api/incidents/" + readable), Redacted::incident));
        rules.add(Rule.redacting("GET /api/incidents/{id}/timeline", "D  A  R  R  A  A  D  D  D",
                c -> get(c, "/api/incidents/" + readable + "/timeline?page=0"), Redacted::timelinePage));
        rules.add(incidentAction("confirm", targets::reported, null));
        rules.add(incidentAction("reclassify", targets::reported, "{\"severity\":\"MODERATE\",\"reason\":\"matrix\"}"));
        rules.add(incidentAction("location", targets::reported, "{\"lat\":31.24,\"lon\":121.48}"));
        rules.add(incidentAction("notes", targets::reported, "{\"text\":\"matrix\"}"));
        rules.add(incidentAction("contain", targets::confirmed, null));
        rules.add(incidentAction("resolve", targets::contained, "{\"resolution\":\"matrix\"}"));
        rules.add(incidentAction("close", targets::resolved, null));
        rules.add(incidentAction("cancel", targets::reported, "{\"reason\":\"matrix\"}"));
        rules.add(incidentAction("merge", targets::reported, "{\"into\":\"" + into + "\"}"));
        rules.add(incidentAction("warnings", targets::reported, null));
        rules.add(Rule.redacting("GET /api/incidents/{id}/cap", "D  A  R  R  A  A  D  D  D",
                c -> get(c, "/api/incidents/" + readable + "/cap"), Redacted::capAlert));
        rules.add(Rule.of("POST /api/cap/alerts",               "D  D  D  D  D  D  D  D  A",
                c -> send(c, "POST", "/api/cap/alerts", alert(), "application/cap+xml")));
        rules.add(Rule.of("GET /api/tasks",                     "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/tasks")));
        rules.add(Rule.of("GET /api/tasks?department=FIRE",     "D  A  A  D  A  A  D  D  D",
                c -> get(c, "/api/tasks?department=FIRE")));
        var task = new Reusable(targets::requestedTask);
        rules.add(Rule.of("GET /api/tasks/{id}",                "D  A  A  D  A  A  D  D  D",
                c -> get(c, "/api/tasks/" + task.get())));
        for (var action : List.of("acknowledge", "decline", "progress", "complete")) {
            rules.add(taskAction("POST /api/tasks/{id}/" + action, "D  A  A  D  D  A  D  D  D", action,
                    id -> "/api/tasks/" + id + "/" + action));
            rules.add(taskAction("POST /api/departments/{code}/tasks/{id}/" + action, "D  D  D  D  D  D  D  A  D",
                    action, id -> "/api/departments/FIRE/tasks/" + id + "/" + action));
        }
        rules.add(Rule.of("GET /api/departments/{code}/queue",  "D  A  A  D  A  A  D  D  D",
                c -> get(c, "/api/departments/FIRE/queue")));
        rules.add(Rule.of("GET /api/units",                     "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/units")));
        rules.add(Rule.of("GET /api/units?department=FIRE",     "D  A  A  D  A  A  D  D  D",
                c -> get(c, "/api/units?department=FIRE")));
        rules.add(Rule.of("POST /api/units/{id}/assign",        "D  A  A  D  D  A  D  D  D", c -> {
            var observed = post(c, "/api/units/FIRE-E14/assign", "{\"taskId\":\"" + targets.acknowledgedTask() + "\"}");
            targets.freeUnit("FIRE-E14");
            return observed;
        }));
        rules.add(Rule.of("POST /api/units/{id}/status",        "D  A  A  D  D  A  D  D  D", c -> {
            var observed = post(c, "/api/units/FIRE-L3/status", "{\"status\":\"OUT_OF_SERVICE\",\"note\":\"matrix\"}");
            targets.freeUnit("FIRE-L3");
            return observed;
        }));
        rules.add(Rule.of("POST /api/units/{id}/release",       "D  A  A  D  D  A  D  D  D", c -> {
            var observed = post(c, "/api/units/" + targets.assignedUnit("FIRE-HM1") + "/release", null);
            targets.freeUnit("FIRE-HM1");
            return observed;
        }));
        rules.add(Rule.of("GET /api/kpis",                      "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/kpis?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z")));
        rules.add(Rule.of("GET /api/plans",                     "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/plans")));
        rules.add(Rule.of("GET /api/me",                        "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/me")));
        rules.add(Rule.of("GET /api/admin/login-throttle",      "D  D  D  D  D  A  D  D  D",
                c -> get(c, "/api/admin/login-throttle")));
        rules.add(Rule.of("GET /api/admin/departments",         "D  D  D  D  D  A  D  D  D",
                c -> get(c, "/api/admin/departments")));
        rules.add(Rule.of("POST /api/admin/sensors",            "D  D  D  D  D  A  D  D  D",
                c -> post(c, "/api/admin/sensors", sensor())));
        rules.add(Rule.of("GET /api/admin/projections",         "D  D  D  D  D  A  D  D  D",
                c -> get(c, "/api/admin/projections")));
        // Only the administrator's attempt starts a rebuild (of the small units read model); a second would be 409.
        rules.add(Rule.of("POST /api/admin/projections/{name}/replay", "D  D  D  D  D  A  D  D  D",
                c -> post(c, "/api/admin/projections/units/replay", null)));
        rules.add(Rule.of("GET /api/sensors",                   "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/sensors")));
        rules.add(Rule.of("GET /api/sensors/{id}",              "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/sensors/GP-0101")));
        rules.add(Rule.of("GET /api/sensors/{id}/readings",     "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/sensors/GP-0101/readings")));
        rules.add(Rule.of("POST /api/sensors/readings",         "D  D  D  D  D  D  A  D  D",
                c -> post(c, "/api/sensors/readings", "[{\"sensorId\":\"GP-0101\",\"value\":0.40,\"unit\":\"MPa\","
                        + "\"at\":\"" + java.time.Instant.now() + "\"}]")));
        rules.add(Rule.of("GET /api/demo/drills",               "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/api/demo/drills")));
        rules.add(Rule.of("POST /api/demo/drills/gas-leak",     "D  A  D  D  D  A  D  D  D",
                c -> post(c, "/api/demo/drills/gas-leak", null)));
        rules.add(Rule.of("GET / (console)",                    "D  A  A  A  A  A  D  D  D",
                c -> get(c, "/")));
        String from = java.time.Instant.now().minus(Duration.ofDays(1)).toString();
        String event = targets.eventOf(readable);
        String run = targets.verificationRun();
        targets.awaitSealed();
        for (var audit : List.of("/api/audit/board?at=", "/api/audit/events?from=" + from + "&to=",
                "/api/audit/incidents/{id}?at=", "/api/audit/incidents/{id}/diff?from=" + from + "&to=")) {
            rules.add(Rule.of("GET " + audit.split("\\?")[0],      AUDITORS,
                    c -> get(c, audit.replace("{id}", readable) + java.time.Instant.now())));
        }
        rules.add(Rule.of("GET /api/audit/events/{id}/chain",   AUDITORS,
                c -> get(c, "/api/audit/events/" + event + "/chain")));
        rules.add(Rule.of("GET /api/audit/incidents/{id}/events", AUDITORS,
                c -> get(c, "/api/audit/incidents/" + readable + "/events?from=" + from + "&limit=50")));
        rules.add(Rule.of("GET /api/audit/incidents/{id}/export", AUDITORS,
                c -> get(c, "/api/audit/incidents/" + readable + "/export?format=csv")));
        rules.add(Rule.of("GET /api/audit/incidents/{id}/report", AUDITORS,
                c -> get(c, "/api/audit/incidents/" + readable + "/report?format=html")));
        rules.add(Rule.of("GET /api/audit/seals/latest",        AUDITORS,
                c -> get(c, "/api/audit/seals/latest")));
        rules.add(Rule.of("POST /api/audit/verify",             AUDITORS,
                c -> post(c, "/api/audit/verify", null)));
        rules.add(Rule.of("GET /api/audit/verify/{id}",         AUDITORS,
                c -> get(c, "/api/audit/verify/" + run)));
        rules.add(Rule.redacting("STOMP /topic/board",          "D  A  R  R  A  A  D  D  D",
                c -> subscribe(c, "/topic/board"), Redacted::liveMessage));
        rules.add(Rule.of("STOMP /topic/units",                 "D  A  A  A  A  A  D  D  D",
                c -> subscribe(c, "/topic/units")));
        rules.add(Rule.redacting("STOMP /topic/incidents/{id}", "D  A  R  R  A  A  D  D  D",
                c -> subscribe(c, "/topic/incidents/" + readable), Redacted::liveMessage));
        rules.add(Rule.of("STOMP /topic/departments/{code}/tasks", "D  A  A  D  A  A  D  D  D",
                c -> subscribe(c, "/topic/departments/FIRE/tasks")));
        return rules;
    }

    private Rule incidentAction(String action, Supplier<String> fresh, String body) {
        var target = new Reusable(fresh);
        return Rule.of("POST /api/incidents/{id}/" + action, "D  A  D  D  D  A  D  D  D", c -> {
            var observed = post(c, "/api/incidents/" + target.get() + "/" + action, body);
            if (Boolean.TRUE.equals(observed.allowed())) {
                target.spend();
            }
            return observed;
        });
    }

    private Rule taskAction(String surface, String cells, String action, java.util.function.Function<String, String> path) {
        boolean needsAcknowledged = action.equals("progress") || action.equals("complete");
        var target = new Reusable(needsAcknowledged ? targets::acknowledgedTask : targets::requestedTask);
        String body = switch (action) {
            case "decline" -> "{\"reason\":\"matrix\"}";
            case "progress" -> "{\"status\":\"EN_ROUTE\"}";
            case "complete" -> "{\"outcome\":\"matrix\"}";
            default -> null;
        };
        return Rule.of(surface, cells, c -> {
            var observed = post(c, path.apply(target.get()), body);
            if (Boolean.TRUE.equals(observed.allowed())) {
                target.spend();
            }
            return observed;
        });
    }

    private Observed get(Caller caller, String path) {
        return send(caller, "GET", path, null, null);
    }

    private Observed post(Caller caller, String path, String json) {
        return send(caller, "POST", path, json, json == null ? null : "application/json");
    }

    private Observed send(Caller caller, String method, String path, String body, String contentType) {
        var headers = new java.util.LinkedHashMap<>(caller.headers());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        var answer = http.send(method, path, headers,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return Observed.allowed(String.valueOf(status), answer.body());
        }
        if (status == 401 || status == 403
                || status == 302 && answer.location() != null && answer.location().contains("/login")) {
            return Observed.refused(String.valueOf(status));
        }
        return Observed.neither(answer.toString());
    }

    private Observed subscribe(Caller caller, String topic) throws Exception {
        RawStomp stomp;
        try {
            stomp = RawStomp.connect(baseUrl, caller.headers());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                return status == 401 || status == 403 ? Observed.refused("handshake " + status)
                        : Observed.neither("handshake " + status);
            }
            throw e;
        }
        try (stomp) {
            stomp.send(RawStomp.subscribe("matrix", topic));
            var frame = stomp.next(WAIT);
            if (frame != null && "MESSAGE".equals(frame.command())) {
                return Observed.allowed("MESSAGE", frame.body());
            }
            if (frame != null && "ERROR".equals(frame.command())) {
                return Observed.refused("ERROR " + frame.header("message"));
            }
            // Spring closes a refused session with 1002 right after its ERROR frame; now and then the close overtakes
            // the frame on the client. The subscription delivered nothing and the session is gone: a refusal (the
            // hostile suite counts it the same way).
            if (frame != null && "CLOSED".equals(frame.command()) && "1002".equals(frame.header("status"))) {
                return Observed.refused("session closed (1002) on subscribing");
            }
            return Observed.neither(frame == null ? "no frame within " + WAIT : frame.toString());
        }
    }

    private String alert() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>matrix-%d</identifier>
                  <sender>weather-bureau@demo-city.example</sender>
                  <sent>2026-11-28T16:00:00+08:00</sent>
                  <status>Actual</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info>
                    <category>Met</category>
                    <event>Flood warning</event>
                    <urgency>Expected</urgency>
                    <severity>Moderate</severity>
                    <certainty>Likely</certainty>
                    <headline>Matrix probe</headline>
                    <area><areaDesc>Suzhou Creek banks</areaDesc><circle>31.2434,121.479 1.5</circle></area>
                  </info>
                </alert>
                """.formatted(++serial);
    }

    private String sensor() {
        return """
                {"id":"MX-%d","kind":"GAS_PRESSURE","name":"Matrix sensor","lat":31.23,"lon":121.47,
                 "department":"GAS_UTILITY","unit":"MPa","physical":{"min":0,"max":1.6},
                 "normal":{"min":0.38,"max":0.42},"alarm":{"low":0.32,"high":0.5},"incidentType":"GAS_LEAK"}"""
                .formatted(++serial);
    }

    private static final String REPORT = """
            {"type":"OTHER","severity":"MINOR","location":{"lat":31.2304,"lon":121.4737},
             "summary":"matrix report","drill":true}""";

}
