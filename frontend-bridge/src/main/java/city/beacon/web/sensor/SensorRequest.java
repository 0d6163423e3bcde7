package city.beacon.web.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.sensor.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;

import java.time.Duration;

/**
 * A sensor as an administrator registers it ({@code POST /api/admin/sensors}). Bean Validation checks the shape;
 * the Sensor aggregate checks the rules that tie fields together (thresholds outside the normal band …).
 * @param silentAfter ISO-8601 duration, e.g. PT10M; absent: never reported silent
 */
public record SensorRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String id,
                            @NotNull SensorKind kind, @NotBlank @Size(max = 200) String name,
                            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                            @Size(max = 300) String address, @NotBlank String department,
                            @NotBlank @Size(max = 20) String unit, @NotNull @Valid Band physical,
                            @NotNull @Valid Band normal, @NotNull @Valid Thresholds alarm,
                            @NotNull IncidentType incidentType, @Size(max = 300) String automaticAction,
                            Duration silentAfter) {

    public record Band(@NotNull Double min, @NotNull Double max) {
        ValueRange toRange() {
            return new ValueRange(min, max);
        }
    }

    public record Thresholds(Double low, Double high, @Positive Double ratePerMinute) {
    }

    RegisterSensorCommand toCommand() {
        var definition = new SensorDefinition(kind, name, new GeoPoint(lat, lon), address, departmentCode(),
                unit, physical.toRange(), normal.toRange(), new AlarmThresholds(alarm.low(), alarm.high(),
                alarm.ratePerMinute()), incidentType, blankToNull(automaticAction), silentAfter);
        return new RegisterSensorCommand(new SensorId(id), definition);
    }

    private Department departmentCode() {
        try {
            return Department.of(department);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("department", e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
