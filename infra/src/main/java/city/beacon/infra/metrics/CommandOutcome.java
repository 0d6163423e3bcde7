package city.beacon.infra.metrics;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.web.problem.StoreFailures;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The outcome tag of a handled command, as an operations team groups them: a refusal by the domain is the system
 * working, a conflict is retried, an unavailable store and an unexpected error are what alerts are for.
 */
enum CommandOutcome {
    SUCCESS, REJECTED, NOT_FOUND, CONFLICT, STORE_UNAVAILABLE, ERROR;

    static CommandOutcome of(Throwable failure, StoreFailures storeFailures) {
        if (failure == null) {
            return SUCCESS;
        }
        if (storeFailures.isStoreFailure(failure)) {
            return STORE_UNAVAILABLE;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return CONFLICT;
            }
            if (t instanceof AggregateNotFoundException) {
                return NOT_FOUND;
            }
            if (t instanceof RuleViolationException || t instanceof TransitionRejectedException
                    || t instanceof NotPermittedException) {
                return REJECTED;
            }
        }
        return ERROR;
    }

    String tag() {
        return name().toLowerCase();
    }
}
