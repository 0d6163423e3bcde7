package city.beacon.infra.benchhook;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hooks for the bench module (bench/, docs/benchmarks.md), present only with the profile {@code bench} and only for
 * admins: never enable that profile in production. They fill history fast (writing events the way commands would),
 * reset and follow the read models, publish a fixed message straight to the broker (the live baseline) and report the
 * heap's peak. Everything goes through Axon's and Spring's public API, so the bench keeps measuring whatever the
 * projections and relays do inside.
 */
@RestController
@Profile("bench")
@RequestMapping("/api/admin/bench")
class BenchHookController {
    private final ProcessorControl processors;
    private final HistoryGenerator history;
    private final SimpMessagingTemplate broker;
    private final AtomicLong serials = new AtomicLong();

    BenchHookController(EventProcessingConfiguration processing, TokenStore tokenStore, EventStore eventStore,
                        SimpMessagingTemplate broker,
                        @Value("${beacon.bench.not-replayed:live-feed}") Set<String> notReplayed) {
        this.processors = new ProcessorControl(processing, tokenStore, eventStore, notReplayed);
        this.history = new HistoryGenerator(eventStore);
        this.broker = broker;
    }

    /** Writes {@code incidents} incidents' histories with every processor paused; answers their ids if few. */
    @PostMapping("/history")
    Map<String, Object> history(Authentication user, @RequestParam int incidents,
                                @RequestParam(defaultValue = "3") int tasks, @RequestParam(defaultValue = "1") int notes,
                                @RequestParam(defaultValue = "50") int openEvery,
                                @RequestParam(defaultValue = "4") int eventsPerCommit,
                                @RequestParam(defaultValue = "8") int threads) throws Exception {
        requireAdmin(user);
        var shape = new HistoryGenerator.Shape(tasks, notes, openEvery, eventsPerCommit);
        long start = System.nanoTime();
        processors.pauseAll();
        List<String> ids = new ArrayList<>();
        long events = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<HistoryGenerator.Written>> written = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                long serial = serials.incrementAndGet();
                written.add(pool.submit(() -> history.writeIncident(serial, shape)));
            }
            for (var future : written) {
                var result = future.get();
                events += result.events();
                if (incidents <= 10) {
                    ids.add(result.incidentId());
                }
            }
        } finally {
            pool.shutdown();
            processors.skipHistoryAndStart();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidents", incidents);
        answer.put("events", events);
        answer.put("head", processors.head());
        answer.put("millis", (System.nanoTime() - start) / 1_000_000);
        answer.put("ids", ids);
        return answer;
    }

    /** Resets every read model and starts rebuilding it; answers the head position the rebuild must reach. */
    @PostMapping("/replay")
    Map<String, Object> replay(Authentication user) {
        requireAdmin(user);
        return Map.of("head", processors.replay());
    }

    @GetMapping("/processors")
    ProcessorControl.Status processors(Authentication user, @RequestParam(defaultValue = "-1") long head) {
        requireAdmin(user);
        return processors.status(head);
    }

    /** Publishes a fixed board-sized message straight to the broker, carrying the caller's marker. */
    @PostMapping("/broadcast")
    Map<String, Object> broadcast(Authentication user, @RequestParam String marker,
                                  @RequestParam(defaultValue = "/topic/board") String topic) {
        requireAdmin(user);
        broker.convertAndSend(topic, FixedMessage.board(topic, marker));
        return Map.of("sent", marker);
    }

    /** Peak and current heap since start (or since the last reset with {@code reset=true}). */
    @GetMapping("/memory")
    Map<String, Object> memory(Authentication user, @RequestParam(defaultValue = "false") boolean reset) {
        requireAdmin(user);
        long peak = 0;
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                used += pool.getUsage().getUsed();
                if (reset) {
                    pool.resetPeakUsage();
                }
            }
        }
        return Map.of("heapPeakBytes", peak, "heapUsedBytes", used,
                "heapMaxBytes", Runtime.getRuntime().maxMemory());
    }

    private static void requireAdmin(Authentication user) {
        Set<String> roles = new HashSet<>();
        if (user != null) {
            user.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
        }
        if (!roles.contains("ROLE_ADMIN")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "bench hooks are for admins");
        }
    }
}
