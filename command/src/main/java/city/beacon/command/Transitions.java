package city.beacon.command;

import city.beacon.api.common.TransitionRejectedException;

import java.util.Set;

/** The one rule every aggregate's lifecycle shares: an action is allowed only from the states its table lists. */
public final class Transitions {
    private Transitions() { }

    /**
     * @param subject what the refusal names, e.g. "task 3f2…" or "incident 20261128-0042"
     * @throws TransitionRejectedException (409) when {@code current} is not among {@code allowed}
     */
    public static <S extends Enum<S>> void require(String subject, S current, Set<S> allowed, String action) {
        if (!allowed.contains(current)) {
            throw new TransitionRejectedException(subject, current.name(), action);
        }
    }
}
