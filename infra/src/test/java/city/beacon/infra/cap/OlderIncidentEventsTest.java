package city.beacon.infra.cap;

import city.beacon.api.incident.IncidentLocationUpdatedEvent;
import city.beacon.api.incident.IncidentReportedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Location gained areaCodes and basis, IncidentSource gained externalEvent. Events stored before carry neither:
 * they must still read, as coordinates given and no external event (no upcaster needed, asserted here).
 */
class OlderIncidentEventsTest {
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class,
                new SimpleSerializedType(type.getName(), null)));
    }

    @Test
    void aReportedEventStoredBeforeTheNewFieldsReadsAsCoordinatesGiven() {
        var event = read("""
                {"incidentId":{"value":"i-1"},"number":{"value":"20261128-0042"},"type":"FLOOD",
                 "severity":"SEVERE","urgency":"EXPECTED","certainty":"LIKELY",
                 "location":{"point":{"lat":31.24,"lon":121.48},"address":"Suzhou Creek",
                             "area":{"center":{"lat":31.24,"lon":121.48},"radiusMeters":1500.0,"polygon":null}},
                 "summary":"River rising","source":{"kind":"EXTERNAL_ALERT","reference":"wb-1"},
                 "drill":false,"reportedAt":"2026-11-28T08:00:00Z"}""", IncidentReportedEvent.class);
        assertThat(event.location().basis()).isNull();
        assertThat(event.location().areaCodes()).isNull();
        assertThat(event.location().area().radiusMeters()).isEqualTo(1500.0);
        assertThat(event.source().reference()).isEqualTo("wb-1");
        assertThat(event.source().externalEvent()).isNull();
    }

    @Test
    void aLocationUpdateWithoutTheNewFieldsReads() {
        var event = read("""
                {"incidentId":{"value":"i-1"},"location":{"point":{"lat":31.2,"lon":121.4},"address":null,
                 "area":null},"updatedAt":"2026-11-28T08:00:00Z"}""", IncidentLocationUpdatedEvent.class);
        assertThat(event.location().point().lat()).isEqualTo(31.2);
        assertThat(event.location().basis()).isNull();
    }
}
