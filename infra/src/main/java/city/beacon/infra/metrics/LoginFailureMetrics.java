package city.beacon.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

/**
 * Failed sign-ins (console form and HTTP Basic) by reason ({@code beacon.login.failures}): a burst of bad
 * credentials is someone guessing. The user name is deliberately not a tag: it would be unbounded and would record
 * what attackers typed.
 */
class LoginFailureMetrics {
    private final MeterRegistry registry;

    LoginFailureMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Counter.builder("beacon.login.failures")
                .description("Failed sign-ins, by reason")
                .tag("reason", reason(event))
                .register(registry).increment();
    }

    private static String reason(AbstractAuthenticationFailureEvent event) {
        String type = event.getException().getClass().getSimpleName();
        return switch (type) {
            case "BadCredentialsException", "UsernameNotFoundException" -> "bad_credentials";
            case "DisabledException", "LockedException", "AccountExpiredException", "CredentialsExpiredException" ->
                    "account_unusable";
            default -> "other";
        };
    }
}
