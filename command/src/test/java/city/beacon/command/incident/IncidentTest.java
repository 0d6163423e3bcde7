package city.beacon.command.incident;

import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTest {
    static final IncidentId ID = new IncidentId("incident-1");
    static final IncidentId OTHER = new IncidentId("incident-2");
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final IncidentNumber NUMBER = IncidentNumber.of(LocalDate.of(2026, 11, 28), 42);
    static final Location MAIN_STREET = Location.at(31.2304, 121.4737, "Nanjing Road 100");
    static final IncidentSource OPERATOR = IncidentSource.operator("operator");

    private FixtureConfiguration<Incident> fixture;
    private final AtomicLong numbersDrawn = new AtomicLong();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture.registerInjectableResource(clock);
        IncidentNumbers numbers = at -> {
            numbersDrawn.incrementAndGet();
            return NUMBER;
        };
        fixture.registerAnnotatedCommandHandler(new ReportIncidentHandler(fixture.getRepository(), numbers, clock));
    }

    static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(ID, NUMBER, IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                Certainty.OBSERVED, MAIN_STREET, "Gas main pressure drop", OPERATOR, false, NOW);
    }

    static ReportIncidentCommand report(String summary) {
        return new ReportIncidentCommand(ID, IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                Certainty.OBSERVED, MAIN_STREET, summary, OPERATOR, false);
    }

    static Object confirmed() {
        return new IncidentConfirmedEvent(ID, NOW);
    }

    static Object responding() {
        return new IncidentResponseStartedEvent(ID, NOW);
    }

    static Object contained() {
        return new IncidentContainedEvent(ID, NOW);
    }

    static Object resolved() {
        return new IncidentResolvedEvent(ID, "segment isolated", NOW);
    }

    @Nested
    class Reporting {
        @Test
        void reportRecordsTheIncidentWithItsNumber() {
            fixture.givenNoPriorActivity()
                    .when(report("Gas main pressure drop"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new IncidentReportReceipt(ID, NUMBER))
                    .expectEvents(reported());
        }

        @Test
        void missingUrgencyAndCertaintyAreRecordedAsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new ReportIncidentCommand(ID, IncidentType.FLOOD, Severity.MINOR, null, null, MAIN_STREET,
                            "Water on the road", OPERATOR, true))
                    .expectEvents(new IncidentReportedEvent(ID, NUMBER, IncidentType.FLOOD, Severity.MINOR,
                            Urgency.UNKNOWN, Certainty.UNKNOWN, MAIN_STREET, "Water on the road", OPERATOR, true, NOW));
        }

        @Test
        void aReportWithoutSummaryIsRefusedWithoutDrawingANumber() {
            fixture.givenNoPriorActivity()
                    .when(report("  "))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
            assertThat(numbersDrawn).hasValue(0);
        }

        @Test
        void anOversizedSummaryIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(report("x".repeat(501)))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("summary must be at most 500 characters");
        }

        @Test
        void textXmlCannotCarryIsRefusedNamingTheField() {
            fixture.givenNoPriorActivity()
                    .when(report("Gas\u0000 main"))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("summary contains a character that is not allowed (U+0000 at position 3)")
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new ReportIncidentCommand(ID, IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                            Certainty.OBSERVED, Location.at(31.23, 121.47, "Nanjing Road\u001B 100"), "Gas", OPERATOR,
                            false))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("location.address contains a character that is not allowed (U+001B at "
                            + "position 12)");
            fixture.given(reported())
                    .when(new AddIncidentNoteCommand(ID, "lone surrogate \uD800 here"))
                    .expectException(RuleViolationException.class).expectNoEvents();
        }

        @Test
        void tabsLineBreaksAndChineseAreFine() {
            fixture.givenNoPriorActivity()
                    .when(report("燃气泄漏\tline one\r\nline two 😀"))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void confirmMovesAReportToConfirmed() {
            fixture.given(reported()).when(new ConfirmIncidentCommand(ID)).expectEvents(confirmed());
        }

        @Test
        void confirmingTwiceRecordsOneConfirmation() {
            fixture.given(reported(), confirmed()).when(new ConfirmIncidentCommand(ID))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void respondingStartsFromConfirmedOrReported() {
            fixture.given(reported(), confirmed()).when(new MarkIncidentRespondingCommand(ID)).expectEvents(responding());
            fixture.given(reported()).when(new MarkIncidentRespondingCommand(ID)).expectEvents(responding());
        }

        @Test
        void respondingTwiceIsANoOp() {
            fixture.given(reported(), confirmed(), responding()).when(new MarkIncidentRespondingCommand(ID))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void readyToContainIsDeclaredWhileRespondingWithoutChangingTheStatus() {
            fixture.given(reported(), confirmed(), responding())
                    .when(new DeclareIncidentReadyToContainCommand(ID))
                    .expectEvents(new IncidentReadyToContainEvent(ID, NOW));
            // Still RESPONDING: an operator can contain it, and it cannot be cancelled any more.
            fixture.given(reported(), confirmed(), responding(), new IncidentReadyToContainEvent(ID, NOW))
                    .when(new ContainIncidentCommand(ID))
                    .expectEvents(contained());
        }

        @Test
        void declaringReadyToContainTwiceIsANoOp() {
            fixture.given(reported(), confirmed(), responding(), new IncidentReadyToContainEvent(ID, NOW))
                    .when(new DeclareIncidentReadyToContainCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void containFromResponding() {
            fixture.given(reported(), confirmed(), responding()).when(new ContainIncidentCommand(ID))
                    .expectEvents(contained());
        }

        @Test
        void resolveFromContained() {
            fixture.given(reported(), confirmed(), responding(), contained())
                    .when(new ResolveIncidentCommand(ID, "segment isolated"))
                    .expectEvents(resolved());
        }

        @Test
        void closeFromResolved() {
            fixture.given(reported(), confirmed(), responding(), contained(), resolved())
                    .when(new CloseIncidentCommand(ID))
                    .expectEvents(new IncidentClosedEvent(ID, NOW));
        }

        @Test
        void cancelFromReportedOrConfirmedNeedsAReason() {
            fixture.given(reported()).when(new CancelIncidentCommand(ID, "false alarm: sensor fault"))
                    .expectEvents(new IncidentCancelledEvent(ID, "false alarm: sensor fault", NOW));
            fixture.given(reported(), confirmed()).when(new CancelIncidentCommand(ID, "duplicate call"))
                    .expectEvents(new IncidentCancelledEvent(ID, "duplicate call", NOW));
            fixture.given(reported()).when(new CancelIncidentCommand(ID, " "))
                    .expectException(RuleViolationException.class).expectNoEvents();
        }

        @Test
        void mergeIntoAnotherIncident() {
            fixture.given(reported()).when(new MergeIncidentCommand(ID, OTHER))
                    .expectEvents(new IncidentMergedEvent(ID, OTHER, NOW));
        }

        @Test
        void mergeIntoItselfIsRefused() {
            fixture.given(reported()).when(new MergeIncidentCommand(ID, ID))
                    .expectException(RuleViolationException.class).expectNoEvents();
        }
    }

    @Nested
    class Details {
        @Test
        void reclassifyRecordsThePreviousSeverity() {
            fixture.given(reported(), confirmed())
                    .when(new ReclassifyIncidentCommand(ID, null, Severity.EXTREME, null, null, "second main affected"))
                    .expectEvents(new IncidentReclassifiedEvent(ID, IncidentType.GAS_LEAK, Severity.EXTREME,
                            Urgency.IMMEDIATE, Certainty.OBSERVED, Severity.SEVERE, "second main affected", NOW));
        }

        @Test
        void reclassifyWithoutAnyChangeRecordsNothing() {
            fixture.given(reported())
                    .when(new ReclassifyIncidentCommand(ID, IncidentType.GAS_LEAK, Severity.SEVERE, null, null, null))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void locationCanBeCorrectedWhileOpen() {
            var corrected = Location.at(31.2310, 121.4740, "Nanjing Road 120");
            fixture.given(reported(), confirmed()).when(new UpdateIncidentLocationCommand(ID, corrected))
                    .expectEvents(new IncidentLocationUpdatedEvent(ID, corrected, NOW));
        }

        @Test
        void notesAreKeptUntilTheIncidentIsClosed() {
            fixture.given(reported(), confirmed(), responding(), contained(), resolved())
                    .when(new AddIncidentNoteCommand(ID, "after-action review scheduled"))
                    .expectEvents(new IncidentNoteAddedEvent(ID, "after-action review scheduled", NOW));
        }

        @Test
        void anEmptyNoteIsRefused() {
            fixture.given(reported()).when(new AddIncidentNoteCommand(ID, ""))
                    .expectException(RuleViolationException.class);
        }
    }

    /** Every command against every state in which the lifecycle forbids it. */
    static Stream<org.junit.jupiter.params.provider.Arguments> forbiddenTransitions() {
        Function<IncidentStatus, List<Object>> history = IncidentTest::historyUpTo;
        record Case(String action, Object command, List<IncidentStatus> forbiddenIn) { }
        var cases = List.of(
                new Case("confirm", new ConfirmIncidentCommand(ID),
                        List.of(IncidentStatus.RESPONDING, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED,
                                IncidentStatus.CLOSED, IncidentStatus.CANCELLED, IncidentStatus.MERGED)),
                new Case("start responding to", new MarkIncidentRespondingCommand(ID),
                        List.of(IncidentStatus.CONTAINED, IncidentStatus.RESOLVED, IncidentStatus.CLOSED,
                                IncidentStatus.CANCELLED, IncidentStatus.MERGED)),
                new Case("contain", new ContainIncidentCommand(ID),
                        List.of(IncidentStatus.REPORTED, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED,
                                IncidentStatus.CLOSED, IncidentStatus.CANCELLED, IncidentStatus.MERGED)),
                new Case("resolve", new ResolveIncidentCommand(ID, null),
                        List.of(IncidentStatus.REPORTED, IncidentStatus.CONFIRMED, IncidentStatus.RESPONDING,
                                IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED,
                                IncidentStatus.MERGED)),
                new Case("close", new CloseIncidentCommand(ID),
                        List.of(IncidentStatus.REPORTED, IncidentStatus.CONFIRMED, IncidentStatus.RESPONDING,
                                IncidentStatus.CONTAINED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED,
                                IncidentStatus.MERGED)),
                new Case("cancel", new CancelIncidentCommand(ID, "false alarm"),
                        List.of(IncidentStatus.RESPONDING, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED,
                                IncidentStatus.CLOSED, IncidentStatus.CANCELLED, IncidentStatus.MERGED)),
                new Case("merge", new MergeIncidentCommand(ID, OTHER),
                        List.of(IncidentStatus.CONTAINED, IncidentStatus.RESOLVED, IncidentStatus.CLOSED,
                                IncidentStatus.CANCELLED, IncidentStatus.MERGED)),
                new Case("reclassify", new ReclassifyIncidentCommand(ID, null, Severity.MINOR, null, null, null),
                        List.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED,
                                IncidentStatus.MERGED)),
                new Case("update the location of", new UpdateIncidentLocationCommand(ID, MAIN_STREET),
                        List.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED,
                                IncidentStatus.MERGED)),
                new Case("add a note to", new AddIncidentNoteCommand(ID, "note"),
                        List.of(IncidentStatus.CLOSED, IncidentStatus.CANCELLED, IncidentStatus.MERGED)),
                new Case("declare ready to contain", new DeclareIncidentReadyToContainCommand(ID),
                        List.of(IncidentStatus.REPORTED, IncidentStatus.CONFIRMED, IncidentStatus.CONTAINED,
                                IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.CANCELLED,
                                IncidentStatus.MERGED)));
        return cases.stream().flatMap(c -> c.forbiddenIn().stream()
                .map(state -> org.junit.jupiter.params.provider.Arguments.of(c.action(), state, history.apply(state),
                        c.command())));
    }

    @ParameterizedTest(name = "{0} is refused when {1}")
    @MethodSource("forbiddenTransitions")
    void forbiddenTransitionNamesStateAndAction(String action, IncidentStatus state, List<Object> history,
                                                Object command) {
        fixture.given(history)
                .when(command)
                .expectException(TransitionRejectedException.class)
                .expectExceptionMessage("incident " + NUMBER + " is " + state + "; cannot " + action + " it")
                .expectNoEvents();
    }

    @Nested
    class PublicWarnings {
        static final String PREFIX = "cn.demo.beacon";

        @Test
        void theFirstWarningIsAnAlertAndLaterOnesUpdateItWithReferences() {
            fixture.given(reported(), confirmed())
                    .when(new IssuePublicWarningCommand(ID, PREFIX))
                    .expectResultMessagePayload(PREFIX + "." + NUMBER.value() + ".W1")
                    .expectEvents(new PublicWarningIssuedEvent(ID, PREFIX + "." + NUMBER.value() + ".W1",
                            AlertKind.ALERT, List.of(), NOW));
            fixture.given(reported(), new PublicWarningIssuedEvent(ID, "w1", AlertKind.ALERT, List.of(), NOW))
                    .when(new IssuePublicWarningCommand(ID, PREFIX))
                    .expectEvents(new PublicWarningIssuedEvent(ID, PREFIX + "." + NUMBER.value() + ".W2",
                            AlertKind.UPDATE, List.of("w1"), NOW));
        }

        @Test
        void aWarningAfterCancellationIsTheCancelAndOnlyOnce() {
            var warned = new PublicWarningIssuedEvent(ID, "w1", AlertKind.ALERT, List.of(), NOW);
            var cancelled = new IncidentCancelledEvent(ID, "false alarm", NOW);
            fixture.given(reported(), warned, cancelled)
                    .when(new IssuePublicWarningCommand(ID, PREFIX))
                    .expectEvents(new PublicWarningIssuedEvent(ID, PREFIX + "." + NUMBER.value() + ".W2",
                            AlertKind.CANCEL, List.of("w1"), NOW));
            fixture.given(reported(), warned, cancelled,
                            new PublicWarningIssuedEvent(ID, "w2", AlertKind.CANCEL, List.of("w1"), NOW))
                    .when(new IssuePublicWarningCommand(ID, PREFIX))
                    .expectException(TransitionRejectedException.class);
            fixture.given(reported(), cancelled)
                    .when(new IssuePublicWarningCommand(ID, PREFIX))
                    .expectException(TransitionRejectedException.class);
        }
    }

    static List<Object> historyUpTo(IncidentStatus state) {
        return switch (state) {
            case REPORTED -> List.of(reported());
            case CONFIRMED -> List.of(reported(), confirmed());
            case RESPONDING -> List.of(reported(), confirmed(), responding());
            case CONTAINED -> List.of(reported(), confirmed(), responding(), contained());
            case RESOLVED -> List.of(reported(), confirmed(), responding(), contained(), resolved());
            case CLOSED -> List.of(reported(), confirmed(), responding(), contained(), resolved(),
                    new IncidentClosedEvent(ID, NOW));
            case CANCELLED -> List.of(reported(), new IncidentCancelledEvent(ID, "false alarm", NOW));
            case MERGED -> List.of(reported(), new IncidentMergedEvent(ID, OTHER, NOW));
        };
    }
}
