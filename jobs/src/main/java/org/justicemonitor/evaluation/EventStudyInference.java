package org.justicemonitor.evaluation;

import java.util.Arrays;

/**
 * Inference on a whole event-study curve from cluster-bootstrap replicates, after the R {@code did}
 * package's {@code mboot} (Callaway and Sant'Anna 2021, section 4.1): simultaneous bands, and the
 * joint test of the months before adoption that is their counterpart.
 *
 * <p>Each event time e has an estimate θ̂_e and replicates θ*_e,b. Its standard error is the
 * robust one {@code did} uses, the replicates' interquartile range over that of a standard normal
 * (a few wild replicates do not inflate it). The sup-t statistic of replicate b over a set of event
 * times is max_e |θ*_e,b − θ̂_e| / se_e; its 95% quantile c is the critical value of the band
 * θ̂_e ± c·se_e, which covers the whole curve at once with 95% probability, where pointwise
 * intervals cover each month but, over 37 months, miss somewhere most of the time.
 *
 * <p>Replicates in which an event time has no estimate (its cohorts were not drawn) leave that
 * event time out of that replicate's maximum; event times whose replicates do not vary (se 0)
 * are left out of the maximum, and get no band.
 */
public final class EventStudyInference {

  /** Φ⁻¹(0.75) − Φ⁻¹(0.25): the interquartile range of a standard normal. */
  private static final double NORMAL_IQR = 2 * 0.6744897501960817;

  /**
   * @param criticalValue c, the 95% quantile of the sup-t statistic (NaN when no event time varies)
   * @param low θ̂_e − c·se_e per event time (NaN where there is no band)
   * @param high θ̂_e + c·se_e
   */
  public record Band(double criticalValue, double[] low, double[] high) {}

  private EventStudyInference() {}

  /**
   * The robust standard error of each event time: the interquartile range of its finite
   * replicates over the normal's, NaN with fewer than two.
   *
   * @param replicates per event time, its bootstrap replicates
   */
  public static double[] standardErrors(double[][] replicates) {
    double[] se = new double[replicates.length];
    for (int e = 0; e < replicates.length; e++) {
      double[] finite = Arrays.stream(replicates[e]).filter(v -> !Double.isNaN(v)).sorted().toArray();
      se[e] = finite.length < 2 ? Double.NaN
          : (StaggeredAdoption.quantile(finite, 0.75) - StaggeredAdoption.quantile(finite, 0.25)) / NORMAL_IQR;
    }
    return se;
  }

  /** The simultaneous band at {@code level} (0.95) over every event time with an estimate. */
  public static Band uniformBand(double[] estimates, double[][] replicates, double level) {
    double[] se = standardErrors(replicates);
    boolean[] use = usable(estimates, se);
    double[] maxima = supT(estimates, replicates, se, use);
    double c = maxima.length < 2 ? Double.NaN : StaggeredAdoption.quantile(maxima, level);
    double[] low = new double[estimates.length];
    double[] high = new double[estimates.length];
    for (int e = 0; e < estimates.length; e++) {
      boolean banded = use[e] && !Double.isNaN(c);
      low[e] = banded ? estimates[e] - c * se[e] : Double.NaN;
      high[e] = banded ? estimates[e] + c * se[e] : Double.NaN;
    }
    return new Band(c, low, high);
  }

  /**
   * The joint test that every event time in {@code tested} is 0 (before adoption: no trend, no
   * anticipation). Statistic T = max_e |θ̂_e| / se_e; its null distribution is that of the centred
   * replicates' max_e |θ*_e,b − θ̂_e| / se_e; p = (1 + #{T*_b ≥ T}) / (1 + B), which is never 0 from
   * a finite bootstrap. A max-t test rather than a Wald test: the months before adoption are
   * deviations from their own average, so they sum to about 0 and their covariance is singular.
   * The test rejects at 5% exactly when the 95% simultaneous band of those months excludes 0
   * somewhere.
   *
   * @param tested which event times the hypothesis covers
   * @return NaN when none of them has a varying estimate
   */
  public static double jointTestPValue(double[] estimates, double[][] replicates, boolean[] tested) {
    double[] se = standardErrors(replicates);
    boolean[] use = usable(estimates, se);
    double statistic = Double.NEGATIVE_INFINITY;
    for (int e = 0; e < estimates.length; e++) {
      use[e] &= tested[e];
      if (use[e]) {
        statistic = Math.max(statistic, Math.abs(estimates[e]) / se[e]);
      }
    }
    if (statistic == Double.NEGATIVE_INFINITY) {
      return Double.NaN;
    }
    double[] maxima = supT(estimates, replicates, se, use);
    long atLeast = 0;
    for (double m : maxima) {
      if (m >= statistic) {
        atLeast++;
      }
    }
    return (1.0 + atLeast) / (1.0 + maxima.length);
  }

  private static boolean[] usable(double[] estimates, double[] se) {
    boolean[] use = new boolean[estimates.length];
    for (int e = 0; e < estimates.length; e++) {
      use[e] = !Double.isNaN(estimates[e]) && !Double.isNaN(se[e]) && se[e] > 0;
    }
    return use;
  }

  /** Per replicate, max over the used event times of |θ*_e,b − θ̂_e| / se_e, sorted; replicates with none are dropped. */
  private static double[] supT(double[] estimates, double[][] replicates, double[] se, boolean[] use) {
    int b = replicates.length == 0 ? 0 : replicates[0].length;
    double[] maxima = new double[b];
    int kept = 0;
    for (int r = 0; r < b; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int e = 0; e < estimates.length; e++) {
        if (use[e] && !Double.isNaN(replicates[e][r])) {
          max = Math.max(max, Math.abs(replicates[e][r] - estimates[e]) / se[e]);
        }
      }
      if (max != Double.NEGATIVE_INFINITY) {
        maxima[kept++] = max;
      }
    }
    double[] sorted = Arrays.copyOf(maxima, kept);
    Arrays.sort(sorted);
    return sorted;
  }
}
