package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Random numbers as pure functions of (seed, row id, draw number): a hash, not a generator
 * state, so every row gets the same values however the data is partitioned, and each draw of a
 * row is independent of the others. {@code rand(seed)} would depend on the partitioning.
 */
final class Draws {

  private static final double TWO_POW_53 = 9007199254740992.0;

  private final long seed;
  private final Column id;

  Draws(long seed, Column id) {
    this.seed = seed;
    this.id = id;
  }

  /** Uniform on [0, 1). Each {@code draw} number names one independent variable. */
  Column uniform(int draw) {
    return shiftrightunsigned(xxhash64(lit(seed), id, lit(draw)), 11).cast("double").divide(TWO_POW_53);
  }

  /** A whole number uniform on [0, n). */
  Column index(int draw, Column n) {
    return floor(uniform(draw).multiply(n)).cast("int");
  }

  /** Standard normal, by the Box-Muller transform of two uniforms. */
  Column normal(int draw) {
    Column u1 = uniform(draw).plus(1e-12);
    Column u2 = uniform(draw + 50_000);
    return sqrt(log(u1).multiply(-2.0)).multiply(cos(u2.multiply(2 * Math.PI)));
  }

  /** Log-normal with the given median and log-scale spread. */
  Column logNormal(int draw, Column median, double sigma) {
    return median.multiply(exp(normal(draw).multiply(sigma)));
  }

  Column logNormal(int draw, double median, double sigma) {
    return logNormal(draw, lit(median), sigma);
  }

  /** True with probability p. */
  Column chance(int draw, Column p) {
    return uniform(draw).lt(p);
  }

  Column chance(int draw, double p) {
    return chance(draw, lit(p));
  }

  /** One of {@code values}, drawn with the given weights (need not sum to 1). */
  Column pick(int draw, List<String> values, double... weights) {
    if (values.size() != weights.length) {
      throw new IllegalArgumentException("one weight per value");
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    // One flat CASE WHEN over cumulative thresholds: shallow enough for Spark's code generator.
    Column u = uniform(draw);
    Column choice = null;
    double cumulative = 0;
    for (int i = 0; i < values.size() - 1; i++) {
      cumulative += weights[i];
      Column branch = u.lt(cumulative / total);
      choice = choice == null ? when(branch, lit(values.get(i))) : choice.when(branch, lit(values.get(i)));
    }
    return choice == null ? lit(values.get(0)) : choice.otherwise(lit(values.get(values.size() - 1)));
  }
}
