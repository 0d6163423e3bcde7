package city.beacon.web.cap;

import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IssuePublicWarningCommand;
import city.beacon.web.messaging.Commands;
import city.beacon.web.problem.Problems;
import city.beacon.web.security.CurrentActor;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * CAP 1.2: operators issue an incident's public warning ({@code POST /api/incidents/{id}/warnings}), anyone signed
 * in reads it as a CAP alert ({@code GET /api/incidents/{id}/cap}), and trusted agencies send alerts in
 * ({@code POST /api/cap/alerts}, XML, API key).
 */
@RestController
public class CapController {
    static final String ALERTS = "/api/cap/alerts";
    static final MediaType CAP_XML = MediaType.parseMediaType("application/cap+xml");
    private final Commands commands;
    private final CapAlerts alerts;
    private final CapProperties properties;
    private final ObjectMapper json;

    public CapController(Commands commands, CapAlerts alerts, CapProperties properties, ObjectMapper json) {
        this.commands = commands;
        this.alerts = alerts;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping("/api/incidents/{id}/warnings")
    ResponseEntity<Map<String, String>> issue(@PathVariable String id, Authentication user) {
        String identifier = commands.send(new IssuePublicWarningCommand(new IncidentId(id),
                properties.identifierPrefix()), CurrentActor.of(user));
        return ResponseEntity.created(URI.create("/api/incidents/" + id + "/cap"))
                .body(Map.of("identifier", identifier));
    }

    @GetMapping("/api/incidents/{id}/cap")
    ResponseEntity<String> export(@PathVariable String id) {
        return ResponseEntity.ok().contentType(CAP_XML).body(alerts.export(id));
    }

    /** 201 when the alert opened an incident, 200 when it changed one or had nothing to change. */
    @PostMapping(value = ALERTS, consumes = {"application/cap+xml", "application/xml", "text/xml"})
    ResponseEntity<CapAlerts.ImportedAlert> receive(HttpServletRequest request, Authentication agency)
            throws IOException {
        var imported = alerts.receive(boundedBody(request), agency.getName());
        if (imported.created()) {
            return ResponseEntity.created(URI.create("/api/incidents/" + imported.incidentId())).body(imported);
        }
        return ResponseEntity.ok(imported);
    }

    /** Refuses by the declared length before reading, and stops reading a chunked body at the limit. */
    private byte[] boundedBody(HttpServletRequest request) throws IOException {
        long limit = properties.maxAlertBytes();
        if (request.getContentLengthLong() > limit) {
            throw new AlertTooLargeException(limit);
        }
        var body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
        if (body.length > limit) {
            throw new AlertTooLargeException(limit);
        }
        return body;
    }

    /**
     * Written and flushed here: the container would otherwise first try to drain the unread body (up to its swallow
     * limit) and then close the connection, and the client could lose the answer.
     */
    @ExceptionHandler(AlertTooLargeException.class)
    void tooLarge(AlertTooLargeException e, HttpServletResponse response) throws IOException {
        var problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Alert too large",
                e.getMessage());
        var body = json.writeValueAsBytes(problem);
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
