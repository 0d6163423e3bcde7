package city.beacon.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** Users who may sign in; the demo profile lists the demo users (README). */
@ConfigurationProperties(prefix = "beacon.security")
public record SecurityProperties(List<UserAccount> users) {
    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
