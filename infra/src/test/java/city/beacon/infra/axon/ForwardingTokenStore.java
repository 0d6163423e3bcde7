package city.beacon.infra.axon;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.util.Optional;

/** A token store passing every call to another, for tests that change how one call behaves. */
interface ForwardingTokenStore extends TokenStore {
    TokenStore delegate();

    @Override
    default void storeToken(TrackingToken token, String processorName, int segment) {
        delegate().storeToken(token, processorName, segment);
    }

    @Override
    default void initializeTokenSegments(String processorName, int segmentCount) {
        delegate().initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    default void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate().initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    default TrackingToken fetchToken(String processorName, int segment) {
        return delegate().fetchToken(processorName, segment);
    }

    @Override
    default void releaseClaim(String processorName, int segment) {
        delegate().releaseClaim(processorName, segment);
    }

    @Override
    default boolean requiresExplicitSegmentInitialization() {
        return delegate().requiresExplicitSegmentInitialization();
    }

    @Override
    default int[] fetchSegments(String processorName) {
        return delegate().fetchSegments(processorName);
    }

    @Override
    default Optional<String> retrieveStorageIdentifier() {
        return delegate().retrieveStorageIdentifier();
    }
}
