package city.beacon.web.incident;

import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.*;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import city.beacon.web.security.CurrentActor;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

/** The operator's actions on an incident: {@code POST /api/incidents/{id}/{action}}; each answers 204. */
@RestController
@RequestMapping("/api/incidents/{id}")
public class IncidentActionController {
    private final Commands commands;
    private final Queries queries;

    public IncidentActionController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(@PathVariable String id, Authentication user) {
        return send(new ConfirmIncidentCommand(new IncidentId(id)), user);
    }

    @PostMapping("/reclassify")
    ResponseEntity<Void> reclassify(@PathVariable String id, @Valid @RequestBody ReclassifyRequest body,
                                    Authentication user) {
        return send(new ReclassifyIncidentCommand(new IncidentId(id), body.type(), body.severity(), body.urgency(),
                body.certainty(), body.reason()), user);
    }

    @PostMapping("/location")
    ResponseEntity<Void> location(@PathVariable String id, @Valid @RequestBody LocationRequest body,
                                  Authentication user) {
        return send(new UpdateIncidentLocationCommand(new IncidentId(id), body.toLocation()), user);
    }

    @PostMapping("/notes")
    ResponseEntity<Void> note(@PathVariable String id, @Valid @RequestBody NoteRequest body, Authentication user) {
        return send(new AddIncidentNoteCommand(new IncidentId(id), body.text()), user);
    }

    @PostMapping("/contain")
    ResponseEntity<Void> contain(@PathVariable String id, Authentication user) {
        return send(new ContainIncidentCommand(new IncidentId(id)), user);
    }

    @PostMapping("/resolve")
    ResponseEntity<Void> resolve(@PathVariable String id, @Valid @RequestBody(required = false) ResolveRequest body,
                                 Authentication user) {
        return send(new ResolveIncidentCommand(new IncidentId(id), body == null ? null : body.resolution()), user);
    }

    @PostMapping("/close")
    ResponseEntity<Void> close(@PathVariable String id, Authentication user) {
        return send(new CloseIncidentCommand(new IncidentId(id)), user);
    }

    @PostMapping("/cancel")
    ResponseEntity<Void> cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest body, Authentication user) {
        return send(new CancelIncidentCommand(new IncidentId(id), body.reason()), user);
    }

    @PostMapping("/merge")
    ResponseEntity<Void> merge(@PathVariable String id, @Valid @RequestBody MergeRequest body, Authentication user) {
        var target = queries.ask(new FindIncidentQuery(new IncidentId(body.into())),
                ResponseTypes.optionalInstanceOf(IncidentView.class));
        if (target.isEmpty()) {
            throw new RuleViolationException("into", "no incident " + body.into());
        }
        if (target.get().status().hasEnded()) {
            throw new RuleViolationException("into", "incident " + target.get().number() + " is "
                    + target.get().status() + " and cannot take duplicates");
        }
        return send(new MergeIncidentCommand(new IncidentId(id), new IncidentId(body.into())), user);
    }

    private ResponseEntity<Void> send(Object command, Authentication user) {
        commands.send(command, CurrentActor.of(user));
        return ResponseEntity.noContent().build();
    }
}
