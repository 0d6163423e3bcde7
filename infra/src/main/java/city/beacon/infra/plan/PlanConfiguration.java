package city.beacon.infra.plan;

import city.beacon.api.common.Department;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashSet;

/** Loads the response plans from {@code plans.yml} and checks them before anything can be dispatched. */
@Configuration(proxyBeanMethods = false)
public class PlanConfiguration {

    @Bean
    ConfiguredResponsePlans responsePlans(PlansProperties properties) {
        return ConfiguredResponsePlans.from(properties, new HashSet<>(Department.STANDARD));
    }
}
