package city.beacon.infra.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What "redacted for a liaison" means (issue 13 item 1): no reporter, no source reference, no internal note's text,
 * and no reporter as the actor of the timeline's first line — in every shape an incident reaches a liaison.
 */
final class Redacted {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Redacted() { }

    static boolean incident(String body) {
        return body != null && !body.contains(Targets.SECRET_NOTE) && incidentNode(read(body));
    }

    /** A JSON array of incidents or board rows. */
    static boolean incidents(String body) {
        if (body == null || body.contains(Targets.SECRET_NOTE)) {
            return false;
        }
        for (JsonNode element : read(body)) {
            if (!incidentNode(element)) {
                return false;
            }
        }
        return true;
    }

    /** A live-feed message whose payload is an incident or a list of board rows. */
    static boolean liveMessage(String body) {
        if (body == null || body.contains(Targets.SECRET_NOTE)) {
            return false;
        }
        JsonNode payload = read(body).path("payload");
        if (payload.isArray()) {
            for (JsonNode element : payload) {
                if (!incidentNode(element)) {
                    return false;
                }
            }
            return true;
        }
        return incidentNode(payload);
    }

    /** A page of the timeline: no note's text, and the first page's first line does not name the reporter. */
    static boolean timelinePage(String body) {
        if (body == null || body.contains(Targets.SECRET_NOTE)) {
            return false;
        }
        JsonNode page = read(body);
        JsonNode firstActor = page.path("lines").path(0).path("actorId");
        return page.path("page").asInt(-1) != 0 || !Targets.REPORTER.equals(firstActor.asText(null));
    }

    static boolean capAlert(String xml) {
        return xml != null && !xml.contains(Targets.SECRET_NOTE) && !xml.contains(">" + Targets.REPORTER + "<");
    }

    private static boolean incidentNode(JsonNode incident) {
        boolean noReporter = incident.path("reportedBy").isMissingNode() || incident.path("reportedBy").isNull();
        JsonNode reference = incident.path("source").path("reference");
        boolean noReference = reference.isMissingNode() || reference.isNull();
        JsonNode firstActor = incident.path("timeline").path(0).path("actorId");
        boolean firstLineAnonymous = !Targets.REPORTER.equals(firstActor.asText(null));
        return noReporter && noReference && firstLineAnonymous;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
