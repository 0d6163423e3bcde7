package city.beacon.web;

import city.beacon.web.cap.CapController;
import city.beacon.web.cap.CapProperties;
import city.beacon.web.cap.CapSecurityConfiguration;
import city.beacon.web.admin.ProjectionsController;
import city.beacon.web.audit.AuditController;
import city.beacon.web.audit.SealController;
import city.beacon.web.console.SignedInUserController;
import city.beacon.web.department.DepartmentsController;
import city.beacon.web.department.DepartmentApiKeys;
import city.beacon.web.department.DepartmentSystemSecurityConfiguration;
import city.beacon.web.incident.IncidentActionController;
import city.beacon.web.incident.IncidentController;
import city.beacon.web.incident.IncidentSearchController;
import city.beacon.web.incident.IncidentTimelineController;
import city.beacon.web.json.WebJsonConfiguration;
import city.beacon.web.kpi.KpiController;
import city.beacon.web.limits.BodyLimits;
import city.beacon.web.limits.RequestGuardsConfiguration;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.PathVariableGuardConfiguration;
import city.beacon.web.problem.ProblemDetailsAdvice;
import city.beacon.web.problem.ProblemErrorController;
import city.beacon.web.problem.StoreFailures;
import city.beacon.web.queue.DepartmentQueueController;
import city.beacon.web.security.SecurityConfiguration;
import city.beacon.web.security.SecurityProperties;
import city.beacon.web.security.throttle.LoginThrottleConfiguration;
import city.beacon.web.security.throttle.LoginThrottleController;
import city.beacon.web.security.throttle.LoginThrottleProperties;
import city.beacon.web.sensor.ReadingsController;
import city.beacon.web.sensor.SensorController;
import city.beacon.web.sensor.SensorGatewayKeys;
import city.beacon.web.sensor.SensorGatewaySecurityConfiguration;
import city.beacon.web.task.DepartmentTaskController;
import city.beacon.web.task.TaskActionController;
import city.beacon.web.task.TaskActions;
import city.beacon.web.task.TaskController;
import city.beacon.web.unit.UnitController;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.io.InterruptedIOException;
import java.time.Clock;

/**
 * The web layer as infra composes it — controllers, problem details, strict JSON, body limits, every security
 * chain — without Axon or a store: {@link WebSliceTest} mocks the two gateways behind Commands and Queries.
 */
@SpringBootConfiguration
@EnableConfigurationProperties({SecurityProperties.class, LoginThrottleProperties.class, BodyLimits.class,
        DepartmentApiKeys.class, SensorGatewayKeys.class, CapProperties.class})
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, WebJsonConfiguration.class,
        PathVariableGuardConfiguration.class, RequestGuardsConfiguration.class, SecurityConfiguration.class,
        LoginThrottleConfiguration.class, DepartmentSystemSecurityConfiguration.class,
        SensorGatewaySecurityConfiguration.class, CapSecurityConfiguration.class,
        Commands.class, Queries.class, TaskActions.class,
        IncidentController.class, IncidentActionController.class, IncidentSearchController.class,
        IncidentTimelineController.class, TaskController.class, TaskActionController.class,
        DepartmentTaskController.class, UnitController.class, DepartmentQueueController.class, KpiController.class,
        SensorController.class, ReadingsController.class, CapController.class, LoginThrottleController.class,
        SignedInUserController.class, AuditController.class, SealController.class, DepartmentsController.class,
        ProjectionsController.class})
public class WebSlice {
    /** Stands for the store's driver timing out: the composition root tells the web layer which failures those are. */
    public static final class StoreTimeout extends InterruptedIOException {
        public StoreTimeout(String message) {
            super(message);
        }
    }

    @Bean
    ManualClock clock() {
        return new ManualClock();
    }

    @Bean
    StoreFailures storeFailures() {
        return new StoreFailures() {
            @Override
            public boolean isStoreFailure(Throwable failure) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof StoreTimeout) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String reason(Throwable failure) {
                return "the store did not answer in time";
            }
        };
    }
}
