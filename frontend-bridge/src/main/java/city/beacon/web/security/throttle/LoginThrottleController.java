package city.beacon.web.security.throttle;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.web.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/admin/login-throttle}: for administrators, whose failed sign-ins are counted and who is locked. */
@RestController
public class LoginThrottleController {
    private final LoginThrottle throttle;

    public LoginThrottleController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/api/admin/login-throttle")
    List<LoginThrottle.Entry> entries(Authentication user) {
        if (CurrentActor.of(user).role() != Role.ADMIN) {
            throw new NotPermittedException("only administrators see the login throttle");
        }
        return throttle.entries();
    }
}
