package city.beacon.web.console;

import city.beacon.web.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: the signed-in user's name, role and (for a liaison) department. */
@RestController
public class SignedInUserController {

    @GetMapping("/api/me")
    SignedInUser me(Authentication user) {
        var actor = CurrentActor.of(user);
        return new SignedInUser(actor.userId(), actor.role().name(),
                actor.department() == null ? null : actor.department().code());
    }
}
