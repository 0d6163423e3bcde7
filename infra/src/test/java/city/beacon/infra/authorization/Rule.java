package city.beacon.infra.authorization;

import city.beacon.infra.support.Caller;

import java.util.function.Predicate;

/**
 * One row of the authorization matrix: an endpoint or topic, the outcome each caller must get (one letter per
 * {@link AuthorizationMatrix#CALLERS column}: A allow, R allow redacted, D deny), how to try it, and for R how to see
 * that the answer is redacted.
 */
record Rule(String surface, String cells, Attempt attempt, Predicate<String> isRedacted) {

    Outcome expected(Caller caller) {
        int column = AuthorizationMatrix.CALLERS.indexOf(caller);
        return Outcome.of(cells.replace(" ", "").charAt(column));
    }

    static Rule of(String surface, String cells, Attempt attempt) {
        return new Rule(surface, cells, attempt, null);
    }

    static Rule redacting(String surface, String cells, Attempt attempt, Predicate<String> isRedacted) {
        return new Rule(surface, cells, attempt, isRedacted);
    }
}
