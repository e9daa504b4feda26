package org.justicemonitor.anomalies;

/**
 * What the monitor cannot see: for a signal, an entity size and a review queue of m candidates,
 * the smallest change flagged with 80% probability at the false-discovery level q.
 *
 * <p>A lone anomaly among m candidates is flagged by Benjamini–Hochberg when its p ≤ q/m (with k
 * true anomalies in the queue the bar is k times lower for the k-th: the table is the hard case).
 * Counts are judged as the count models judge them (a tail beyond the least material change δ):
 * a surge of y filings against μ expected has p = P(Y ≥ y) for Y negative binomial with mean
 * μ(1 + δ) and overdispersion α (Poisson at α = 0), a stall p = P(Y ≤ y) at mean μ(1 − δ); the
 * month's count is drawn from the same law at the changed mean. A court's mean log days of n
 * decisions against its baseline has the {@link CaseLevelSpread} spread σ√(1/n + ρ), read as a
 * normal (the cases' degrees of freedom are many). Exact under those laws, not simulated: no
 * Monte Carlo error; the assumptions are the model's own (a level known from its history).
 */
public final class PowerTable {

  /** The probability of flagging the table is read at. */
  public static final double POWER = 0.8;
  private static final double POISSON = 1e12;

  private PowerTable() {}

  /** Negative binomial size of overdispersion α (variance μ + αμ²); α = 0 is a Poisson. */
  private static double size(double alpha) {
    return alpha <= 0 ? POISSON : 1 / alpha;
  }

  /**
   * The smallest multiple r &gt; 1 of the expected count μ that a surge must reach to be flagged
   * with {@link #POWER} probability.
   */
  public static double surge(double mu, double alpha, double minChange, double q, long m) {
    double size = size(alpha);
    double bar = q / m;
    // The least count whose tail at μ(1 + δ) is below the bar.
    long y = (long) Math.ceil(mu);
    while (Tails.countAtLeast(y, mu * (1 + minChange), size) > bar) {
      y++;
    }
    long least = y;
    return bisect(1, 1000, r -> Tails.countAtLeast(least, r * mu, size) >= POWER);
  }

  /**
   * The largest share r &lt; 1 of the expected count μ that a stall must fall to, to be flagged
   * with {@link #POWER} probability; 0 when not even a month of none is flagged that often.
   */
  public static double stall(double mu, double alpha, double minChange, double q, long m) {
    double size = size(alpha);
    double bar = q / m;
    long y = (long) Math.floor(mu);
    while (y >= 0 && Tails.countAtMost(y, mu * (1 - minChange), size) > bar) {
      y--;
    }
    if (y < 0) {
      return 0;
    }
    long most = y;
    // Flagged when the count is at most `most`, likelier the deeper the fall: the least fall at
    // which it is 80% likely, as a share kept.
    return 1 - bisect(0, 1, fall -> Tails.countAtMost(most, (1 - fall) * mu, size) >= POWER);
  }

  /**
   * The smallest factor on (1 + days to decision) of a court-month of n decisions that is
   * flagged with {@link #POWER} probability, for case residuals of standard deviation σ and a
   * month-level share ρ.
   */
  public static double slowdown(int n, double sigma, double monthShare, double q, long m) {
    double spread = Math.max(DecisionTimeModel.SPREAD_FLOOR, sigma * Math.sqrt(1.0 / n + monthShare));
    double z = normalQuantileAbove(q / m);
    return Math.exp(spread * (z + normalQuantileAbove(1 - POWER)));
  }

  /** z with P(Z ≥ z) = p for a standard normal. */
  static double normalQuantileAbove(double p) {
    return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - p);
  }

  /** The least x in [lo, hi] where the monotone test turns true, to 1e-4. */
  private static double bisect(double lo, double hi, java.util.function.DoublePredicate holds) {
    if (!holds.test(hi)) {
      return Double.POSITIVE_INFINITY;
    }
    while (hi - lo > 1e-4) {
      double mid = (lo + hi) / 2;
      if (holds.test(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }
}
