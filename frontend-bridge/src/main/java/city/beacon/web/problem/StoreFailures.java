package city.beacon.web.problem;

/**
 * Tells whether a failure means the store is unreachable. The web layer knows nothing of MongoDB; the
 * composition root, which does, provides the answer.
 */
@FunctionalInterface
public interface StoreFailures {
    boolean isStoreFailure(Throwable failure);
}
