package city.beacon.infra.benchhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A message shaped and sized like a board delta (about 1 KB), for the live baseline. */
final class FixedMessage {
    private FixedMessage() { }

    static Map<String, Object> board(String topic, String marker) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "00000000-0000-0000-0000-000000000000");
        row.put("number", "20200101-0001");
        row.put("type", "GAS_LEAK");
        row.put("severity", "SEVERE");
        row.put("urgency", "IMMEDIATE");
        row.put("certainty", "OBSERVED");
        row.put("status", "REPORTED");
        row.put("location", Map.of("point", Map.of("lat", 31.2304, "lon", 121.4737), "address", "Nanjing Road 100"));
        row.put("summary", marker);
        row.put("drill", false);
        row.put("readyToContain", false);
        row.put("reportedAt", "2020-01-01T00:00:00Z");
        row.put("lastChangedAt", "2020-01-01T00:00:00Z");
        row.put("taskCounts", Map.of("REQUESTED", 6));
        row.put("overdueTasks", 0);
        row.put("escalatedTasks", 0);
        row.put("tasks", List.of(
                Map.of("taskId", "t1", "department", "GAS_UTILITY", "status", "REQUESTED", "escalationLevel", 0),
                Map.of("taskId", "t2", "department", "FIRE", "status", "REQUESTED", "escalationLevel", 0),
                Map.of("taskId", "t3", "department", "POLICE", "status", "REQUESTED", "escalationLevel", 0)));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("topic", topic);
        message.put("kind", "DELTA");
        message.put("version", 0);
        message.put("at", "2020-01-01T00:00:00Z");
        message.put("payload", Map.of("row", row));
        return message;
    }
}
