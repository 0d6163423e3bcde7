package city.beacon.web.audit;

import city.beacon.api.audit.AuditActor;
import city.beacon.api.audit.AuditEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident's history as files an auditor keeps: JSON Lines (one {@link AuditEvent} per line, exactly the API's
 * JSON) and CSV (RFC 4180, one row per event, the payload as its JSON text). Both read back into the same events
 * ({@link #readJsonLines}, {@link #readCsv}), payloads as JSON trees.
 */
public final class AuditExports {
    static final List<String> COLUMNS = List.of("position", "eventId", "time", "type", "payloadType", "aggregateId",
            "sequence", "actorUserId", "actorRole", "actorDepartment", "correlationId", "causationId",
            "triggerEventId", "payload");

    private AuditExports() { }

    public static String jsonLines(List<AuditEvent> events, ObjectMapper json) {
        var out = new StringBuilder();
        for (AuditEvent event : events) {
            try {
                out.append(json.writeValueAsString(event)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event " + event.position() + " cannot be written as JSON", e);
            }
        }
        return out.toString();
    }

    public static List<AuditEvent> readJsonLines(String text, ObjectMapper json) throws JsonProcessingException {
        List<AuditEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                events.add(eventOf(node, node.get("payload"), json));
            }
        }
        return events;
    }

    public static String csv(List<AuditEvent> events, ObjectMapper json) {
        var out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AuditEvent e : events) {
            AuditActor actor = e.actor();
            List<String> cells;
            try {
                cells = java.util.Arrays.asList(Long.toString(e.position()), e.eventId(), e.time().toString(), e.type(),
                        e.payloadType(), e.aggregateId(), Long.toString(e.sequence()),
                        actor == null ? null : actor.userId(), actor == null ? null : actor.role(),
                        actor == null ? null : actor.department(), e.correlationId(), e.causationId(),
                        e.triggerEventId(), json.writeValueAsString(e.payload()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("event " + e.position() + " cannot be written as JSON", ex);
            }
            List<String> quoted = new ArrayList<>();
            for (String cell : cells) {
                quoted.add(cell == null ? "" : "\"" + cell.replace("\"", "\"\"") + "\"");
            }
            out.append(String.join(",", quoted)).append("\r\n");
        }
        return out.toString();
    }

    /** Reads what {@link #csv} wrote; an empty unquoted cell is a missing value. */
    public static List<AuditEvent> readCsv(String text, ObjectMapper json) throws JsonProcessingException {
        List<List<String>> rows = rows(text);
        List<AuditEvent> events = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, expected " + COLUMNS.size());
            }
            var node = json.createObjectNode();
            node.put("position", Long.parseLong(row.get(0)));
            node.put("eventId", row.get(1));
            node.put("time", row.get(2));
            node.put("type", row.get(3));
            node.put("payloadType", row.get(4));
            node.put("aggregateId", row.get(5));
            node.put("sequence", Long.parseLong(row.get(6)));
            if (row.get(7) != null) {
                node.putObject("actor").put("userId", row.get(7)).put("role", row.get(8)).put("department", row.get(9));
            }
            node.put("correlationId", row.get(10));
            node.put("causationId", row.get(11));
            node.put("triggerEventId", row.get(12));
            events.add(eventOf(node, json.readTree(row.get(13)), json));
        }
        return events;
    }

    private static AuditEvent eventOf(JsonNode node, JsonNode payload, ObjectMapper json) {
        JsonNode actor = node.get("actor");
        return new AuditEvent(node.get("position").asLong(), text(node, "eventId"), Instant.parse(text(node, "time")),
                text(node, "type"), text(node, "payloadType"), text(node, "aggregateId"), node.get("sequence").asLong(),
                payload,
                actor == null || actor.isNull() ? null
                        : new AuditActor(text(actor, "userId"), text(actor, "role"), text(actor, "department")),
                text(node, "correlationId"), text(node, "causationId"), text(node, "triggerEventId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** RFC 4180 rows; a cell that was quoted is kept (even empty), an unquoted empty cell is null. */
    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n') {
                row.add(cell.length() == 0 && !wasQuoted ? null : cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || wasQuoted || !row.isEmpty()) {
            row.add(cell.length() == 0 && !wasQuoted ? null : cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
