package city.beacon.web.incident;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.incident.*;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.UnknownResourceException;
import city.beacon.web.security.CurrentActor;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Reporting and reading incidents: {@code POST /api/incidents}, {@code GET /api/incidents/{id}}. */
@RestController
@RequestMapping("/api/incidents")
public class IncidentController {
    private final Commands commands;
    private final Queries queries;

    public IncidentController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<ReportedIncident> report(@Valid @RequestBody ReportIncidentRequest request, Authentication user) {
        var actor = CurrentActor.of(user);
        IncidentReportReceipt receipt = commands.send(request.toCommand(IncidentId.random(), actor.userId()), actor);
        var id = receipt.incidentId().value();
        return ResponseEntity.created(URI.create("/api/incidents/" + id))
                .body(new ReportedIncident(id, receipt.number().value()));
    }

    /**
     * The live board: active incidents, newest first. {@code bbox=south,west,north,east}; {@code drills=false}
     * hides exercises.
     */
    @GetMapping
    List<BoardRowView> board(@RequestParam(required = false) Set<IncidentStatus> status,
                             @RequestParam(required = false) Set<IncidentType> type,
                             @RequestParam(required = false) Set<Severity> severity,
                             @RequestParam(required = false) String bbox,
                             @RequestParam(defaultValue = "true") boolean drills) {
        var query = new FindBoardQuery(status, type, severity, BoundingBoxParameter.parse(bbox), drills);
        return queries.ask(query, ResponseTypes.multipleInstancesOf(BoardRowView.class));
    }

    @GetMapping("/{id}")
    IncidentView find(@PathVariable String id, Authentication user) {
        var incident = queries.ask(new FindIncidentQuery(new IncidentId(id)),
                        ResponseTypes.optionalInstanceOf(IncidentView.class))
                .orElseThrow(() -> new UnknownResourceException("No incident " + id));
        return LiaisonRedaction.forReader(CurrentActor.of(user).role(), incident);
    }
}
