package org.justicemonitor.evaluation;

import java.util.Arrays;

/**
 * How large a violation of parallel trends would overturn an impact estimate: a sensitivity
 * analysis in the spirit of Rambachan and Roth's (2023) relative magnitudes, the R
 * {@code HonestDiD} package's {@code Mbar}.
 *
 * <p>Restriction: after adoption, the bias of each event time (what the comparison courts' path
 * gets wrong about the adopting courts') is at most M̄ times the largest deviation seen before
 * adoption, D = max_{e&lt;0} |θ_e|. HonestDiD bounds the month-to-month changes of the bias; here the
 * bias itself, because every event time, before adoption and after, is measured against the same
 * base (the adopting courts' pre-adoption average), so a pre-adoption deviation is already the
 * level a post-adoption bias would have. The overall effect, an average of post-adoption event
 * times, is then identified only up to θ ± M̄·D.
 *
 * <p>Its 95% interval at M̄ takes the bounds' bootstrap percentiles, each replicate with its own
 * D*: [q_2.5%(θ* − M̄·D*), q_97.5%(θ* + M̄·D*)], so that the uncertainty of D counts; at M̄ = 0
 * it is the percentile interval. The <em>breakdown</em> value is the smallest M̄ whose interval
 * includes 0: 0 when the interval already does; 2 means the effect stands unless, after
 * adoption, the comparison courts were off by more than twice the largest gap seen before it.
 * Simpler than HonestDiD's conditional and hybrid intervals (no linear programme), and
 * conservative in the same direction as any union of intervals.
 */
public final class ParallelTrendsSensitivity {

  /** Beyond this, the estimate is for practical purposes unbreakable. */
  static final double MAX_BREAKDOWN = 1000;

  private ParallelTrendsSensitivity() {}

  /**
   * @param overall θ*_b: the overall effect in each bootstrap replicate
   * @param preDeviation D*_b: the replicate's largest absolute pre-adoption deviation
   * @return {low, high}, the 95% interval at M̄; NaNs when fewer than two replicates have both
   */
  public static double[] interval(double[] overall, double[] preDeviation, double mBar) {
    int n = Math.min(overall.length, preDeviation.length);
    double[] low = new double[n];
    double[] high = new double[n];
    int kept = 0;
    for (int b = 0; b < n; b++) {
      if (!Double.isNaN(overall[b]) && !Double.isNaN(preDeviation[b])) {
        low[kept] = overall[b] - mBar * preDeviation[b];
        high[kept] = overall[b] + mBar * preDeviation[b];
        kept++;
      }
    }
    if (kept < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    low = Arrays.copyOf(low, kept);
    high = Arrays.copyOf(high, kept);
    Arrays.sort(low);
    Arrays.sort(high);
    return new double[] {StaggeredAdoption.quantile(low, 0.025), StaggeredAdoption.quantile(high, 0.975)};
  }

  /**
   * The breakdown value: the smallest M̄ (to 0.001) at which the interval includes 0.
   *
   * @return 0 when it includes 0 at M̄ = 0; {@link Double#POSITIVE_INFINITY} beyond
   *     {@value #MAX_BREAKDOWN}; NaN without an interval, or when no replicate deviated before
   *     adoption (a single pre-adoption month has no deviation to scale)
   */
  public static double breakdown(double[] overall, double[] preDeviation) {
    if (Arrays.stream(preDeviation).noneMatch(d -> d > 0)) {
      return Double.NaN;
    }
    double[] atZero = interval(overall, preDeviation, 0);
    if (Double.isNaN(atZero[0])) {
      return Double.NaN;
    }
    if (includesZero(atZero)) {
      return 0;
    }
    double low = 0;
    double high = 1;
    while (!includesZero(interval(overall, preDeviation, high))) {
      low = high;
      high *= 2;
      if (high > MAX_BREAKDOWN) {
        return Double.POSITIVE_INFINITY;
      }
    }
    // Each replicate's bounds widen with M̄, so their quantiles do: the first M̄ that reaches 0 is unique.
    while (high - low > 1e-4) {
      double mid = (low + high) / 2;
      if (includesZero(interval(overall, preDeviation, mid))) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return Math.round(high * 1000) / 1000.0;
  }

  private static boolean includesZero(double[] interval) {
    return interval[0] <= 0 && interval[1] >= 0;
  }
}
