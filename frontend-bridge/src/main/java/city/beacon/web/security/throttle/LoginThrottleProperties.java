package city.beacon.web.security.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code beacon.security.login-throttle}: free failed attempts per user name and per client address, then a lockout
 * that doubles with each further failure up to {@code max-lockout}.
 */
@ConfigurationProperties("beacon.security.login-throttle")
public record LoginThrottleProperties(Integer userAttempts, Integer addressAttempts, Duration firstLockout,
                                      Duration maxLockout, Integer maxTracked) {
    public LoginThrottleProperties {
        userAttempts = userAttempts == null ? 5 : userAttempts;
        addressAttempts = addressAttempts == null ? 50 : addressAttempts;
        firstLockout = firstLockout == null ? Duration.ofSeconds(30) : firstLockout;
        maxLockout = maxLockout == null ? Duration.ofMinutes(15) : maxLockout;
        maxTracked = maxTracked == null ? 10_000 : maxTracked;
    }

    LoginThrottle.Policy users() {
        return new LoginThrottle.Policy(userAttempts, firstLockout, maxLockout, maxTracked);
    }

    LoginThrottle.Policy addresses() {
        return new LoginThrottle.Policy(addressAttempts, firstLockout, maxLockout, maxTracked);
    }
}
