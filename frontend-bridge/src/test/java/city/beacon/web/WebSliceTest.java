package city.beacon.web;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.web.admin.ProjectionAdministration;
import city.beacon.web.audit.AuditTrail;
import city.beacon.web.audit.TamperEvidence;
import city.beacon.web.cap.CapAlerts;
import city.beacon.web.department.DepartmentLinks;
import city.beacon.web.security.BeaconUser;
import city.beacon.web.sensor.ReadingIntake;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A test of the web layer alone ({@link WebSlice}): no node, no store. The command and query gateways are mocked;
 * a test says what the read side answers ({@link #answer}) and reads back the commands the controllers sent. Every
 * subclass shares one application context, so the suite starts Spring once.
 */
@WebMvcTest(properties = {
        "spring.jackson.default-property-inclusion=non_null",
        "beacon.security.users[0].username=desk",
        "beacon.security.users[0].password={noop}desk-password",
        "beacon.security.users[0].role=OPERATOR",
        "beacon.security.users[1].username=throttled-a",
        "beacon.security.users[1].password={noop}right-password",
        "beacon.security.users[1].role=OPERATOR",
        "beacon.security.users[2].username=throttled-b",
        "beacon.security.users[2].password={noop}right-password",
        "beacon.security.users[2].role=OPERATOR",
        "beacon.security.login-throttle.user-attempts=2",
        "beacon.security.login-throttle.address-attempts=100000",
        "beacon.http.body-limits.default=8KB",
        "beacon.http.body-limits.paths[/api/sensors/readings]=64KB",
        "beacon.departments.fire.api-key=fire-key",
        "beacon.departments.police.api-key=police-key",
        "beacon.departments.gas_utility.api-key=gas-key",
        "beacon.departments.water.api-key=",
        "beacon.sensors.gateway.api-keys.north=gateway-key",
        "beacon.cap.trusted-senders.weather-bureau.api-key=cap-key",
        "beacon.cap.max-alert-bytes=2048"})
public abstract class WebSliceTest {
    protected static final BeaconUser OPERATOR = new BeaconUser("desk-7", "{noop}x", Role.OPERATOR, null);
    protected static final BeaconUser FIRE_LIAISON = new BeaconUser("fire-1", "{noop}x", Role.LIAISON,
            Department.FIRE);
    protected static final BeaconUser AUDITOR = new BeaconUser("audit-1", "{noop}x", Role.AUDITOR, null);
    protected static final BeaconUser ADMIN = new BeaconUser("admin-1", "{noop}x", Role.ADMIN, null);

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ManualClock clock;
    @MockitoBean
    protected CommandGateway commandGateway;
    @MockitoBean
    protected QueryGateway queryGateway;
    @MockitoBean
    protected ReadingIntake readingIntake;
    @MockitoBean
    protected CapAlerts capAlerts;
    @MockitoBean
    protected AuditTrail auditTrail;
    @MockitoBean
    protected TamperEvidence tamperEvidence;
    @MockitoBean
    protected DepartmentLinks departmentLinks;
    @MockitoBean
    protected ProjectionAdministration projections;

    private final Map<Class<?>, Function<Object, ?>> answers = new HashMap<>();

    @BeforeEach
    void readSideAnswersAsTheTestSays() {
        when(queryGateway.query(any(), any(ResponseType.class))).thenAnswer(call -> {
            Object query = call.getArgument(0);
            var answer = answers.get(query.getClass());
            if (answer == null) {
                return CompletableFuture.failedFuture(new AssertionError("the test gave no answer to " + query));
            }
            return CompletableFuture.completedFuture(answer.apply(query));
        });
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));
    }

    /** What the read side answers to queries of this type. */
    @SuppressWarnings("unchecked")
    protected <Q> void answer(Class<Q> type, Function<Q, ?> answer) {
        answers.put(type, query -> answer.apply((Q) query));
    }

    /** The domain's answer to every command from now on: a result, or a failure such as a refusal. */
    protected void commandsAnswer(Object result) {
        when(commandGateway.send(any())).thenReturn(result instanceof Throwable failure
                ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(result));
    }

    protected List<CommandMessage<?>> sent() {
        ArgumentCaptor<Object> messages = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway, atLeast(0)).send(messages.capture());
        return messages.getAllValues().stream().<CommandMessage<?>>map(m -> (CommandMessage<?>) m).toList();
    }

    /** The one command the request sent. */
    protected Object sentCommand() {
        var sent = sent();
        org.assertj.core.api.Assertions.assertThat(sent).as("commands sent").hasSize(1);
        return sent.get(0).getPayload();
    }

    protected Actor sentBy() {
        var sent = sent();
        org.assertj.core.api.Assertions.assertThat(sent).as("commands sent").hasSize(1);
        return Actor.fromMetaData(sent.get(0).getMetaData());
    }

    protected static RequestPostProcessor as(BeaconUser signedIn) {
        return user(signedIn);
    }
}
