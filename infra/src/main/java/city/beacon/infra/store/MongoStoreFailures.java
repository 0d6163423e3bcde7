package city.beacon.infra.store;

import city.beacon.web.problem.StoreFailures;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.stereotype.Component;

/** Recognises an unreachable MongoDB anywhere in a failure's causes, however Axon wrapped it. */
@Component
public class MongoStoreFailures implements StoreFailures {

    @Override
    public boolean isStoreFailure(Throwable failure) {
        return storeFailure(failure) != null;
    }

    @Override
    public String reason(Throwable failure) {
        Throwable cause = storeFailure(failure);
        if (cause instanceof StoreUnreachableException refused) {
            return refused.getMessage();
        }
        return cause == null ? null : "the store did not answer in time";
    }

    private static Throwable storeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof StoreUnreachableException) {
                return t;
            }
        }
        return null;
    }
}
