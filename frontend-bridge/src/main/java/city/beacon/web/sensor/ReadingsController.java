package city.beacon.web.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import city.beacon.api.common.RuleViolationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code POST /api/sensors/readings}: a batch {@code [{sensorId, value, unit, at}]} from a sensor gateway. Each element
 * is read on its own, so one malformed reading is rejected with its reason and the others still count. Always 200
 * with a result per reading, unless the body is not a JSON array at all.
 */
@RestController
public class ReadingsController {
    static final String PATH = "/api/sensors/readings";
    static final int MAX_BATCH = 10_000;
    private final ReadingIntake intake;

    public ReadingsController(ReadingIntake intake) {
        this.intake = intake;
    }

    @PostMapping(PATH)
    ReadingsResponse accept(@RequestBody JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new RuleViolationException("body", "the body must be a JSON array of readings");
        }
        if (body.size() > MAX_BATCH) {
            throw new RuleViolationException("body", "at most " + MAX_BATCH + " readings a batch");
        }
        var outcomes = new ArrayList<ReadingOutcome>(body.size());
        var wellFormed = new ArrayList<Reading>(body.size());
        for (int i = 0; i < body.size(); i++) {
            var node = body.get(i);
            try {
                wellFormed.add(parse(i, node));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                var id = node.path("sensorId").isTextual() ? node.path("sensorId").asText() : null;
                outcomes.add(new ReadingOutcome(i, id, null, ReadingOutcome.REJECTED, "MALFORMED", e.getMessage()));
            }
        }
        outcomes.addAll(intake.accept(wellFormed));
        outcomes.sort(Comparator.comparingInt(ReadingOutcome::index));
        int accepted = (int) outcomes.stream().filter(ReadingOutcome::isAccepted).count();
        return new ReadingsResponse(accepted, outcomes.size() - accepted, outcomes);
    }

    private static Reading parse(int index, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a reading is an object {sensorId, value, unit, at}");
        }
        var sensorId = text(node, "sensorId");
        var unit = text(node, "unit");
        var at = Instant.parse(text(node, "at"));
        var value = node.get("value");
        double number;
        if (value != null && value.isNumber()) {
            number = value.asDouble();
        } else if (value != null && value.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(value.asText())) {
            number = Double.parseDouble(value.asText());   // gateways send a broken probe's value as "NaN"
        } else {
            throw new IllegalArgumentException("value must be a number");
        }
        return new Reading(index, sensorId, number, unit, at);
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }
}
