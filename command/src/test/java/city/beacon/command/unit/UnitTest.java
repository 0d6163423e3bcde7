package city.beacon.command.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.TaskId;
import city.beacon.api.unit.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static city.beacon.api.unit.UnitStatus.*;

class UnitTest {
    static final UnitId ENGINE = new UnitId("FIRE-E12");
    static final String NAME = "Engine 12 (消防车12)";
    static final TaskId TASK = new TaskId("task-1");
    static final TaskId OTHER_TASK = new TaskId("task-2");
    static final IncidentId INCIDENT = new IncidentId("incident-1");
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Actor FIRE_LIAISON = new Actor("fire", Role.LIAISON, Department.FIRE);
    static final Actor POLICE_LIAISON = new Actor("police", Role.LIAISON, Department.POLICE);
    static final Actor FIRE_SYSTEM = new Actor("system:FIRE", Role.SYSTEM, Department.FIRE);
    static final Actor POLICE_SYSTEM = new Actor("system:POLICE", Role.SYSTEM, Department.POLICE);
    static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);
    static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);
    static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null);
    static final Actor BEACON = Actor.system("unit-release");

    private FixtureConfiguration<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static UnitRegisteredEvent registered() {
        return new UnitRegisteredEvent(ENGINE, Department.FIRE, "FIRE_ENGINE", NAME, NOW);
    }

    static UnitAssignedEvent assigned(String by) {
        return new UnitAssignedEvent(ENGINE, Department.FIRE, NAME, TASK, INCIDENT, by, NOW);
    }

    static UnitStatusReportedEvent reported(UnitStatus status, UnitStatus previous, boolean serving, String note) {
        return new UnitStatusReportedEvent(ENGINE, Department.FIRE, status, previous, serving ? TASK : null,
                serving ? INCIDENT : null, note, "fire", NOW);
    }

    static UnitReleasedEvent released(String by) {
        return new UnitReleasedEvent(ENGINE, Department.FIRE, NAME, TASK, INCIDENT, by, NOW);
    }

    static AssignUnitCommand assign(TaskId task, Department taskDepartment, Actor by) {
        return new AssignUnitCommand(ENGINE, task, INCIDENT, taskDepartment, by);
    }

    static ReportUnitStatusCommand report(UnitStatus status, Actor by) {
        return new ReportUnitStatusCommand(ENGINE, status, null, by);
    }

    @Nested
    class Registering {
        @Test
        void registrationRecordsTheUnitAvailable() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnitCommand(ENGINE, Department.FIRE, "FIRE_ENGINE", " " + NAME + " "))
                    .expectEvents(registered());
        }

        @Test
        void registeringAnExistingUnitAgainChangesNothing() {
            fixture.given(registered(), assigned("fire"))
                    .when(new RegisterUnitCommand(ENGINE, Department.POLICE, "PATROL_CAR", "renamed"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void departmentKindAndNameAreRequired() {
            fixture.givenNoPriorActivity().when(new RegisterUnitCommand(ENGINE, null, "FIRE_ENGINE", NAME))
                    .expectException(RuleViolationException.class).expectExceptionMessage("department is required");
            fixture.givenNoPriorActivity().when(new RegisterUnitCommand(ENGINE, Department.FIRE, " ", NAME))
                    .expectException(RuleViolationException.class).expectExceptionMessage("kind is required");
            fixture.givenNoPriorActivity()
                    .when(new RegisterUnitCommand(ENGINE, Department.FIRE, "FIRE_ENGINE", "n".repeat(121)))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("name must be at most 120 characters");
        }

        @Test
        void anUnknownUnitCannotBeAssigned() {
            fixture.givenNoPriorActivity().when(assign(TASK, Department.FIRE, FIRE_LIAISON))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Assigning {
        @Test
        void theDepartmentsLiaisonAssignsAnAvailableUnitToTheirTask() {
            fixture.given(registered()).when(assign(TASK, Department.FIRE, FIRE_LIAISON)).expectEvents(assigned("fire"));
        }

        @Test
        void theDepartmentsSystemOperatorsAndAdminsMayAssignOnItsBehalf() {
            fixture.given(registered()).when(assign(TASK, Department.FIRE, FIRE_SYSTEM))
                    .expectEvents(assigned("system:FIRE"));
            fixture.given(registered()).when(assign(TASK, Department.FIRE, OPERATOR)).expectEvents(assigned("operator"));
            fixture.given(registered()).when(assign(TASK, Department.FIRE, ADMIN)).expectEvents(assigned("admin"));
        }

        @Test
        void otherDepartmentsAuditorsAndBeaconItselfMayNot() {
            for (var actor : new Actor[]{POLICE_LIAISON, POLICE_SYSTEM, AUDITOR, BEACON}) {
                fixture.given(registered()).when(assign(TASK, Department.FIRE, actor))
                        .expectException(NotPermittedException.class).expectNoEvents();
            }
            fixture.given(registered()).when(assign(TASK, Department.FIRE, POLICE_LIAISON))
                    .expectExceptionMessage("a liaison of POLICE may not assign a unit of FIRE");
        }

        @Test
        void onlyToATaskOfItsOwnDepartment() {
            fixture.given(registered()).when(assign(TASK, Department.POLICE, FIRE_LIAISON))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("task task-1 is for POLICE; unit FIRE-E12 belongs to FIRE")
                    .expectNoEvents();
        }

        @Test
        void anAssignedUnitCannotBeAssignedToAnotherTask() {
            fixture.given(registered(), assigned("fire")).when(assign(OTHER_TASK, Department.FIRE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class)
                    .expectExceptionMessage("unit FIRE-E12 is ASSIGNED; cannot assign it");
            fixture.given(registered(), assigned("fire"), reported(ON_SCENE, ASSIGNED, true, null))
                    .when(assign(OTHER_TASK, Department.FIRE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class);
        }

        @Test
        void assigningAgainToTheSameTaskIsANoOp() {
            fixture.given(registered(), assigned("fire"), reported(EN_ROUTE, ASSIGNED, true, null))
                    .when(assign(TASK, Department.FIRE, FIRE_LIAISON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anOutOfServiceUnitCannotBeAssigned() {
            fixture.given(registered(), reported(OUT_OF_SERVICE, AVAILABLE, false, "pump failure"))
                    .when(assign(TASK, Department.FIRE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class)
                    .expectExceptionMessage("unit FIRE-E12 is OUT_OF_SERVICE; cannot assign it");
        }

        @Test
        void theTaskAndItsIncidentAreRequired() {
            fixture.given(registered()).when(new AssignUnitCommand(ENGINE, null, INCIDENT, Department.FIRE, FIRE_LIAISON))
                    .expectException(RuleViolationException.class).expectExceptionMessage("taskId is required");
            fixture.given(registered()).when(new AssignUnitCommand(ENGINE, TASK, null, Department.FIRE, FIRE_LIAISON))
                    .expectException(RuleViolationException.class).expectExceptionMessage("incidentId is required");
            fixture.given(registered()).when(new AssignUnitCommand(ENGINE, TASK, INCIDENT, Department.FIRE, null))
                    .expectException(RuleViolationException.class).expectExceptionMessage("by is required");
        }
    }

    @Nested
    class ReportingStatus {
        @Test
        void anAssignedUnitGoesEnRouteThenOnScene() {
            fixture.given(registered(), assigned("fire"))
                    .when(new ReportUnitStatusCommand(ENGINE, EN_ROUTE, " left the station ", FIRE_LIAISON))
                    .expectEvents(reported(EN_ROUTE, ASSIGNED, true, "left the station"));
            fixture.given(registered(), assigned("fire"), reported(EN_ROUTE, ASSIGNED, true, null))
                    .when(report(ON_SCENE, FIRE_LIAISON))
                    .expectEvents(reported(ON_SCENE, EN_ROUTE, true, null));
        }

        @Test
        void anAssignedUnitMayArriveWithoutReportingEnRoute() {
            fixture.given(registered(), assigned("fire")).when(report(ON_SCENE, FIRE_LIAISON))
                    .expectEvents(reported(ON_SCENE, ASSIGNED, true, null));
        }

        @Test
        void aFreeUnitIsNeitherEnRouteNorOnScene() {
            fixture.given(registered()).when(report(EN_ROUTE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class)
                    .expectExceptionMessage("unit FIRE-E12 is AVAILABLE; cannot report it en route");
            fixture.given(registered()).when(report(ON_SCENE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class);
            fixture.given(registered(), assigned("fire"), reported(ON_SCENE, ASSIGNED, true, null))
                    .when(report(EN_ROUTE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class);
        }

        @Test
        void aFreeUnitGoesOutOfServiceAndComesBack() {
            fixture.given(registered())
                    .when(new ReportUnitStatusCommand(ENGINE, OUT_OF_SERVICE, "pump failure", FIRE_LIAISON))
                    .expectEvents(reported(OUT_OF_SERVICE, AVAILABLE, false, "pump failure"));
            fixture.given(registered(), reported(OUT_OF_SERVICE, AVAILABLE, false, "pump failure"))
                    .when(report(AVAILABLE, FIRE_LIAISON))
                    .expectEvents(reported(AVAILABLE, OUT_OF_SERVICE, false, null));
        }

        @Test
        void aServingUnitIsReleasedBeforeItGoesOutOfServiceAndIsNotReportedAvailable() {
            fixture.given(registered(), assigned("fire")).when(report(OUT_OF_SERVICE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class)
                    .expectExceptionMessage("unit FIRE-E12 is ASSIGNED; cannot take it out of service (release it first)");
            fixture.given(registered(), assigned("fire")).when(report(AVAILABLE, FIRE_LIAISON))
                    .expectException(TransitionRejectedException.class);
        }

        @Test
        void assignedIsNotAStatusOneReports() {
            fixture.given(registered()).when(report(ASSIGNED, FIRE_LIAISON))
                    .expectException(RuleViolationException.class);
            fixture.given(registered()).when(report(null, FIRE_LIAISON))
                    .expectException(RuleViolationException.class).expectExceptionMessage("status is required");
        }

        @ParameterizedTest
        @EnumSource(value = UnitStatus.class, names = {"AVAILABLE", "OUT_OF_SERVICE"})
        void theSameReportAgainIsANoOp(UnitStatus status) {
            var given = status == AVAILABLE
                    ? new Object[]{registered()}
                    : new Object[]{registered(), reported(OUT_OF_SERVICE, AVAILABLE, false, null)};
            fixture.given(given).when(report(status, FIRE_LIAISON)).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyTheDepartmentReports() {
            fixture.given(registered(), assigned("fire")).when(report(EN_ROUTE, POLICE_LIAISON))
                    .expectException(NotPermittedException.class);
            fixture.given(registered(), assigned("fire")).when(report(EN_ROUTE, AUDITOR))
                    .expectException(NotPermittedException.class);
            fixture.given(registered(), assigned("fire")).when(report(EN_ROUTE, BEACON))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void aNoteIsLimited() {
            fixture.given(registered(), assigned("fire"))
                    .when(new ReportUnitStatusCommand(ENGINE, EN_ROUTE, "n".repeat(2001), FIRE_LIAISON))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("note must be at most 2000 characters");
        }
    }

    @Nested
    class Releasing {
        @Test
        void theDepartmentReleasesItsUnit() {
            fixture.given(registered(), assigned("fire"), reported(ON_SCENE, ASSIGNED, true, null))
                    .when(new ReleaseUnitCommand(ENGINE, null, FIRE_LIAISON))
                    .expectEvents(released("fire"));
        }

        @Test
        void beaconReleasesTheUnitsOfAnEndedTask() {
            fixture.given(registered(), assigned("fire")).when(new ReleaseUnitCommand(ENGINE, TASK, BEACON))
                    .expectEvents(released("beacon:unit-release"));
        }

        @Test
        void aReleaseMeantForAnotherTaskChangesNothing() {
            fixture.given(registered(), assigned("fire")).when(new ReleaseUnitCommand(ENGINE, OTHER_TASK, BEACON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void releasingAFreeUnitChangesNothing() {
            fixture.given(registered()).when(new ReleaseUnitCommand(ENGINE, null, FIRE_LIAISON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(registered(), assigned("fire"), released("fire"))
                    .when(new ReleaseUnitCommand(ENGINE, TASK, BEACON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(registered(), reported(OUT_OF_SERVICE, AVAILABLE, false, null))
                    .when(new ReleaseUnitCommand(ENGINE, null, FIRE_LIAISON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void otherDepartmentsMayNotRelease() {
            fixture.given(registered(), assigned("fire")).when(new ReleaseUnitCommand(ENGINE, null, POLICE_SYSTEM))
                    .expectException(NotPermittedException.class)
                    .expectExceptionMessage("the system of POLICE may not release a unit of FIRE");
            fixture.given(registered(), assigned("fire")).when(new ReleaseUnitCommand(ENGINE, null, AUDITOR))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void aReleasedUnitCanBeAssignedAgain() {
            fixture.given(registered(), assigned("fire"), released("fire"))
                    .when(assign(TASK, Department.FIRE, FIRE_LIAISON))
                    .expectEvents(assigned("fire"));
        }
    }
}
