package city.beacon.infra.support;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** A Prometheus text exposition, read as a scraper would: find a sample by name and labels. */
public record Scrape(String text) {

    /** The value of the sample named {@code name} whose labels include all of {@code labels}; empty if none. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    public double valueOf(String name, Map<String, String> labels) {
        return value(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + labels + " in\n"
                + Arrays.stream(text.split("\n")).filter(line -> line.startsWith(name))
                .collect(Collectors.joining("\n"))));
    }
}
