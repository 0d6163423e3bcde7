package city.beacon.command.sensor;

import city.beacon.api.sensor.AlarmThresholds;
import city.beacon.api.sensor.BreachKind;
import city.beacon.api.sensor.SensorDefinition;
import city.beacon.command.sensor.ReadingEvaluation.Clear;
import city.beacon.command.sensor.ReadingEvaluation.Raise;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingEvaluationTest {
    static final SensorDefinition GAS = SensorTest.GAS;
    static final SensorDefinition RATE = new SensorDefinition(GAS.kind(), GAS.name(), GAS.point(), GAS.address(),
            GAS.department(), GAS.unit(), GAS.physical(), GAS.normal(), new AlarmThresholds(null, null, 0.1),
            GAS.incidentType(), null, null);
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    private static BatchReading at(int index, double value, int second) {
        return new BatchReading(index, value, "MPa", T0.plusSeconds(second));
    }

    @Test
    void aReadingBelowTheLowThresholdRaisesOneAlarmAndLaterBreachesDoNotRaiseAgain() {
        var outcome = ReadingEvaluation.evaluate(GAS, SensorState.empty("GP-1"),
                List.of(at(0, 0.40, 0), at(1, 0.30, 10), at(2, 0.25, 20)), 100);

        assertThat(outcome.transitions()).singleElement().isInstanceOfSatisfying(Raise.class, raise -> {
            assertThat(raise.breach()).isEqualTo(BreachKind.LOW);
            assertThat(raise.reading().index()).isEqualTo(1);
            assertThat(raise.threshold()).isEqualTo(0.32);
        });
        assertThat(outcome.next().inAlarm()).isTrue();
    }

    @Test
    void anAlarmClearsOnlyOnceAReadingIsBackInTheNormalBandNotMerelyAboveTheThreshold() {
        var inAlarm = ReadingEvaluation.evaluate(GAS, SensorState.empty("GP-1"), List.of(at(0, 0.30, 0)), 100).next();

        var hovering = ReadingEvaluation.evaluate(GAS, inAlarm, List.of(at(0, 0.35, 10)), 100);
        assertThat(hovering.transitions()).isEmpty();

        var normal = ReadingEvaluation.evaluate(GAS, hovering.next(), List.of(at(0, 0.40, 20)), 100);
        assertThat(normal.transitions()).singleElement().isInstanceOf(Clear.class);
        assertThat(normal.next().inAlarm()).isFalse();
    }

    @Test
    void readingsAreEvaluatedInTimeOrderWhateverTheirOrderInTheBatch() {
        var outcome = ReadingEvaluation.evaluate(GAS, SensorState.empty("GP-1"),
                List.of(at(0, 0.40, 30), at(1, 0.30, 10), at(2, 0.41, 20)), 100);

        assertThat(outcome.transitions()).hasSize(2);
        assertThat(outcome.transitions().get(0)).isInstanceOf(Raise.class);
        assertThat(outcome.transitions().get(1)).isInstanceOf(Clear.class);
        assertThat(outcome.transitions().get(1).reading().index()).isEqualTo(2);
        assertThat(outcome.next().latest().at()).isEqualTo(T0.plusSeconds(30).toEpochMilli());
    }

    @Test
    void aReadingAtATimeAlreadySeenIsADuplicateAndChangesNothing() {
        var first = ReadingEvaluation.evaluate(GAS, SensorState.empty("GP-1"), List.of(at(0, 0.40, 0)), 100);

        var again = ReadingEvaluation.evaluate(GAS, first.next(), List.of(at(0, 0.10, 0)), 100);

        assertThat(again.duplicates()).containsExactly(0);
        assertThat(again.changed()).isFalse();
        assertThat(again.transitions()).isEmpty();
    }

    @Test
    void aLateReadingJoinsTheHistoryButRaisesNoAlarm() {
        var current = ReadingEvaluation.evaluate(GAS, SensorState.empty("GP-1"), List.of(at(0, 0.40, 60)), 100);

        var late = ReadingEvaluation.evaluate(GAS, current.next(), List.of(at(0, 0.10, 30)), 100);

        assertThat(late.transitions()).isEmpty();
        assertThat(late.next().history()).hasSize(2);
        assertThat(late.next().latest().at()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
    }

    @Test
    void theHistoryKeepsOnlyTheNewestReadings() {
        var outcome = ReadingEvaluation.evaluate(GAS, SensorState.empty("GP-1"),
                List.of(at(0, 0.40, 0), at(1, 0.41, 10), at(2, 0.39, 20)), 2);

        assertThat(outcome.next().history()).extracting(SensorState.Point::value).containsExactly(0.41, 0.39);
    }

    @Test
    void aFastChangeRaisesARateAlarmButReadingsMillisecondsApartCountAsASecond() {
        var jitter = ReadingEvaluation.evaluate(RATE, SensorState.empty("GP-1"),
                List.of(new BatchReading(0, 0.40, "MPa", T0), new BatchReading(1, 0.401, "MPa", T0.plusMillis(5))),
                100);
        assertThat(jitter.transitions()).isEmpty();

        var drop = ReadingEvaluation.evaluate(RATE, jitter.next(), List.of(at(0, 0.20, 60)), 100);
        assertThat(drop.transitions()).singleElement().isInstanceOfSatisfying(Raise.class,
                raise -> assertThat(raise.breach()).isEqualTo(BreachKind.RATE));
    }
}
