package city.beacon.web.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class StompLimitsConfiguration {
    /** {@code beacon.live.limits}: what one STOMP client may ask of Beacon (documented in application.yml). */
    @ConfigurationProperties("beacon.live.limits")
    public record LiveLimits(Integer subscriptionsPerSession, Integer subscriptionsPerUser, Integer burst,
                             Double framesPerSecond, DataSize maxFrameSize) {
        public LiveLimits {
            subscriptionsPerSession = subscriptionsPerSession == null ? 50 : subscriptionsPerSession;
            subscriptionsPerUser = subscriptionsPerUser == null ? 200 : subscriptionsPerUser;
            burst = burst == null ? 100 : burst;
            framesPerSecond = framesPerSecond == null ? 20.0 : framesPerSecond;
            maxFrameSize = maxFrameSize == null ? DataSize.ofKilobytes(16) : maxFrameSize;
        }
    }

    @Bean
    StompLimits stompLimits(LiveLimits limits, Clock clock) {
        return new StompLimits(new StompLimits.Limits(limits.subscriptionsPerSession(), limits.subscriptionsPerUser(),
                limits.burst(), limits.framesPerSecond()), clock);
    }
}
