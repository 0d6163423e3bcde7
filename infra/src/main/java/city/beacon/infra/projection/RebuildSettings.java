package city.beacon.infra.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code beacon.projections.rebuild.*} (application.yml): when a rebuild switches and how it is looked after.
 *
 * @param margin       how close (in events) the new generation must come to the live processor before the switch
 *                     stops the live processor for the last stretch
 * @param freezeLimit  how long the live processor may stay stopped for that last stretch before the switch gives up
 *                     and tries again later
 * @param silentAfter  a rebuild whose node has not recorded progress for this long is taken over by another node (or
 *                     by its own node after a restart)
 * @param retiredGrace how long an old generation is kept after the switch, for nodes still reading it
 * @param tick         how often progress is recorded and the switch considered
 */
@ConfigurationProperties("beacon.projections.rebuild")
public record RebuildSettings(@DefaultValue("200") long margin, @DefaultValue("10s") Duration freezeLimit,
                              @DefaultValue("10s") Duration silentAfter, @DefaultValue("10s") Duration retiredGrace,
                              @DefaultValue("500ms") Duration tick) {
}
