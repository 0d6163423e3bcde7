package city.beacon.infra.audit;

import city.beacon.query.support.EventPosition;
import city.beacon.query.support.ReadModelBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals the stream as it is committed: once per batch of the {@value #GROUP} processor, every position up to the
 * lowest one still in flight (its token's first gap) is sealed, read back from the store itself. A seal therefore
 * lags its events by at most one batch. Each seal's hash is written to the log, so the chain's head is also kept
 * somewhere the store's writers cannot rewrite (docs/audit.md).
 */
@Component
@ProcessingGroup(Sealer.GROUP)
public class Sealer {
    public static final String GROUP = "audit-seals";
    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** Keeps a seal's digests far below the 16 MB document limit (65 bytes each). */
    private static final int MAX_PER_SEAL = 10_000;
    private static final String THROUGH = Sealer.class.getName() + ".through";
    private final Seals seals;
    private Seals.Seal latest;

    public Sealer(Seals seals) {
        this.seals = seals;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        EventPosition position = EventPosition.of(message);
        if (position == null) {
            return;
        }
        long complete = position.gaps().isEmpty() ? position.position() : position.gaps().first() - 1;
        var batch = ReadModelBatch.current();
        if (batch == null) {
            sealThrough(complete);
            return;
        }
        AtomicLong through = CurrentUnitOfWork.get().root().getOrComputeResource(THROUGH, key -> {
            var max = new AtomicLong();
            batch.afterFlush(flushed -> sealThrough(max.get()));
            return max;
        });
        through.accumulateAndGet(complete, Math::max);
    }

    /** Seals every position up to {@code complete} not sealed yet. */
    public synchronized void sealThrough(long complete) {
        if (latest == null) {
            latest = seals.latest();
        }
        try {
            while (complete > latest.to()) {
                latest = seals.seal(latest, Math.min(complete, latest.to() + MAX_PER_SEAL));
                log.info("audit seal {} covers positions {}-{}: hash {}", latest.number(), latest.from(),
                        latest.to(), latest.hash());
            }
        } catch (RuntimeException e) {
            latest = null;   // e.g. another node sealed first: start again from what is stored
            throw e;
        }
    }
}
