package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static city.beacon.infra.hostile.Field.bool;
import static city.beacon.infra.hostile.Field.enumeration;
import static city.beacon.infra.hostile.Field.number;
import static city.beacon.infra.hostile.Field.object;
import static city.beacon.infra.hostile.Field.text;

/**
 * Every REST endpoint of Beacon (each {@code @GetMapping}/{@code @PostMapping} in frontend-bridge and infra), with
 * who may call it and what its body looks like. {@code HostileInputIT} checks that none is missing.
 */
final class Catalogue {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<Caller> USERS = EnumSet.of(Caller.OPERATOR, Caller.LIAISON_FIRE, Caller.LIAISON_POLICE,
            Caller.AUDITOR, Caller.ADMIN, Caller.KEY_AND_USER);
    static final Set<Caller> OPERATORS = EnumSet.of(Caller.OPERATOR, Caller.ADMIN);
    /** Issue 12: auditors and administrators (an auditor who also sends a machine key is still the auditor). */
    static final Set<Caller> AUDITORS = EnumSet.of(Caller.AUDITOR, Caller.ADMIN, Caller.KEY_AND_USER);
    static final Set<Caller> FIRE_DESK = EnumSet.of(Caller.OPERATOR, Caller.ADMIN, Caller.LIAISON_FIRE);

    private Catalogue() { }

    static List<Endpoint> all(Fixture f) {
        var incident = Map.of("id", f.incidentId());
        var fireTask = Map.of("id", f.fireTaskId());
        var unit = Map.of("id", f.unitId());
        var all = new ArrayList<Endpoint>();
        all.add(post("/api/incidents", Map.of(), OPERATORS, report(), reportFields()));
        all.add(get("/api/incidents", Map.of(), USERS));
        all.add(get("/api/incidents/{id}", incident, USERS));
        all.add(get("/api/incidents/search", Map.of(), USERS));
        all.add(post("/api/incidents/{id}/confirm", incident, OPERATORS, null, List.of()));
        all.add(post("/api/incidents/{id}/reclassify", incident, OPERATORS,
                body("{\"severity\":\"MODERATE\",\"reason\":\"probe\"}"),
                List.of(enumeration("type", false), enumeration("severity", false), enumeration("urgency", false),
                        enumeration("certainty", false), text("reason", false, 500))));
        all.add(post("/api/incidents/{id}/location", incident, OPERATORS, location(), locationFields()));
        all.add(post("/api/incidents/{id}/notes", incident, OPERATORS, body("{\"text\":\"probe note\"}"),
                List.of(text("text", true, 2000))));
        all.add(post("/api/incidents/{id}/contain", incident, OPERATORS, null, List.of()));
        all.add(post("/api/incidents/{id}/resolve", incident, OPERATORS, body("{\"resolution\":\"probe\"}"),
                List.of(text("resolution", false, 2000))));
        all.add(post("/api/incidents/{id}/close", incident, OPERATORS, null, List.of()));
        all.add(post("/api/incidents/{id}/cancel", incident, OPERATORS, body("{\"reason\":\"probe\"}"),
                List.of(text("reason", true, 500))));
        all.add(post("/api/incidents/{id}/merge", incident, OPERATORS,
                body("{\"into\":\"" + f.otherIncidentId() + "\"}"), List.of(text("into", true, 64))));
        all.add(post("/api/incidents/{id}/warnings", incident, OPERATORS, null, List.of()));
        all.add(get("/api/incidents/{id}/cap", incident, USERS));
        all.add(get("/api/incidents/{id}/timeline", incident, USERS));
        // Units before task actions: a task action wrongly applied (a known failure) could end the task they assign.
        all.add(get("/api/units", Map.of(), USERS));
        all.add(post("/api/units/{id}/assign", unit, FIRE_DESK, body("{\"taskId\":\"" + f.fireTaskId() + "\"}"),
                List.of(text("taskId", true, 64))));
        all.add(post("/api/units/{id}/status", unit, FIRE_DESK, body("{\"status\":\"OUT_OF_SERVICE\",\"note\":\"probe\"}"),
                List.of(enumeration("status", true), text("note", false, 2000))));
        all.add(post("/api/units/{id}/release", unit, FIRE_DESK, null, List.of()));
        all.add(get("/api/tasks", Map.of(), USERS));
        all.add(get("/api/tasks/{id}", fireTask, without(USERS, Caller.LIAISON_POLICE)));
        for (var action : List.of("acknowledge", "decline", "progress", "complete")) {
            all.add(post("/api/tasks/{id}/" + action, fireTask, FIRE_DESK, taskBody(action), taskFields(action)));
            all.add(new Endpoint("POST", "/api/departments/{code}/tasks/{id}/" + action,
                    Map.of("code", "FIRE", "id", f.fireTaskId()), EnumSet.of(Caller.FIRE_SYSTEM), taskBody(action),
                    taskFields(action), true));
        }
        all.add(get("/api/departments/{code}/queue", Map.of("code", "FIRE"), without(USERS, Caller.LIAISON_POLICE)));
        all.add(get("/api/kpis", Map.of(), USERS));
        all.add(get("/api/plans", Map.of(), USERS));
        all.add(get("/api/me", Map.of(), USERS));
        all.add(get("/api/admin/login-throttle", Map.of(), EnumSet.of(Caller.ADMIN)));
        all.add(get("/api/admin/departments", Map.of(), EnumSet.of(Caller.ADMIN)));
        all.add(post("/api/admin/sensors", Map.of(), EnumSet.of(Caller.ADMIN), sensor(), sensorFields()));
        all.add(get("/api/admin/projections", Map.of(), EnumSet.of(Caller.ADMIN)));
        all.add(post("/api/admin/projections/{name}/replay", Map.of("name", "units"), EnumSet.of(Caller.ADMIN), null,
                List.of()));
        all.add(get("/api/sensors", Map.of(), USERS));
        all.add(get("/api/sensors/{id}", Map.of("id", f.sensorId()), USERS));
        all.add(get("/api/sensors/{id}/readings", Map.of("id", f.sensorId()), USERS));
        all.add(new Endpoint("POST", "/api/sensors/readings", Map.of(), EnumSet.of(Caller.SENSOR_GATEWAY,
                Caller.KEY_AND_USER), null, List.of(), true));
        all.add(new Endpoint("POST", "/api/cap/alerts", Map.of(), EnumSet.of(Caller.CAP_SENDER), null, List.of(), true));
        all.add(get("/api/demo/drills", Map.of(), USERS));
        all.add(post("/api/demo/drills/gas-leak", Map.of(), OPERATORS, null, List.of()));
        String now = java.time.Instant.now().toString();
        String day = "from=" + java.time.Instant.now().minus(java.time.Duration.ofDays(1)) + "&to=" + now;
        var audited = Map.of("id", f.otherIncidentId());
        all.add(audit("/api/audit/board", Map.of(), "at=" + now));
        all.add(audit("/api/audit/events", Map.of(), day));
        all.add(audit("/api/audit/events/{id}/chain", Map.of("id", f.eventId()), ""));
        all.add(audit("/api/audit/incidents/{id}", audited, "at=" + now));
        all.add(audit("/api/audit/incidents/{id}/diff", audited, day));
        all.add(audit("/api/audit/incidents/{id}/events", audited, ""));
        all.add(audit("/api/audit/incidents/{id}/export", audited, "format=csv"));
        all.add(audit("/api/audit/incidents/{id}/report", audited, "format=json"));
        all.add(audit("/api/audit/seals/latest", Map.of(), ""));
        all.add(audit("/api/audit/verify/{id}", Map.of("id", f.verificationRunId()), ""));
        all.add(post("/api/audit/verify", Map.of(), AUDITORS, null, List.of()));
        return all;
    }

    static ObjectNode report() {
        return body("""
                {"type":"OTHER","severity":"MINOR","urgency":"FUTURE","certainty":"POSSIBLE",
                 "location":{"lat":31.2304,"lon":121.4737,"address":"Probe Road 1","area":{"radiusMeters":100}},
                 "summary":"hostile probe","drill":true}""");
    }

    private static List<Field> reportFields() {
        return List.of(enumeration("type", true), enumeration("severity", true), enumeration("urgency", false),
                enumeration("certainty", false), object("location", true), number("location.lat", true, 90),
                number("location.lon", true, 180), text("location.address", false, 300),
                number("location.area.radiusMeters", false, 100_000), text("summary", true, 500), bool("drill"));
    }

    private static ObjectNode location() {
        return body("""
                {"lat":31.24,"lon":121.48,"address":"Probe Road 2",
                 "area":{"polygon":[{"lat":31.24,"lon":121.48},{"lat":31.25,"lon":121.48},{"lat":31.25,"lon":121.49}]}}""");
    }

    private static List<Field> locationFields() {
        return List.of(number("lat", true, 90), number("lon", true, 180), text("address", false, 300),
                object("area", false), Field.array("area.polygon", false, 500));
    }

    private static ObjectNode taskBody(String action) {
        return switch (action) {
            case "decline" -> body("{\"reason\":\"probe\"}");
            case "progress" -> body("{\"status\":\"EN_ROUTE\",\"note\":\"probe\"}");
            case "complete" -> body("{\"outcome\":\"probe\"}");
            default -> null;
        };
    }

    private static List<Field> taskFields(String action) {
        return switch (action) {
            case "decline" -> List.of(text("reason", true, 500));
            case "progress" -> List.of(enumeration("status", true), text("note", false, 2000));
            case "complete" -> List.of(text("outcome", true, 2000));
            default -> List.of();
        };
    }

    static ObjectNode sensor() {
        return body("""
                {"id":"HP-9001","kind":"GAS_PRESSURE","name":"Probe sensor","lat":31.23,"lon":121.47,
                 "address":"Probe Road 3","department":"GAS_UTILITY","unit":"MPa",
                 "physical":{"min":0,"max":1.6},"normal":{"min":0.38,"max":0.42},
                 "alarm":{"low":0.32,"high":0.5,"ratePerMinute":0.08},"incidentType":"GAS_LEAK",
                 "automaticAction":"Close valve V-9","silentAfter":"PT10M"}""");
    }

    private static List<Field> sensorFields() {
        return List.of(text("id", true, 64), enumeration("kind", true), text("name", true, 200),
                number("lat", true, 90), number("lon", true, 180), text("address", false, 300),
                text("department", true, 40), text("unit", true, 20), object("physical", true),
                object("normal", true), object("alarm", true), enumeration("incidentType", true),
                text("automaticAction", false, 300));
    }

    private static Endpoint get(String template, Map<String, String> variables, Set<Caller> allowed) {
        return new Endpoint("GET", template, variables, allowed, null, List.of(), false);
    }

    private static Endpoint audit(String template, Map<String, String> variables, String query) {
        return new Endpoint("GET", template, variables, AUDITORS, null, List.of(), false, query);
    }

    private static Endpoint post(String template, Map<String, String> variables, Set<Caller> allowed,
                                 ObjectNode validBody, List<Field> fields) {
        return new Endpoint("POST", template, variables, allowed, validBody, fields, false);
    }

    private static Set<Caller> without(Set<Caller> callers, Caller removed) {
        var copy = EnumSet.copyOf(callers);
        copy.remove(removed);
        return copy;
    }

    static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
