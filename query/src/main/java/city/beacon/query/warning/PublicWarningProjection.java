package city.beacon.query.warning;

import city.beacon.api.incident.FindPublicWarningsQuery;
import city.beacon.api.incident.PublicWarningIssuedEvent;
import city.beacon.api.incident.PublicWarningView;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * The public warnings issued per incident ({@code public_warnings}, one document per incident keyed by its id), which
 * the CAP export needs for its identifier and references. Idempotent: a warning already listed is not added again.
 */
@Component
@ProcessingGroup(PublicWarningProjection.GROUP)
public class PublicWarningProjection {
    public static final String GROUP = "public-warnings";
    private final MongoCollection<Document> warnings;

    public PublicWarningProjection(MongoDatabase beaconDatabase) {
        this.warnings = beaconDatabase.getCollection("public_warnings");
    }

    @EventHandler
    void on(PublicWarningIssuedEvent e) {
        var issued = load(e.incidentId().value());
        if (issued.stream().anyMatch(w -> w.alertIdentifier().equals(e.alertIdentifier()))) {
            return;
        }
        issued.add(new PublicWarningView(e.alertIdentifier(), e.kind(), e.issuedAt()));
        var documents = new ArrayList<Document>();
        issued.forEach(w -> documents.add(Documents.toDocument(w.alertIdentifier(), w)));
        warnings.replaceOne(eq("_id", e.incidentId().value()),
                new Document("_id", e.incidentId().value()).append("warnings", documents),
                new ReplaceOptions().upsert(true));
    }

    @QueryHandler
    List<PublicWarningView> handle(FindPublicWarningsQuery query) {
        return load(query.incidentId().value());
    }

    @ResetHandler
    void reset() {
        warnings.deleteMany(new Document());
    }

    private List<PublicWarningView> load(String incidentId) {
        var found = new ArrayList<PublicWarningView>();
        var document = warnings.find(eq("_id", incidentId)).first();
        if (document != null) {
            document.getList("warnings", Document.class).forEach(d -> found.add(Documents.fromDocument(d,
                    PublicWarningView.class)));
        }
        return found;
    }
}
