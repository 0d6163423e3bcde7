package city.beacon.api.incident;

import java.util.List;

/**
 * A page of an incident's timeline: pages hold a fixed number of lines each, oldest first; the latest page may hold
 * fewer. {@code pages} counts them all, so the pages before this one are {@code 0 … page-1}.
 */
public record TimelinePageView(String incidentId, int page, int pages, int pageSize, List<TimelineEntry> lines) {
    public TimelinePageView {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
