package city.beacon.infra.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param boardCheckpointInterval a board checkpoint is stored every this many stream positions: the board at any
 *                                instant replays at most this many events after the checkpoint it starts from
 */
@ConfigurationProperties("beacon.audit")
public record AuditProperties(Integer boardCheckpointInterval) {
    public AuditProperties {
        if (boardCheckpointInterval == null) {
            boardCheckpointInterval = 1000;
        }
        if (boardCheckpointInterval < 1) {
            throw new IllegalArgumentException("beacon.audit.board-checkpoint-interval must be at least 1");
        }
    }
}
