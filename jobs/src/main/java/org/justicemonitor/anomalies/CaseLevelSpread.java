package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * How far a court-month's mean may stray by chance, from the month's cases rather than from the
 * court's few dozen monthly means alone: the power the cases give.
 *
 * <p>Model of a court-month mean residual: r̄_m = μ_c + u_m + ε̄_m, with a month-level variance
 * component u_m ~ (0, ρ·σ²_c) and the mean of n_m cases' noise ε̄_m ~ (0, σ²_c / n_m). σ²_c, the
 * court's within-month variance of case residuals, is pooled over all its months (hundreds or
 * thousands of cases: its degrees of freedom Σ(n_m − 1) are many). ρ, the month-level variance in
 * units of the case variance, is pooled over every court and scored month, robustly: if the
 * deviations d from the court's baseline follow the model, d² / (σ²_c (1/n + ρ)) is χ²₁, whose
 * median is 0.4549, so ρ̂ = max(0, median(d² / σ²_c) / 0.4549 − median(1/n)); anomalous months
 * barely move a median. The model's spread of the month is σ_c √(1/n_m + ρ̂).
 *
 * <p>A month of fewer than {@value #MIN_CASES} decisions, and a court that varies more from month
 * to month than the pooled ρ says, are read from the court's own months. Its own robust spread S
 * ({@link Baseline}, from its months) is then the honest one: when S² exceeds the model's spread²
 * beyond the 95% quantile of χ²_ν / ν (ν the degrees of freedom of S: 0.37 × (months − 1), the
 * median absolute deviation's efficiency), the month is scored against S and read as Student's t
 * with ν degrees of freedom, as before; otherwise against the model's spread, read as t with the
 * cases' degrees of freedom — so 25 decisions three times older than usual score far out in the
 * tail instead of at a t with 11 degrees of freedom.
 */
final class CaseLevelSpread {

  /**
   * Fewest decisions in a month for its mean to be read from its cases: the mean of one to a few
   * case residuals (heavy-tailed: a few very old cases) is nowhere near normal. Below, the court's
   * own months speak. Seed 2027 at half volume raised two false flags of regional courts' months
   * of 1 and 3 decisions when every month was read from its cases.
   */
  static final long MIN_CASES = 10;

  /** The median of χ² with one degree of freedom. */
  static final double CHI2_1_MEDIAN = 0.454936423119572;
  /** Φ⁻¹(0.95), for the Wilson–Hilferty quantile of χ². */
  private static final double Z_95 = 1.6448536269514722;

  private CaseLevelSpread() {}

  /**
   * @param scored {@link Baseline#score} output with {@code decisions} (cases in the month) and
   *     {@code within_var} (their residuals' sample variance; null for one case)
   * @param scoredMonth which rows are scored months (not warm-up, with a baseline)
   * @return ρ̂, estimated from the scored months
   */
  static double monthShare(Dataset<Row> scored, Column scoredMonth) {
    // Window expressions may not stand in a filter: each becomes a column first.
    Row r = withPooledVariance(scored).withColumn("_scored_month", scoredMonth)
        .filter(col("_scored_month").and(col("deviation").isNotNull()).and(col("_pooled_var").gt(0)))
        .agg(percentile(pow(col("deviation"), 2).divide(col("_pooled_var")), lit(0.5)),
            percentile(lit(1.0).divide(col("decisions")), lit(0.5)))
        .first();
    if (r.isNullAt(0)) {
      return 0.0;
    }
    return Math.max(0.0, r.getDouble(0) / CHI2_1_MEDIAN - r.getDouble(1));
  }

  /**
   * Replaces {@code score} by the score against the chosen spread and adds {@code df}, the degrees
   * of freedom its tail is read with; {@code spread} becomes the chosen spread.
   */
  static Dataset<Row> rescore(Dataset<Row> scored, double monthShare, double floor) {
    Column ownDf = col("history_months").minus(1).multiply(MonthlySignals.MAD_EFFICIENCY);
    Column model = greatest(lit(floor), sqrt(col("_pooled_var").multiply(lit(1.0).divide(col("decisions")).plus(monthShare))));
    Column own = col("spread");
    // The court's own months vary more than the model allows, beyond chance: trust its own spread.
    Column ownLarger = col("_pooled_var").isNull().or(col("decisions").lt(MIN_CASES))
        .or(pow(own.divide(model), 2).gt(chiSquareQuantile95OverDf(ownDf)));
    return withPooledVariance(scored)
        .withColumn("_use_own", ownLarger)
        .withColumn("spread", when(col("_use_own"), own).otherwise(model))
        .withColumn("score", col("deviation").divide(col("spread")))
        .withColumn("df", when(col("_use_own"), ownDf).otherwise(col("_cases_df")).cast("double"))
        .drop("_use_own", "_pooled_var", "_cases_df");
  }

  /** The court's within-month variance pooled over its months, and its degrees of freedom. */
  private static Dataset<Row> withPooledVariance(Dataset<Row> scored) {
    WindowSpec court = Window.partitionBy("entity_id");
    Column freedom = when(col("decisions").gt(1).and(col("within_var").isNotNull()), col("decisions").minus(1));
    return scored.withColumn("_cases_df", sum(freedom).over(court))
        .withColumn("_pooled_var", sum(freedom.multiply(col("within_var"))).over(court).divide(col("_cases_df")));
  }

  /** The 95% quantile of χ²_ν / ν, by Wilson and Hilferty (within 1% from ν = 2 on). */
  static Column chiSquareQuantile95OverDf(Column df) {
    Column a = lit(2.0 / 9).divide(greatest(df, lit(1.0)));
    return pow(lit(1.0).minus(a).plus(sqrt(a).multiply(Z_95)), 3);
  }
}
