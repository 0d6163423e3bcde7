package city.beacon.infra.eventstore;

/**
 * A seam for tests that must stop a commit between reserving its positions and writing them (a stalled or crashed
 * writer). Production uses {@link #NONE}.
 */
interface CommitHook {
    CommitHook NONE = (firstPosition, count) -> { };

    void reserved(long firstPosition, int count);
}
