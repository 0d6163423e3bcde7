package city.beacon.query.kpi;

import city.beacon.api.kpi.ResponseTimes;

import java.util.Arrays;

/**
 * Median and 90th percentile by linear interpolation between the closest ranks (the "R-7" rule of spreadsheets'
 * PERCENTILE.INC): the median of an even count is the mean of the middle two.
 */
final class ResponseTimeStatistics {
    private ResponseTimeStatistics() { }

    static ResponseTimes of(double[] seconds) {
        if (seconds.length == 0) {
            return new ResponseTimes(0, null, null);
        }
        var sorted = seconds.clone();
        Arrays.sort(sorted);
        return new ResponseTimes(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double value = sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
        return Math.round(value * 1000) / 1000.0;   // millisecond precision is plenty for response times
    }
}
