package city.beacon.web.security;

import city.beacon.api.common.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** The actor behind a request, as recorded on the commands it sends. */
public final class CurrentActor {
    private CurrentActor() { }

    public static Actor of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof BeaconUser user) {
            return user.actor();
        }
        throw new AccessDeniedException("not signed in as a Beacon user");
    }
}
