package city.beacon.web.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** REST request bodies are read with {@link StrictJson}; the application's mapper (and Axon's) stays as it is. */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfiguration implements WebMvcConfigurer {
    private final ObjectMapper objectMapper;

    public WebJsonConfiguration(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        ObjectMapper strict = StrictJson.copyOf(objectMapper);
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict);
            }
        }
    }
}
