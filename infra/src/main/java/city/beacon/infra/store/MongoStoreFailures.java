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
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }
}
