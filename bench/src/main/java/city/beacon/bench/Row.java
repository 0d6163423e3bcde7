package city.beacon.bench;

import java.util.List;

/**
 * One line of the table: a figure over repetitions, its baseline measured in the same repetitions, and their ratio
 * (figure ÷ baseline, computed per repetition). A baseline of null means the row is reported alone (memory).
 */
public record Row(String scenario, String figure, String unit, Summary value, String baseline, Summary baselineValue,
                  Summary ratio, String note) {

    static Row paired(String scenario, String figure, String unit, List<Double> values, String baseline,
                      List<Double> baselines, String note) {
        var ratios = new java.util.ArrayList<Double>();
        for (int i = 0; i < Math.min(values.size(), baselines.size()); i++) {
            ratios.add(values.get(i) / baselines.get(i));
        }
        return new Row(scenario, figure, unit, Summary.of(values), baseline, Summary.of(baselines), Summary.of(ratios),
                note);
    }

    static Row alone(String scenario, String figure, String unit, List<Double> values, String note) {
        return new Row(scenario, figure, unit, Summary.of(values), null, null, null, note);
    }
}
