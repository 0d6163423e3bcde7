package city.beacon.infra.department;

import city.beacon.api.common.Department;
import city.beacon.infra.department.FakeDepartmentSystem.Reply;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 3, through a whole Beacon node and real HTTP: of four departments' systems, one stays healthy while
 * one stops answering in time, one answers 500 and one refuses connections, for 20 s (the 60 s shortened to
 * keep CI quick; nothing here depends on the length). Operators must not notice, and once the systems return each
 * gets every notice it missed, in the order Beacon issued them, each under one idempotency key.
 */
class DeadDepartmentsIT {
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int SAMPLES = 15;
    private static final Duration DEPARTMENT_TIME_LIMIT = Duration.ofMillis(500);
    private static final List<Department> DEAD = List.of(Department.POLICE, Department.GAS_UTILITY, Department.TRAFFIC);

    private final List<FakeDepartmentSystem> systems = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopSystems() {
        systems.forEach(FakeDepartmentSystem::close);
    }

    @Test
    void deadDepartmentsNeitherSlowOperatorsNorLoseNoticesWhichArriveInOrderOncePerKeyWhenTheyReturn(
            @TempDir Path data) {
        var fire = system(FakeDepartmentSystem.answering(Reply.ok()));
        var police = system(FakeDepartmentSystem.answering(Reply.ok()));
        var gas = system(FakeDepartmentSystem.answering(Reply.ok()));
        var trafficBefore = system(FakeDepartmentSystem.answering(Reply.ok()));
        URI trafficUrl = trafficBefore.url("/tasks");
        try (var node = BeaconNode.start(data,
                "--beacon.departments.fire.webhook-url=" + fire.url("/tasks"),
                "--beacon.departments.police.webhook-url=" + police.url("/tasks"),
                "--beacon.departments.gas_utility.webhook-url=" + gas.url("/tasks"),
                "--beacon.departments.traffic.webhook-url=" + trafficUrl,
                "--resilience4j.timelimiter.configs.department.timeout-duration=" + DEPARTMENT_TIME_LIMIT,
                "--resilience4j.circuitbreaker.configs.department.wait-duration-in-open-state=2s",
                "--beacon.department-notifier.first-retry-after=200ms",
                "--beacon.department-notifier.max-retry-after=1s")) {
            var operator = node.as("operator");
            var admin = node.as("admin");
            var notifier = node.bean(WebhookDepartmentNotifier.class);

            reportAndConfirm(operator, 3, "warm-up");
            awaitNothingPending(notifier, Duration.ofSeconds(120));
            List<Long> healthy = reportAndConfirm(operator, SAMPLES, "healthy");
            awaitNothingPending(notifier, Duration.ofSeconds(120));

            // The outage: a system that takes 5 s (time limit 500 ms), one answering 500, one not listening.
            long outageStart = System.nanoTime();
            police.answerFromNowOn(Reply.slow(Duration.ofSeconds(5)));
            gas.answerFromNowOn(Reply.status(500));
            trafficBefore.close();
            List<Long> dead = reportAndConfirm(operator, SAMPLES, "dead");
            // Cancelling queues TASK_CANCELLED notices behind the same tasks' NEW_TASK notices.
            reportAndConfirm(operator, 2, "to be cancelled");
            cancelledIncidents.addAll(lastIncidents);
            for (String id : List.copyOf(lastIncidents)) {
                assertThat(operator.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"false alarm\"}")
                        .status()).isEqualTo(204);
            }

            await().atMost(OUTAGE.plusSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() ->
                    DEAD.stream().allMatch(d -> "OPEN".equals(adminView(admin, d).path("circuit").asText())));
            var gasView = adminView(admin, Department.GAS_UTILITY);
            assertThat(gasView.path("hasSystem").asBoolean()).isTrue();
            assertThat(gasView.path("pending").asInt()).isPositive();
            assertThat(gasView.path("lastFailure").asText()).startsWith("HTTP 500");
            assertThat(adminView(admin, Department.POLICE).path("lastFailure").asText()).contains("timed out");
            assertThat(adminView(admin, Department.TRAFFIC).path("lastFailure").asText()).contains("could not connect");
            var fireView = adminView(admin, Department.FIRE);
            assertThat(fireView.path("circuit").asText()).isEqualTo("CLOSED");
            assertThat(adminView(admin, Department.WATER).path("hasSystem").asBoolean()).isFalse();
            assertThat(operator.get("/api/admin/departments").status()).isEqualTo(403);
            var health = admin.get("/actuator/health").json();
            assertThat(health.at("/components/departments/status").asText()).isEqualTo("UP");
            // By now its open circuit may be letting its one probe through (HALF_OPEN); never CLOSED while dead.
            assertThat(health.at("/components/departments/details/GAS_UTILITY/circuit").asText())
                    .isIn("OPEN", "HALF_OPEN");
            assertThat(admin.get("/actuator/health/readiness").json().path("status").asText())
                    .as("a dead department does not make Beacon unready").isEqualTo("UP");

            long remaining = OUTAGE.toNanos() - (System.nanoTime() - outageStart);
            if (remaining > 0) {
                await().atMost(OUTAGE.plusSeconds(5)).pollDelay(Duration.ofNanos(remaining)).until(() -> true);
            }
            Map<Department, List<String>> waiting = new LinkedHashMap<>();
            DEAD.forEach(d -> waiting.put(d, notifier.pendingKeys(d)));
            DEAD.forEach(d -> assertThat(waiting.get(d)).as(d + " notices waiting").isNotEmpty());
            assertThat(notifier.pendingKeys(Department.FIRE)).isEmpty();
            assertThat(registry(node).find("beacon.department.deliveries").tag("outcome", "given_up").counter())
                    .as("nothing given up during the outage").isNull();

            // They return.
            police.answerFromNowOn(Reply.ok());
            gas.answerFromNowOn(Reply.ok());
            var trafficAfter = system(FakeDepartmentSystem.at(trafficUrl, Reply.ok()));
            long returned = System.nanoTime();
            var everySystem = List.of(fire, police, gas, trafficBefore, trafficAfter);
            // Every task Beacon requested from the four departments must reach them (its NEW_TASK notice), and the
            // cancelled incidents' TASK_CANCELLED notices too, however far behind the saga was on a busy machine.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .conditionEvaluationListener(condition -> {
                        if (condition.getElapsedTimeInMS() % 20_000 < 2_000) {
                            System.out.printf("tasks not yet told: %s; %s%n", untold(operator, everySystem),
                                    notifier.departments().stream().filter(x -> x.pending() > 0).toList());
                        }
                    })
                    .until(() -> untold(operator, everySystem).isEmpty()
                            && List.of("FIRE", "POLICE", "GAS_UTILITY", "TRAFFIC").stream()
                            .allMatch(d -> incidentsTold(everySystem, d, "TASK_CANCELLED") == 2));
            awaitNothingPending(notifier, Duration.ofSeconds(60));
            long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - returned);

            Map<Department, FakeDepartmentSystem> after = Map.of(Department.POLICE, police,
                    Department.GAS_UTILITY, gas, Department.TRAFFIC, trafficAfter);
            for (var department : DEAD) {
                var seen = after.get(department).firstArrivals();
                assertThat(seen.stream().filter(waiting.get(department)::contains).toList())
                        .as(department + " received what waited in the order Beacon issued it")
                        .isEqualTo(waiting.get(department));
            }
            Map<String, String> bodyByKey = new HashMap<>();
            for (var system : everySystem) {
                for (var received : system.received()) {
                    String earlier = bodyByKey.putIfAbsent(received.idempotencyKey(), received.body());
                    assertThat(earlier == null || earlier.equals(received.body()))
                            .as("one key, one notice").isTrue();
                }
            }
            assertThat(bodyByKey.values()).as("one notice, one key").doesNotHaveDuplicates();
            for (var department : List.of(Department.FIRE, Department.POLICE, Department.GAS_UTILITY,
                    Department.TRAFFIC)) {
                long keys = bodyByKey.values().stream().filter(body -> department(body).equals(department.code()))
                        .count();
                assertThat(deliveries(node, department, "delivered"))
                        .as(department + ": Beacon recorded each notice delivered exactly once").isEqualTo(keys);
            }
            assertThat(registry(node).find("beacon.department.deliveries").counters())
                    .allMatch(counter -> counter.getId().getTag("outcome").equals("delivered"));
            assertThat(admin.get("/api/admin/departments").json().findValuesAsText("circuit"))
                    .doesNotContain("OPEN");

            System.out.printf("report+confirm ms, all departments healthy: p50 %d, p99 %d; three dead for %d s: "
                            + "p50 %d, p99 %d (%d samples each); backlog drained %d ms after they returned "
                            + "(POLICE %d, GAS_UTILITY %d, TRAFFIC %d notices waiting)%n",
                    percentile(healthy, 50), percentile(healthy, 99), OUTAGE.toSeconds(), percentile(dead, 50),
                    percentile(dead, 99), SAMPLES, drainMs, waiting.get(Department.POLICE).size(),
                    waiting.get(Department.GAS_UTILITY).size(), waiting.get(Department.TRAFFIC).size());
            // Loose on purpose (a shared 2-core machine): the figures above are the measurement. An operator held
            // up by a dead department would wait for its time limit (500 ms) on top of the healthy figure.
            assertThat(percentile(dead, 50)).as("p50 with departments dead vs healthy, ms")
                    .isLessThan(percentile(healthy, 50) + DEPARTMENT_TIME_LIMIT.toMillis());
        }
    }

    private final List<String> lastIncidents = new ArrayList<>();
    private final List<String> allIncidents = new ArrayList<>();
    private final List<String> cancelledIncidents = new ArrayList<>();

    /** Reports and confirms {@code count} incidents one after another; the time each pair took, in ms. */
    private List<Long> reportAndConfirm(Http operator, int count, String label) {
        lastIncidents.clear();
        var millis = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            var created = operator.post("/api/incidents", Reports.gasLeak("Pressure drop, " + label + " " + i));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            lastIncidents.add(id);
            allIncidents.add(id);
        }
        return millis;
    }

    private static void awaitNothingPending(WebhookDepartmentNotifier notifier, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() ->
                notifier.departments().stream().allMatch(status -> status.pending() == 0));
    }

    private static JsonNode adminView(Http admin, Department department) {
        for (JsonNode row : admin.get("/api/admin/departments").json()) {
            if (row.path("department").asText().equals(department.code())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + department);
    }

    private static MeterRegistry registry(BeaconNode node) {
        return node.bean(MeterRegistry.class);
    }

    private static long deliveries(BeaconNode node, Department department, String outcome) {
        var counter = registry(node).find("beacon.department.deliveries").tag("department", department.code())
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : Math.round(counter.count());
    }

    /** Tasks of the four departments in Beacon's incident views whose NEW_TASK notice no system received yet. */
    private List<String> untold(Http operator, List<FakeDepartmentSystem> systems) {
        var told = systems.stream().flatMap(system -> system.received().stream())
                .map(received -> read(received.body()))
                .filter(body -> body.path("kind").asText().equals("NEW_TASK"))
                .map(body -> body.path("taskId").asText())
                .collect(java.util.stream.Collectors.toSet());
        var untold = new ArrayList<String>();
        // A cancelled incident's saga ends at once, so tasks it requested just before are never announced (only
        // cancelled): those are left out here and checked through their TASK_CANCELLED notices.
        for (String incident : allIncidents) {
            if (cancelledIncidents.contains(incident)) {
                continue;
            }
            for (JsonNode task : operator.get("/api/incidents/" + incident).json().path("tasks")) {
                String department = task.path("department").asText();
                if (List.of("FIRE", "POLICE", "GAS_UTILITY", "TRAFFIC").contains(department)
                        && !told.contains(task.path("taskId").asText())) {
                    untold.add(department + "/" + task.path("taskId").asText());
                }
            }
        }
        return untold;
    }

    /** How many incidents' notices of this kind reached the department's systems. */
    private long incidentsTold(List<FakeDepartmentSystem> systems, String department, String kind) {
        return systems.stream().flatMap(system -> system.received().stream())
                .map(received -> read(received.body()))
                .filter(body -> body.path("department").asText().equals(department)
                        && body.path("kind").asText().equals(kind))
                .map(body -> body.path("incidentId").asText())
                .distinct().count();
    }

    private String department(String body) {
        return read(body).path("department").asText();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static long percentile(List<Long> samples, int percent) {
        var sorted = samples.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private FakeDepartmentSystem system(FakeDepartmentSystem system) {
        systems.add(system);
        return system;
    }
}
