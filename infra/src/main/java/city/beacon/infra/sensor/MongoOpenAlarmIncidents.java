package city.beacon.infra.sensor;

import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentId;
import city.beacon.saga.alarm.OpenAlarmIncident;
import city.beacon.saga.alarm.OpenAlarmIncidents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * {@code alarm_incidents}: one document per open alarm incident, keyed by incident id, deleted when it ends. Only
 * the alarm correlation process writes it, from its single processing sequence, so no two writers race.
 */
class MongoOpenAlarmIncidents implements OpenAlarmIncidents {
    private final MongoCollection<Document> incidents;

    MongoOpenAlarmIncidents(MongoDatabase database) {
        this.incidents = database.getCollection("alarm_incidents");
    }

    @Override
    public List<OpenAlarmIncident> all() {
        var all = new ArrayList<OpenAlarmIncident>();
        for (var d : incidents.find()) {
            all.add(new OpenAlarmIncident(new IncidentId(d.getString("_id")),
                    new GeoPoint(d.getDouble("lat"), d.getDouble("lon")),
                    new LinkedHashSet<>(d.getList("sensorIds", String.class)),
                    new LinkedHashSet<>(d.getList("alarmKeys", String.class)),
                    Instant.parse(d.getString("lastAlarmAt"))));
        }
        return all;
    }

    @Override
    public void save(OpenAlarmIncident incident) {
        var document = new Document("_id", incident.incidentId().value())
                .append("lat", incident.point().lat()).append("lon", incident.point().lon())
                .append("sensorIds", new ArrayList<>(incident.sensorIds()))
                .append("alarmKeys", new ArrayList<>(incident.alarmKeys()))
                .append("lastAlarmAt", incident.lastAlarmAt().toString());
        incidents.replaceOne(eq("_id", document.getString("_id")), document, new ReplaceOptions().upsert(true));
    }

    @Override
    public void remove(IncidentId incidentId) {
        incidents.deleteOne(eq("_id", incidentId.value()));
    }
}
