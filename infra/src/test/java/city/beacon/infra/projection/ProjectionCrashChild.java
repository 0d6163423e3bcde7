package city.beacon.infra.projection;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskRequestedEvent;
import city.beacon.infra.BeaconApplication;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import city.beacon.query.incident.IncidentProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.time.Instant;

/**
 * Run in a child JVM by {@link ProjectionCrashIT}: a whole Beacon node over the given data directory that halts
 * itself in the middle of an incident-detail batch ({@link HaltMidFlush}).
 * <ul>
 *   <li>{@code load}: schedules an acknowledgment deadline due in {@code args[2]} seconds (task {@link #PROBE_TASK}),
 *       then reports incidents from four clients until the halt;</li>
 *   <li>{@code replay}: resets the incident-detail processor, so the halt comes in the middle of its replay.</li>
 * </ul>
 */
public final class ProjectionCrashChild {
    static final TaskId PROBE_TASK = new TaskId("crash-probe-task");

    private ProjectionCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String data = args[0];
        String mode = args[1];
        var context = new SpringApplicationBuilder(BeaconApplication.class, HaltMidFlush.class)
                .profiles("demo")
                .run("--server.port=0", "--beacon.embedded-store.path=" + data + "/beacon.mv",
                        "--spring.main.banner-mode=off", "--beacon.test.deadline-probe=true",
                        "--beacon.test.halt-after=" + ("load".equals(mode) ? "60" : "30"));
        String baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        if ("replay".equals(mode)) {
            var processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(IncidentProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            return;   // the halt comes from the replay
        }
        var operator = new Http(baseUrl, "operator", "operator");
        var first = operator.post("/api/incidents", Reports.gasLeak("Crash probe"));
        var incident = new IncidentId(first.json().get("id").asText());
        var now = Instant.now();
        context.getBean(EventGateway.class).publish(new TaskRequestedEvent(PROBE_TASK, incident, Department.FIRE,
                "Stand by against ignition", Priority.CRITICAL, now.plusSeconds(Long.parseLong(args[2])), now));
        System.out.println("DUE " + now.plusSeconds(Long.parseLong(args[2])));
        System.out.flush();
        for (int c = 0; c < 4; c++) {
            int client = c;
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    operator.post("/api/incidents", Reports.gasLeak("Load " + client + "-" + i));
                }
            }).start();
        }
    }
}
