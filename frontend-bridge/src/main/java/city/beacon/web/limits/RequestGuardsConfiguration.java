package city.beacon.web.limits;

import city.beacon.web.security.MalformedOriginFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Checks that run on every request before anything else, Spring Security included: body size, then Origin. */
@Configuration(proxyBeanMethods = false)
public class RequestGuardsConfiguration {
    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(BodyLimits limits, ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new BodySizeFilter(limits, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<MalformedOriginFilter> malformedOriginFilter(ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(new MalformedOriginFilter(objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} at once by default, inviting the client to send a body Beacon is
     * about to refuse; "onRead" sends the 100 only when the body is read, so a refused body is never sent.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenBodyIsRead() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
