package city.beacon.saga.response;

import city.beacon.api.common.Department;
import city.beacon.api.task.RequestTaskCommand;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static city.beacon.saga.response.IncidentResponseSagaTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The saga store keeps sagas as JSON (Axon's Jackson serializer): a saga in mid-response must survive the trip. */
class IncidentResponseSagaSerializationTest {

    @Test
    void aSagaWithTasksAndDeadlinesReadsBackUnchanged() throws Exception {
        var bus = SimpleCommandBus.builder().build();
        bus.subscribe(RequestTaskCommand.class.getName(), command -> null);
        var commands = DefaultCommandGateway.builder().commandBus(bus).build();
        var plans = new TestPlans();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var deadlines = new StubDeadlineManager(NOW);

        var saga = new IncidentResponseSaga();
        new SagaInstance().run(() -> {   // deadlines are scheduled in the scope of the running saga
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clock, "reported-1");
            saga.on(confirmed(), commands, plans, clock, "confirmed-1");
            saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1");
            saga.on(declined(2, Department.FIRE), commands, deadlines, clock, "declined-1");
            return null;
        });

        // Configured as Spring Boot configures the ObjectMapper Axon uses in Beacon.
        var mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        var serializer = JacksonSerializer.builder().objectMapper(mapper).build();

        var stored = serializer.serialize(saga, String.class);
        IncidentResponseSaga loaded = serializer.deserialize(stored);

        assertThat(serializer.serialize(loaded, String.class).getData()).isEqualTo(stored.getData());
        assertThat(stored.getData()).contains("\"deadlineId\"", "\"backupTask\"", "\"PT2M\"", "GAS_UTILITY");
        // Strict as well: nothing the saga holds becomes a property it could not read back.
        var strict = JacksonSerializer.builder().objectMapper(mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
        assertThat((Object) strict.deserialize(stored)).isNotNull();
    }

    private static final class SagaInstance extends Scope {
        @Override
        public ScopeDescriptor describeScope() {
            return new SagaScopeDescriptor(IncidentResponseSaga.class.getSimpleName(), "saga-1");
        }

        void run(java.util.concurrent.Callable<Void> work) throws Exception {
            executeWithResult(work);
        }
    }
}
