package city.beacon.infra.store;

import city.beacon.web.problem.StoreFailures;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import org.springframework.stereotype.Component;

/**
 * Recognises, anywhere in a failure's causes however Axon wrapped it, a store that cannot serve Beacon: one that is
 * unreachable or does not answer in time, and one that answers but refuses to write (its disk is full, it is no
 * longer the primary, it cannot confirm the write). Both are 503s, not 500s. A write the store refused for its
 * content, such as a duplicate key (a concurrent change to the same aggregate), is not a store failure.
 */
@Component
public class MongoStoreFailures implements StoreFailures {
    /** MongoDB's code for a write refused for want of disk space; the embedded store answers with it too. */
    static final int OUT_OF_DISK_SPACE = DurableBackend.OUT_OF_DISK_SPACE;

    /**
     * Why a reachable store refused a write.
     *
     * @param reason what every client is told
     * @param detail what admins see in health and the log (the store's own words)
     */
    public record WriteRefusal(String reason, String detail) {
    }

    @Override
    public boolean isStoreFailure(Throwable failure) {
        return storeFailure(failure) != null;
    }

    @Override
    public String reason(Throwable failure) {
        Throwable cause = storeFailure(failure);
        if (cause == null) {
            return null;
        }
        if (cause instanceof StoreUnreachableException refused) {
            return refused.getMessage();
        }
        WriteRefusal refusal = refusal(cause);
        return refusal != null ? refusal.reason() : "the store did not answer in time";
    }

    /** The write refusal among a failure's causes, or null when the store did not refuse a write. */
    public static WriteRefusal writeRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            WriteRefusal refusal = refusal(t);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static Throwable storeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof StoreUnreachableException || refusal(t) != null) {
                return t;
            }
        }
        return null;
    }

    private static WriteRefusal refusal(Throwable failure) {
        if (failure instanceof MongoNotPrimaryException || failure instanceof MongoNodeIsRecoveringException) {
            return new WriteRefusal("the store is not accepting writes right now (no primary: an election or a "
                    + "shutdown)", serverMessage(failure));
        }
        if (failure instanceof MongoWriteConcernException) {
            return new WriteRefusal("the store could not confirm the write on a majority of its members",
                    serverMessage(failure));
        }
        if (failure instanceof MongoServerException server && server.getCode() == OUT_OF_DISK_SPACE) {
            return new WriteRefusal("the event store refused the write: no space left on its disk",
                    serverMessage(failure));
        }
        return null;
    }

    /** The store's own message, without the driver's dump of the whole response. */
    private static String serverMessage(Throwable failure) {
        if (failure instanceof MongoCommandException command) {
            return command.getErrorMessage();
        }
        if (failure instanceof MongoWriteException write) {
            return write.getError().getMessage();
        }
        if (failure instanceof MongoWriteConcernException concern) {
            return concern.getWriteConcernError().getMessage();
        }
        return failure.getMessage();
    }
}
