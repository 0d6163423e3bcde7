package city.beacon.infra.projection;

import city.beacon.infra.metrics.StoreHead;
import city.beacon.infra.store.StoreProperties;
import city.beacon.query.audit.AuditIndexProjection;
import city.beacon.query.board.BoardStore;
import city.beacon.query.incident.IncidentProjection;
import city.beacon.query.incident.IncidentSearchProjection;
import city.beacon.query.kpi.KpiProjection;
import city.beacon.query.sensor.SensorProjection;
import city.beacon.query.task.TaskProjection;
import city.beacon.query.unit.UnitProjection;
import city.beacon.query.warning.PublicWarningProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** Blue/green rebuilds of read models: the registry, the live generations readers use, and the rebuild service. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RebuildSettings.class)
public class ProjectionRebuildConfiguration {

    @Bean
    GenerationRegistry generationRegistry(MongoClient client, StoreProperties properties) {
        return new GenerationRegistry(client.getDatabase(properties.mongodb().database()));
    }

    /** Another node's switch is seen within a second; this node's at once. */
    @Bean
    LiveGenerations liveGenerations(GenerationRegistry registry, Clock clock) {
        return new LiveGenerations(registry, clock, Duration.ofSeconds(1));
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(MongoClient client, StoreProperties properties, GenerationRegistry registry,
                                          LiveGenerations live, Configuration axon, EventStore eventStore,
                                          TokenStore tokenStore, StoreHead head, Clock clock,
                                          RebuildSettings settings) {
        // A new generation's projections publish nothing: consoles follow the live relay, not a rebuild's history.
        QueryUpdateEmitter nobodyListens = SimpleQueryUpdateEmitter.builder().build();
        Map<String, Function<MongoDatabase, Object>> projections = Map.of(
                IncidentProjection.GROUP, db -> new IncidentProjection(db, new BoardStore(db)),
                TaskProjection.GROUP, db -> new TaskProjection(db, nobodyListens, clock),
                UnitProjection.GROUP, db -> new UnitProjection(db, nobodyListens),
                KpiProjection.GROUP, db -> new KpiProjection(db, clock),
                IncidentSearchProjection.GROUP, db -> new IncidentSearchProjection(db, clock),
                PublicWarningProjection.GROUP, PublicWarningProjection::new,
                AuditIndexProjection.GROUP, AuditIndexProjection::new,
                SensorProjection.GROUP, SensorProjection::new);
        var raw = client.getDatabase(properties.mongodb().database());
        var processors = new RebuildProcessors(projections, raw, live, axon, eventStore, tokenStore);
        return new ProjectionRebuilds(axon.eventProcessingConfiguration(), processors, registry, live, tokenStore,
                head, clock, settings);
    }

    @Bean(destroyMethod = "close")
    RebuildTicker rebuildTicker(ProjectionRebuilds rebuilds, RebuildSettings settings) {
        return new RebuildTicker(rebuilds, settings.tick());
    }

    /** Per rebuildable read model: events its rebuild on this node still has to apply, and its rate (0 without). */
    @Bean
    Object rebuildGauges(MeterRegistry meters, ProjectionRebuilds rebuilds) {
        for (String group : ReadModelCollections.OWNED.keySet()) {
            Gauge.builder("beacon.projection.rebuild.remaining", rebuilds, r -> r.remaining(group))
                    .description("Events the rebuild of this read model still has to apply on this node")
                    .tag("projection", group).register(meters);
            Gauge.builder("beacon.projection.rebuild.rate", rebuilds, r -> r.rate(group))
                    .description("Events per second the rebuild of this read model applies on this node")
                    .baseUnit("events/s").tag("projection", group).register(meters);
        }
        return new Object();
    }
}
