package city.beacon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects rows, prints them as a Markdown table and writes them to bench/results/&lt;date&gt;.json. */
final class Report {
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println("  " + line(row));
    }

    void context(String key, Object value) {
        context.put(key, value);
    }

    void print(PrintStream out) {
        out.println();
        out.println("| scenario | figure | median (min–max) | baseline, same run | median (min–max) | ratio (min–max) |");
        out.println("|---|---|---|---|---|---|");
        for (Row row : rows) {
            out.println(line(row));
        }
        out.println();
        rows.stream().filter(r -> r.note() != null && !r.note().isBlank())
                .forEach(r -> out.println("- " + r.scenario() + " / " + r.figure() + ": " + r.note()));
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(LocalDate.now(ZoneOffset.UTC) + ".json");
        Map<String, Object> document = new LinkedHashMap<>(context);
        document.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        return file;
    }

    private static String line(Row row) {
        String baseline = row.baseline() == null ? "—" : row.baseline();
        String baselineValue = row.baselineValue() == null ? "—" : spread(row.baselineValue(), row.unit());
        // No ratio where the figure never arrived: "never" says it in the figure's own column.
        String ratio = row.ratio() == null || row.ratio().n() == 0 || Double.isInfinite(row.ratio().median()) ? "—"
                : String.format(Locale.ROOT, "%s× (%s–%s)", num(row.ratio().median()), num(row.ratio().min()),
                num(row.ratio().max()));
        return "| " + row.scenario() + " | " + row.figure() + " | " + spread(row.value(), row.unit()) + " | "
                + baseline + " | " + baselineValue + " | " + ratio + " |";
    }

    private static String spread(Summary s, String unit) {
        if (s.n() == 0) {
            return "n/a";
        }
        if (s.n() == 1 || s.min() == s.max()) {
            return num(s.median()) + " " + unit;
        }
        return num(s.median()) + " " + unit + " (" + num(s.min()) + "–" + num(s.max()) + ")";
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return "never";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
