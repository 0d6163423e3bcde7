package city.beacon.infra.authorization;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's authorization matrix: every endpoint and topic × every kind of caller, asserted against a running node,
 * with the liaison redaction checked wherever a liaison reads an incident. The table lives in
 * {@link AuthorizationMatrix}; this test renders it to target/authorization.md and requires docs/authorization.md to
 * be identical, so the document cannot drift from what is tested (copy the generated file over to update it).
 */
class AuthorizationMatrixIT {
    static final Path COMMITTED = Path.of("..", "docs", "authorization.md");
    static final Path GENERATED = Path.of("target", "authorization.md");
    @TempDir
    static Path data;
    static BeaconNode node;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data, "--beacon.demo.pace=0.01");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixSays() throws Exception {
        var rules = new AuthorizationMatrix(node.baseUrl(), new Targets(node)).rules();
        assertEveryMappingHasARow(rules);
        var failures = new TreeMap<String, String>();
        for (var rule : rules) {
            for (var caller : AuthorizationMatrix.CALLERS) {
                String failure = check(rule, caller, rule.attempt().by(caller));
                if (failure != null) {
                    failures.put(rule.surface() + " × " + caller.label(), failure);
                }
            }
        }
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, MatrixDocument.render(rules), StandardCharsets.UTF_8);
        report(failures);
        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " exists (copy " + GENERATED + ")").isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/authorization.md matches the tested matrix; copy infra/target/authorization.md over it")
                .isEqualTo(Files.readString(GENERATED, StandardCharsets.UTF_8));
    }

    /** Every handler method Spring maps has a row (the public login page aside), so a new endpoint needs one. */
    private static void assertEveryMappingHasARow(List<Rule> rules) {
        var mapping = node.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        var mapped = new TreeSet<String>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("city.beacon")) {
                for (var verb : info.getMethodsCondition().getMethods()) {
                    for (var pattern : info.getPatternValues()) {
                        mapped.add(verb + " " + pattern.replaceAll("\\{[^}]+}", "{}"));
                    }
                }
            }
        });
        mapped.remove("GET /login");
        var rows = new TreeSet<String>();
        rules.forEach(rule -> rows.add(rule.surface().split("[?(]")[0].strip().replaceAll("\\{[^}]+}", "{}")));
        assertThat(rows).as("rows of the authorization matrix").containsAll(mapped);
    }

    private static String check(Rule rule, Caller caller, Attempt.Observed observed) {
        Outcome expected = rule.expected(caller);
        if (observed.allowed() == null) {
            return "neither allowed nor refused: " + observed.detail();
        }
        if (expected == Outcome.DENY && observed.allowed()) {
            return "allowed (" + observed.detail() + ") but must be refused";
        }
        if (expected != Outcome.DENY && !observed.allowed()) {
            return "refused (" + observed.detail() + ") but must be allowed";
        }
        if (expected == Outcome.REDACTED && !rule.isRedacted().test(observed.body())) {
            return "allowed but not redacted for a liaison: " + abbreviate(observed.body());
        }
        return null;
    }

    private static void report(Map<String, String> failures) {
        var known = new TreeMap<String, String>();
        var unexpected = new TreeMap<String, String>();
        failures.forEach((cell, failure) -> (KnownGaps.CELLS.containsKey(cell) ? known : unexpected).put(cell, failure));
        var nowPassing = new TreeSet<>(KnownGaps.CELLS.keySet());
        nowPassing.removeAll(failures.keySet());
        var out = new StringBuilder("\n=== Authorization matrix ===\nKnown gaps (issue 13 item → cell): ")
                .append(known.size()).append('\n');
        known.forEach((cell, failure) -> out.append("  [item ").append(KnownGaps.CELLS.get(cell)).append("] ")
                .append(cell).append("\n      ").append(failure).append('\n'));
        out.append("Unexpected: ").append(unexpected.size()).append('\n');
        unexpected.forEach((cell, failure) -> out.append("  ").append(cell).append("\n      ").append(failure).append('\n'));
        out.append("Listed as known but now passing (remove from KnownGaps): ").append(nowPassing).append('\n');
        System.out.println(out);
        assertThat(unexpected).as("matrix cells Beacon does not honour (not known gaps of issue 13)").isEmpty();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 400 ? text : text.substring(0, 400) + "…";
    }
}
