package city.beacon.infra.hostile;

import city.beacon.infra.support.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The console pages, the documentation and actuator paths, and paths no endpoint has. */
final class OtherPaths {
    static final Set<String> CONSOLE_PAGES = Set.of("GET /", "GET /login");

    private OtherPaths() { }

    static List<Probe> probes() {
        var out = new ArrayList<Probe>();
        out.add(probe("GET /", "caller:ANONYMOUS", "/", Caller.ANONYMOUS, Set.of(302)));
        out.add(probe("GET /", "caller:WRONG_PASSWORD", "/", Caller.WRONG_PASSWORD, Set.of(401)));
        out.add(probe("GET /", "caller:SENSOR_GATEWAY", "/", Caller.SENSOR_GATEWAY, Set.of(302, 401)));
        out.add(probe("GET /login", "query:error-script", "/login?error=" + RestProbes.encode(JsonMutations.SCRIPT),
                Caller.ANONYMOUS, Set.of(200)));
        out.add(probe("GET /login", "query:logout-script", "/login?logout&next=" + RestProbes.encode(JsonMutations.SCRIPT),
                Caller.ANONYMOUS, Set.of(200)));
        out.add(probe("GET /v3/api-docs", "caller:ANONYMOUS", "/v3/api-docs", Caller.ANONYMOUS, Set.of(401)));
        out.add(probe("GET /swagger-ui.html", "caller:ANONYMOUS", "/swagger-ui.html", Caller.ANONYMOUS,
                Set.of(302, 401)));
        for (var actuator : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans", "/actuator/shutdown")) {
            out.add(probe("GET " + actuator, "caller:ANONYMOUS", actuator, Caller.ANONYMOUS, Set.of(401, 404)));
            out.add(probe("GET " + actuator, "caller:AUDITOR", actuator, Caller.AUDITOR, Set.of(403, 404)));
        }
        for (var path : List.of("/api/incidents", "/api/me")) {
            out.add(new Probe("TRACE " + path, "method:TRACE", "TRACE", path, Caller.OPERATOR.headers(), null,
                    Set.of(405), null));
        }
        out.add(probe("GET /api/nope", "caller:OPERATOR", "/api/nope", Caller.OPERATOR, Set.of(404)));
        out.add(probe("GET /api/nope", "caller:ANONYMOUS", "/api/nope", Caller.ANONYMOUS, Set.of(401)));
        out.add(probe("GET /api/incidents/{id}/x/y", "path:too-deep", "/api/incidents/a/b/c", Caller.OPERATOR,
                Set.of(404)));
        for (var path : List.of("/%2e%2e/%2e%2e/etc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd", "/api;x=1/incidents",
                "//api//incidents", "/api/incidents%00", "/api/%252e%252e/me", "/api/incidents/%2F", "/api/me%0d%0aX:1",
                "/api/./me/.", "/api/me;jsessionid=abc")) {
            out.add(probe("GET {unmapped path}", "path:" + path, path, Caller.OPERATOR, Set.of(400, 404)));
        }
        return out;
    }

    private static Probe probe(String endpoint, String kind, String path, Caller caller, Set<Integer> expected) {
        return new Probe(endpoint, kind, "GET", path, caller.headers(), null, expected, null);
    }
}
