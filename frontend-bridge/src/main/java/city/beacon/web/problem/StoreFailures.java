package city.beacon.web.problem;

/**
 * Tells whether a failure means the store cannot serve Beacon: unreachable, too slow, or refusing writes (disk full).
 * The web layer knows nothing of MongoDB; the composition root, which does, provides the answer.
 */
@FunctionalInterface
public interface StoreFailures {
    boolean isStoreFailure(Throwable failure);

    /** Why the store failed, in words an operator can act on; null when unknown. */
    default String reason(Throwable failure) {
        return null;
    }
}
