package city.beacon.command.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.sensor.SensorDefinition;
import city.beacon.api.sensor.ValueRange;

import static city.beacon.command.Fields.require;

/** What makes a sensor definition usable; each refusal names the field at fault. */
final class SensorRules {
    static final int NAME_MAX = 200;
    static final int ACTION_MAX = 300;

    private SensorRules() { }

    static SensorDefinition valid(SensorDefinition d) {
        require(d, "definition");
        require(d.kind(), "kind");
        text(d.name(), "name", NAME_MAX);
        require(d.point(), "point");
        require(d.department(), "department");
        if (!Department.STANDARD.contains(d.department())) {
            throw new RuleViolationException("department", "no department " + d.department().code());
        }
        text(d.unit(), "unit", 20);
        require(d.incidentType(), "incidentType");
        range(d.physical(), "physical");
        range(d.normal(), "normal");
        if (d.normal().min() < d.physical().min() || d.normal().max() > d.physical().max()) {
            throw new RuleViolationException("normal", "the normal band must lie within the physical range");
        }
        var alarm = require(d.alarm(), "alarm");
        if (alarm.low() == null && alarm.high() == null && alarm.ratePerMinute() == null) {
            throw new RuleViolationException("alarm", "at least one of low, high or ratePerMinute is required");
        }
        if (alarm.low() != null && !(alarm.low() < d.normal().min())) {
            throw new RuleViolationException("alarm.low", "the low threshold must lie below the normal band");
        }
        if (alarm.high() != null && !(alarm.high() > d.normal().max())) {
            throw new RuleViolationException("alarm.high", "the high threshold must lie above the normal band");
        }
        if (alarm.ratePerMinute() != null && !(alarm.ratePerMinute() > 0)) {
            throw new RuleViolationException("alarm.ratePerMinute", "the rate threshold must be positive");
        }
        if (d.automaticAction() != null && d.automaticAction().length() > ACTION_MAX) {
            throw new RuleViolationException("automaticAction", "automaticAction must be at most " + ACTION_MAX
                    + " characters");
        }
        if (d.silentAfter() != null && (d.silentAfter().isNegative() || d.silentAfter().isZero())) {
            throw new RuleViolationException("silentAfter", "silentAfter must be positive");
        }
        return d;
    }

    private static void range(ValueRange range, String field) {
        require(range, field);
        if (!Double.isFinite(range.min()) || !Double.isFinite(range.max()) || range.min() >= range.max()) {
            throw new RuleViolationException(field, field + " needs finite min < max");
        }
    }

    private static void text(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new RuleViolationException(field, field + " is required, at most " + max + " characters");
        }
    }

}
