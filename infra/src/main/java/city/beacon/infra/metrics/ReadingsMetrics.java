package city.beacon.infra.metrics;

import city.beacon.web.sensor.ReadingOutcome;
import city.beacon.web.sensor.ReadingsResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts sensor readings by result and reason ({@code beacon.sensor.readings}) from the answer the gateway gets, so
 * readings refused before they reach the intake (malformed ones) are counted too.
 */
@ControllerAdvice
class ReadingsMetrics implements ResponseBodyAdvice<Object> {
    private final MeterRegistry registry;

    ReadingsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return ReadingsResponse.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ReadingsResponse readings) {
            for (ReadingOutcome outcome : readings.results()) {
                Counter.builder("beacon.sensor.readings")
                        .description("Sensor readings received, by result (accepted, rejected) and rejection reason")
                        .tag("result", outcome.result().toLowerCase())
                        .tag("reason", outcome.reason() == null ? "none" : outcome.reason().toLowerCase())
                        .register(registry).increment();
            }
        }
        return body;
    }
}
