package city.beacon.infra.projection;

import city.beacon.infra.metrics.StoreHead;
import city.beacon.web.admin.ProjectionAdministration;
import city.beacon.web.admin.ProjectionView;
import city.beacon.web.admin.RebuildView;
import city.beacon.web.admin.ReplayRefusedException;
import city.beacon.web.admin.UnknownProjectionException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blue/green rebuilds of read models (docs/operations.md, "Rebuilding a read model"). A rebuild writes a new
 * generation of the read model's collections with a processor of its own while the live processor and the live
 * views carry on with the old one. {@link #tick()} (every half second) records progress and, once the new
 * generation is within {@code margin} events of the live processor, switches: the live processor stops (its
 * segments stay claimed by this node, so no other node takes them), the rebuild catches up with the position it
 * stopped at, the rebuild's token becomes the live processor's, the registry names the new generation live, and the
 * live processor starts again, now writing (and its readers reading) the new generation. The old generation is
 * dropped after a grace period, when no node can still be reading it.
 */
public class ProjectionRebuilds implements ProjectionAdministration {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private final EventProcessingConfiguration processing;
    private final RebuildProcessors processors;
    private final GenerationRegistry registry;
    private final LiveGenerations live;
    private final TokenStore tokenStore;
    private final StoreHead head;
    private final Clock clock;
    private final RebuildSettings settings;
    private final String node = UUID.randomUUID().toString();
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();

    ProjectionRebuilds(EventProcessingConfiguration processing, RebuildProcessors processors,
                       GenerationRegistry registry, LiveGenerations live, TokenStore tokenStore, StoreHead head,
                       Clock clock, RebuildSettings settings) {
        this.processing = processing;
        this.processors = processors;
        this.registry = registry;
        this.live = live;
        this.tokenStore = tokenStore;
        this.head = head;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<ProjectionView> projections() {
        long headPosition = head.position();
        Map<String, Document> records = registry.all();
        List<ProjectionView> views = new ArrayList<>();
        streaming().forEach((name, processor) -> views.add(view(name, processor, records.get(name), headPosition)));
        return views;
    }

    @Override
    public synchronized ProjectionView replay(String name) {
        var processor = streaming().get(name);
        if (processor == null) {
            throw new UnknownProjectionException(name);
        }
        if (!processors.rebuildable(name)) {
            throw new ReplayRefusedException(name, whyNotRebuildable(name));
        }
        int current = GenerationRegistry.live(registry.all().get(name));
        int next = current + 1;
        Instant now = clock.instant();
        if (!registry.start(name, current, next, now, node)) {
            throw new ReplayRefusedException(name, name + " is being rebuilt already");
        }
        registry.dropCollections(name, next);   // leftovers of an earlier attempt at this generation, if any
        start(name, next, now);
        log.info("rebuilding {} into generation {}", name, next);
        return view(name, processor, registry.all().get(name), head.position());
    }

    /** Progress, switches, adoption of rebuilds whose node went silent, and dropping retired generations. */
    synchronized void tick() {
        Instant now = clock.instant();
        Map<String, Document> records = registry.all();
        records.forEach((group, record) -> {
            dropRetired(group, record, now);
            Document recorded = record.get(GenerationRegistry.REBUILD, Document.class);
            Rebuild rebuild = running.get(group);
            if (recorded == null || rebuild != null && rebuild.generation != recorded.getInteger(
                    GenerationRegistry.GENERATION)) {
                stopLocal(group);   // switched or taken over elsewhere
            }
            if (recorded != null && !running.containsKey(group)) {
                adoptIfSilent(group, record, recorded, now);
            }
        });
        running.keySet().stream().filter(group -> !records.containsKey(group)).toList().forEach(this::stopLocal);
        for (Rebuild rebuild : List.copyOf(running.values())) {
            advance(rebuild, now);
        }
    }

    /** Stops this node's rebuild processors without switching; the registry keeps the rebuilds for a later start. */
    synchronized void close() {
        List.copyOf(running.keySet()).forEach(this::stopLocal);
    }

    private void advance(Rebuild rebuild, Instant now) {
        String name = ReadModelCollections.processorName(rebuild.group, rebuild.generation);
        long done = rebuild.done(tokenStore.fetchSegments(name).length);
        double rate = rebuild.rate(done, now);
        if (!registry.heartbeat(rebuild.group, rebuild.generation, node, Math.max(0, done), rate, now)) {
            stopLocal(rebuild.group);
            return;
        }
        var liveProcessor = streaming().get(rebuild.group);
        if (liveProcessor == null || done < 0) {
            return;
        }
        if (rebuild.frozenAt == null) {
            int segments = tokenStore.fetchSegments(rebuild.group).length;
            var statuses = liveProcessor.processingStatus().values();
            long livePosition = statuses.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            if (statuses.size() < segments || done < livePosition - settings.margin()) {
                return;   // far behind, or part of the live processor runs on another node (docs: not switched)
            }
            freeze(rebuild, liveProcessor, now);
        }
        if (done >= rebuild.frozenThrough) {
            switchOver(rebuild, liveProcessor, now);
        } else if (now.isAfter(rebuild.frozenAt.plus(settings.freezeLimit()))) {
            log.warn("{}: the rebuild did not reach the live position {} within {}; trying again later",
                    rebuild.group, rebuild.frozenThrough, settings.freezeLimit());
            thaw(rebuild, liveProcessor);
        }
    }

    /** Stops the live processor and keeps its segments claimed, so its position stays where it is. */
    private void freeze(Rebuild rebuild, StreamingEventProcessor liveProcessor, Instant now) {
        liveProcessor.shutdownAsync().join();
        rebuild.frozenAt = now;
        long lowest = Long.MAX_VALUE;
        try {
            for (int segment : tokenStore.fetchSegments(rebuild.group)) {
                TrackingToken token = tokenStore.fetchToken(rebuild.group, segment);
                lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
            }
        } catch (RuntimeException e) {
            thaw(rebuild, liveProcessor);   // another node claimed a segment meanwhile: not this time
            throw e;
        }
        rebuild.frozenThrough = lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    private void thaw(Rebuild rebuild, StreamingEventProcessor liveProcessor) {
        rebuild.frozenAt = null;
        rebuild.frozenThrough = -1;
        try {
            releaseClaims(rebuild.group);
        } finally {
            liveProcessor.start();
        }
    }

    private void releaseClaims(String processorName) {
        for (int segment : tokenStore.fetchSegments(processorName)) {
            tokenStore.releaseClaim(processorName, segment);
        }
    }

    private void switchOver(Rebuild rebuild, StreamingEventProcessor liveProcessor, Instant now) {
        String name = ReadModelCollections.processorName(rebuild.group, rebuild.generation);
        rebuild.processor.shutdownAsync().join();
        running.remove(rebuild.group);   // if anything below fails, the next tick resumes the rebuild from its tokens
        int[] rebuildSegments;
        boolean switched;
        try {
            TrackingToken built = null;
            rebuildSegments = tokenStore.fetchSegments(name);
            for (int i = 0; i < rebuildSegments.length; i++) {
                TrackingToken token = tokenStore.fetchToken(name, rebuildSegments[i]);
                built = i == 0 ? token : built == null || token == null ? null : built.lowerBound(token);
            }
            // The live processor goes on from where the new generation stands: the events between that and where
            // it stopped are applied again, to the new generation (the old one had them).
            for (int segment : tokenStore.fetchSegments(rebuild.group)) {
                tokenStore.storeToken(built, rebuild.group, segment);
            }
            switched = registry.switchTo(rebuild.group, rebuild.generation, rebuild.generation - 1, node, now);
            if (switched) {
                live.switched(rebuild.group, rebuild.generation);
                log.info("{}: generation {} is live (rebuild started {}, caught up with position {}; {} events/s)",
                        rebuild.group, rebuild.generation, rebuild.startedAt, rebuild.frozenThrough,
                        String.format("%.0f", rebuild.rate(rebuild.frozenThrough, now)));
            } else {
                log.warn("{}: generation {} was no longer this node's to switch to", rebuild.group, rebuild.generation);
            }
        } finally {
            releaseClaims(name);
            thaw(rebuild, liveProcessor);
        }
        for (int segment : switched ? rebuildSegments : new int[0]) {
            tokenStore.fetchToken(name, segment);
            tokenStore.deleteToken(name, segment);
        }
    }

    private void adoptIfSilent(String group, Document record, Document recorded, Instant now) {
        boolean mine = node.equals(recorded.getString(GenerationRegistry.OWNER));
        Instant beat = recorded.getDate(GenerationRegistry.HEARTBEAT).toInstant();
        if (!mine && beat.plus(settings.silentAfter()).isAfter(now)) {
            return;   // its node is running it
        }
        if (!mine && !registry.adopt(record, node, now)) {
            return;
        }
        int generation = recorded.getInteger(GenerationRegistry.GENERATION);
        log.info("{}: resuming the rebuild of generation {} from its tokens (last recorded progress: position {})",
                group, generation, recorded.get(GenerationRegistry.DONE));
        start(group, generation, recorded.getDate(GenerationRegistry.STARTED_AT).toInstant());
    }

    private void start(String group, int generation, Instant startedAt) {
        var processor = processors.build(group, generation);
        running.put(group, new Rebuild(group, generation, processor, startedAt));
        processor.start();
    }

    private void stopLocal(String group) {
        Rebuild rebuild = running.remove(group);
        if (rebuild == null) {
            return;
        }
        rebuild.processor.shutdownAsync().join();
        if (rebuild.frozenAt != null) {
            var liveProcessor = streaming().get(group);
            if (liveProcessor != null) {
                thaw(rebuild, liveProcessor);
            }
        }
    }

    private void dropRetired(String group, Document record, Instant now) {
        var switchedAt = record.getDate(GenerationRegistry.SWITCHED_AT);
        if (switchedAt == null || switchedAt.toInstant().plus(settings.retiredGrace()).isAfter(now)) {
            return;
        }
        for (Integer generation : record.getList(GenerationRegistry.RETIRED, Integer.class, List.of())) {
            registry.dropCollections(group, generation);
            registry.dropped(group, generation);
            log.info("{}: dropped retired generation {}", group, generation);
        }
    }

    private ProjectionView view(String name, StreamingEventProcessor processor, Document record, long headPosition) {
        var statuses = processor.processingStatus().values();
        long position = statuses.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(-1);
        long lag = position < 0 || headPosition < 0 ? -1 : Math.max(0, headPosition - position);
        RebuildView rebuild = rebuildView(name, record, headPosition);
        return new ProjectionView(name, position, headPosition, lag,
                rebuild == null ? ProjectionView.LIVE : ProjectionView.REBUILDING,
                GenerationRegistry.live(record), rebuild);
    }

    private RebuildView rebuildView(String name, Document record, long headPosition) {
        Document recorded = record == null ? null : record.get(GenerationRegistry.REBUILD, Document.class);
        if (recorded == null) {
            return null;
        }
        Rebuild local = running.get(name);
        long done;
        double rate;
        if (local != null) {
            Instant now = clock.instant();
            String processorName = ReadModelCollections.processorName(name, local.generation);
            done = Math.max(0, local.done(tokenStore.fetchSegments(processorName).length));
            rate = local.rate(done, now);
        } else {
            done = ((Number) recorded.getOrDefault(GenerationRegistry.DONE, 0L)).longValue();
            rate = ((Number) recorded.getOrDefault(GenerationRegistry.RATE, 0.0)).doubleValue();
        }
        long total = Math.max(done, headPosition);
        return new RebuildView(recorded.getInteger(GenerationRegistry.GENERATION),
                recorded.getDate(GenerationRegistry.STARTED_AT).toInstant(), done, total, rate,
                Rebuild.eta(done, total, rate));
    }

    /** For the gauges: events still to apply, and the rate, of this node's rebuild of the group (0 without one). */
    double remaining(String group) {
        Rebuild rebuild = running.get(group);
        if (rebuild == null) {
            return 0;
        }
        String name = ReadModelCollections.processorName(group, rebuild.generation);
        long done = Math.max(0, rebuild.done(tokenStore.fetchSegments(name).length));
        return Math.max(0, head.position() - done);
    }

    double rate(String group) {
        Rebuild rebuild = running.get(group);
        if (rebuild == null) {
            return 0;
        }
        String name = ReadModelCollections.processorName(group, rebuild.generation);
        return rebuild.rate(rebuild.done(tokenStore.fetchSegments(name).length), clock.instant());
    }

    private static String whyNotRebuildable(String name) {
        if (name.endsWith("Processor") || name.endsWith("Saga")) {
            return name + " runs sagas, which act on events (commands, notifications): replaying history would act "
                    + "again, so it is never rebuilt";
        }
        if (name.equals("live-feed")) {
            return name + " relays changes to consoles: replaying history would push it to them, so it is never "
                    + "rebuilt (it follows the stream from the head)";
        }
        return name + " is not a read model that can be rebuilt side by side: it acts on events or keeps records "
                + "that cannot be derived again (alarm correlation, seals, board checkpoints)";
    }

    private Map<String, StreamingEventProcessor> streaming() {
        Map<String, StreamingEventProcessor> result = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streamingProcessor) {
                result.put(name, streamingProcessor);
            }
        });
        return result;
    }
}
