package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.udf;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tail probabilities of the distributions the signals are judged by. Spark SQL has no
 * distribution functions, so these are the few user-defined functions of the stage; each is an
 * exact formula of Apache Commons Math (shipped with Spark), computed directly in the tail so that
 * a one-in-a-trillion value is not lost to rounding near 1.
 */
final class Tails {

  /** Above this size a negative binomial is a Poisson to double precision. */
  private static final double POISSON_SIZE = 1e10;
  private static final double LEAST_MEAN = 1e-9;

  private Tails() {}

  /**
   * P(Y ≥ y) for a negative binomial count of mean {@code mean} and size {@code size} (variance
   * mean + mean² / size; an infinite size is a Poisson).
   */
  static double countAtLeast(double y, double mean, double size) {
    if (y <= 0) {
      return 1.0;
    }
    double mu = Math.max(mean, LEAST_MEAN);
    if (size >= POISSON_SIZE) {
      return Gamma.regularizedGammaP(y, mu);
    }
    return Beta.regularizedBeta(mu / (mu + size), y, size);
  }

  /** P(Y ≤ y) for the same count. */
  static double countAtMost(double y, double mean, double size) {
    double mu = Math.max(mean, LEAST_MEAN);
    if (size >= POISSON_SIZE) {
      return Gamma.regularizedGammaQ(y + 1, mu);
    }
    return Beta.regularizedBeta(size / (mu + size), size, y + 1);
  }

  /** P(T ≥ t) for Student's t with {@code df} degrees of freedom (a normal above 1,000). */
  static double studentAbove(double t, double df) {
    if (df > 1000) {
      return 0.5 * org.apache.commons.math3.special.Erf.erfc(t / Math.sqrt(2));
    }
    return new TDistribution(null, Math.max(1, df)).cumulativeProbability(-t);
  }

  private static Double orNull(Double a, Double b, Double c, Function3 f) {
    return a == null || b == null || c == null ? null : f.apply(a, b, c);
  }

  @FunctionalInterface
  private interface Function3 {
    double apply(double a, double b, double c);
  }

  /** {@link #countAtLeast} as a column function of (y, mean, size). */
  static final UserDefinedFunction COUNT_AT_LEAST =
      udf((UDF3<Double, Double, Double, Double>) (y, m, s) -> orNull(y, m, s, Tails::countAtLeast), DataTypes.DoubleType)
          .withName("count_at_least");

  static final UserDefinedFunction COUNT_AT_MOST =
      udf((UDF3<Double, Double, Double, Double>) (y, m, s) -> orNull(y, m, s, Tails::countAtMost), DataTypes.DoubleType)
          .withName("count_at_most");

  static final UserDefinedFunction STUDENT_ABOVE =
      udf((UDF2<Double, Double, Double>) (t, df) -> t == null || df == null ? null : studentAbove(t, df), DataTypes.DoubleType)
          .withName("student_above");

}
