package city.beacon.query.support;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The raw documents of some collections, sorted by id, to compare read models before and after a replay. */
public final class ReadModelDump {
    private ReadModelDump() { }

    public static Map<String, List<String>> of(MongoDatabase database, String... collections) {
        var dump = new LinkedHashMap<String, List<String>>();
        for (var name : collections) {
            var documents = new ArrayList<String>();
            database.getCollection(name).find().forEach((Document d) -> documents.add(d.toJson()));
            documents.sort(String::compareTo);
            dump.put(name, documents);
        }
        return dump;
    }
}
