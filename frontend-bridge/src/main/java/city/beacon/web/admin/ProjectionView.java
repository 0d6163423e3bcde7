package city.beacon.web.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One processor as {@code GET /api/admin/projections} shows it.
 *
 * @param name       the processing group, as used in {@code /api/admin/projections/{name}/replay}
 * @param position   the lowest position among the segments this node holds; -1 when it holds none
 * @param head       the event store's highest committed position
 * @param lag        head - position; -1 when unknown
 * @param state      LIVE, or REBUILDING while a new generation is being built
 * @param generation the generation the live views read (1 until the first rebuild)
 * @param rebuild    the rebuild under way, or null
 */
public record ProjectionView(String name, long position, long head, long lag, String state, int generation,
                             @JsonInclude(JsonInclude.Include.ALWAYS) RebuildView rebuild) {
    public static final String LIVE = "LIVE";
    public static final String REBUILDING = "REBUILDING";
}
