package city.beacon.infra.response;

import city.beacon.saga.notify.DepartmentNotifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The response saga needs a DepartmentNotifier. An auto-configuration (listed in
 * META-INF/spring/...AutoConfiguration.imports) rather than a plain @Configuration, because only auto-configurations
 * are evaluated after every application bean, which makes "only if no adapter exists" reliable.
 */
@AutoConfiguration
public class ResponseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DepartmentNotifier.class)
    DepartmentNotifier loggingDepartmentNotifier() {
        return new LoggingDepartmentNotifier();
    }
}
