package city.beacon.infra.deadline;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBCreator;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.storage.nosql.mongo.migrations.M007_UpdateJobsCollectionReplaceIndices;
import org.jobrunr.storage.nosql.mongo.migrations.MongoMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.jobrunr.utils.resilience.RateLimiter.Builder.rateLimit;
import static org.jobrunr.utils.resilience.RateLimiter.SECOND;

/**
 * JobRunr's MongoDB storage, minus one migration on the embedded store. M007 replaces the jobs collection's
 * secondary indexes with {@code dropIndexes("*")}; mongo-java-server implements that by walking the index list of the
 * whole database (every collection's) and dropping each name from the jobs collection, so it fails on the first
 * index of another collection ("index not found with name [...]") and could, with a name shared by two collections,
 * drop the wrong one. The embedded store ignores secondary indexes anyway, so there M007 is recorded as done without
 * running. On real MongoDB (recognised by the {@code gitVersion} its buildInfo reports) every migration runs as is.
 */
class BeaconMongoStorageProvider extends MongoDBStorageProvider {
    private static final Logger LOG = LoggerFactory.getLogger(BeaconMongoStorageProvider.class);

    BeaconMongoStorageProvider(MongoClient client, String database, String collectionPrefix) {
        super(client, database, collectionPrefix, DatabaseOptions.CREATE, rateLimit().at1Request().per(SECOND));
    }

    /** Called from the super constructor: only the arguments may be used here, no field of this class. */
    @Override
    protected void runMigrations(MongoClient client, String database, String collectionPrefix) {
        boolean embedded = isMongoJavaServer(client);
        new MongoDBCreator(client, database, collectionPrefix) {
            @Override
            protected void runMigration(MongoMigration migration) {
                if (embedded && migration instanceof M007_UpdateJobsCollectionReplaceIndices) {
                    LOG.info("Skipping JobRunr migration M007 on the embedded store: it only swaps secondary "
                            + "indexes, which the embedded store ignores, and its dropIndexes(\"*\") fails there");
                    return;   // the creator then records it as done
                }
                super.runMigration(migration);
            }
        }.runMigrations();
    }

    static boolean isMongoJavaServer(MongoClient client) {
        var buildInfo = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
        return !buildInfo.containsKey("gitVersion");
    }
}
