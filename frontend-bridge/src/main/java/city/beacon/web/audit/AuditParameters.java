package city.beacon.web.audit;

import city.beacon.api.common.RuleViolationException;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads and checks auditors' query parameters; every refusal names the parameter (a 400 problem). */
final class AuditParameters {
    private AuditParameters() { }

    /** An instant in the store's lifetime: ISO-8601, not before the epoch, not in the future. */
    static Instant instant(String name, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(name, name + " is required (an ISO-8601 instant, e.g. 2026-12-02T14:02:11Z)");
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                instant = OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw new RuleViolationException(name, name + " must be an ISO-8601 instant, e.g. 2026-12-02T14:02:11Z");
            }
        }
        if (instant.isBefore(Instant.EPOCH)) {
            throw new RuleViolationException(name, name + " must not be before 1970-01-01T00:00:00Z");
        }
        if (instant.isAfter(clock.instant())) {
            throw new RuleViolationException(name, name + " must not be in the future");
        }
        return instant;
    }

    static Instant optionalInstant(String name, String value, Clock clock) {
        return value == null || value.isBlank() ? null : instant(name, value, clock);
    }

    static void ordered(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new RuleViolationException("from", "from must not be after to");
        }
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return 200;
        }
        if (limit < 1 || limit > 1000) {
            throw new RuleViolationException("limit", "limit must be between 1 and 1000");
        }
        return limit;
    }

    static long after(Long after) {
        if (after == null) {
            return 0;
        }
        if (after < 0) {
            throw new RuleViolationException("after", "after must not be negative");
        }
        return after;
    }
}
