package city.beacon.web.security.throttle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class LoginThrottleConfiguration {
    @Bean
    LoginThrottle loginThrottle(Clock clock, LoginThrottleProperties properties) {
        return new LoginThrottle(clock, properties.users(), properties.addresses());
    }

    @Bean
    LoginAttempts loginAttempts(LoginThrottle throttle) {
        return new LoginAttempts(throttle);
    }
}
