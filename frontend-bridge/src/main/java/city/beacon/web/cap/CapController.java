package city.beacon.web.cap;

import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IssuePublicWarningCommand;
import city.beacon.web.messaging.Commands;
import city.beacon.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

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

    public CapController(Commands commands, CapAlerts alerts, CapProperties properties) {
        this.commands = commands;
        this.alerts = alerts;
        this.properties = properties;
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

    @PostMapping(value = ALERTS, consumes = {"application/cap+xml", "application/xml", "text/xml"})
    ResponseEntity<CapAlerts.ImportedAlert> receive(@RequestBody String xml, Authentication agency) {
        var imported = alerts.receive(xml, agency.getName());
        return ResponseEntity.created(URI.create("/api/incidents/" + imported.incidentId())).body(imported);
    }
}
