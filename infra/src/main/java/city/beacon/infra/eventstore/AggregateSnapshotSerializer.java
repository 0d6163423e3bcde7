package city.beacon.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Serializes aggregates for snapshots. An aggregate keeps its state in private fields with no getters (STYLE: minimal
 * state, decide then apply), which the general serializer cannot see: this one reads and writes fields directly and
 * ignores methods, so no aggregate needs Jackson annotations in the domain module.
 */
public final class AggregateSnapshotSerializer {
    private AggregateSnapshotSerializer() {
    }

    public static Serializer create() {
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
