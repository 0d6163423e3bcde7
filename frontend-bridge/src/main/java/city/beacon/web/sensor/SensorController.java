package city.beacon.web.sensor;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.sensor.FindSensorsQuery;
import city.beacon.api.sensor.SensorView;
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
import java.util.Map;

/**
 * The sensor registry: administrators register sensors ({@code POST /api/admin/sensors}); signed-in users list them
 * and read a sensor's recent readings.
 */
@RestController
public class SensorController {
    private final Commands commands;
    private final Queries queries;
    private final ReadingIntake intake;

    public SensorController(Commands commands, Queries queries, ReadingIntake intake) {
        this.commands = commands;
        this.queries = queries;
        this.intake = intake;
    }

    @PostMapping("/api/admin/sensors")
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody SensorRequest request, Authentication user) {
        var actor = CurrentActor.of(user);
        if (actor.role() != Role.ADMIN) {
            throw new NotPermittedException("only administrators register sensors");
        }
        commands.send(request.toCommand(), actor);
        return ResponseEntity.created(URI.create("/api/sensors/" + request.id())).body(Map.of("id", request.id()));
    }

    @GetMapping("/api/sensors")
    List<SensorView> sensors() {
        return queries.ask(new FindSensorsQuery(), ResponseTypes.multipleInstancesOf(SensorView.class));
    }

    @GetMapping("/api/sensors/{id}")
    SensorView sensor(@PathVariable String id) {
        return sensors().stream().filter(sensor -> sensor.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownResourceException("No sensor " + id));
    }

    @GetMapping("/api/sensors/{id}/readings")
    List<Map<String, Object>> readings(@PathVariable String id) {
        sensor(id);   // an unknown sensor is a 404, not an empty history
        return intake.recent(id);
    }
}
