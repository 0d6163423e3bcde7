package city.beacon.web.demo;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.web.security.CurrentActor;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The console's "play gas-leak drill" button (demo profile only; elsewhere these paths are 404, and the console
 * hides the button): {@code GET /api/demo/drills}, {@code POST /api/demo/drills/gas-leak} → 202 with the incident.
 */
@RestController
@Profile("demo")
public class DrillController {
    private final Drills player;

    public DrillController(Drills player) {
        this.player = player;
    }

    @GetMapping("/api/demo/drills")
    List<String> drills() {
        return List.of("gas-leak");
    }

    @PostMapping("/api/demo/drills/gas-leak")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> playGasLeak(Authentication user) {
        var role = CurrentActor.of(user).role();
        if (role != Role.OPERATOR && role != Role.ADMIN) {
            throw new NotPermittedException("only operators start drills");
        }
        var receipt = player.playGasLeak();
        return Map.of("incidentId", receipt.incidentId().value(), "number", receipt.number().value());
    }
}
