package city.beacon.web.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The largest request body each endpoint reads ({@code beacon.http.body-limits}): {@code default} for every request,
 * {@code paths} for endpoints that need more (sensor batches, CAP alerts). Keys of {@code paths} are exact paths.
 */
@ConfigurationProperties("beacon.http.body-limits")
public record BodyLimits(@Name("default") DataSize defaultLimit, Map<String, DataSize> paths) {
    public static final DataSize DEFAULT = DataSize.ofKilobytes(256);

    public BodyLimits {
        defaultLimit = defaultLimit == null ? DEFAULT : defaultLimit;
        paths = paths == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(paths));
    }

    /** In bytes, for a request path (without the context path). */
    public long forPath(String path) {
        DataSize limit = paths.get(path);
        return (limit == null ? defaultLimit : limit).toBytes();
    }
}
