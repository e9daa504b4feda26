package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * A robust score of how far a monthly value departs from an entity's own recent past.
 *
 * <p>For each entity and month: the baseline is the median of the entity's values in the
 * trailing months (the current month left out); the deviation is value − baseline; the usual
 * spread is 1.4826 × the median absolute deviation of the entity's deviations over its whole
 * history (robust: a few anomalous months barely move it), never below a floor; the score is
 * deviation / spread, signed so that the abnormal direction is positive. A value always high
 * (a region structurally slower) has a high baseline and scores about 0; shared seasonality and
 * national trends are removed before, by the caller, where they matter.
 */
public final class Baseline {

  /** The factor that makes a median absolute deviation estimate a normal standard deviation. */
  static final double MAD_TO_SD = 1.4826;

  private Baseline() {}

  /**
   * @param series one row per entity and month: {@code entity_id}, {@code period} (yyyy-MM) and a
   *     double column {@code value}; months sorted by label
   * @param trailingMonths months in the baseline
   * @param minHistory fewest trailing months with a value before a month is scored
   * @param spreadFloor the smallest spread, in the value's unit: keeps an entity whose value
   *     barely moves from scoring huge on a tiny change
   * @param higherIsWorse the abnormal direction: up (a delay, a failure rate) or down (a stall)
   * @return the series with {@code baseline}, {@code deviation}, {@code spread}, {@code score} and
   *     {@code history_months} (the entity's months with a value, of which the spread was learnt)
   */
  public static Dataset<Row> score(
      Dataset<Row> series, int trailingMonths, int minHistory, double spreadFloor, boolean higherIsWorse) {
    return score(series, trailingMonths, minHistory, lit(spreadFloor), higherIsWorse);
  }

  /**
   * As above, with a floor that may differ from month to month: the sampling noise of a value
   * computed from few observations, so that a month with little data cannot score high on chance.
   */
  public static Dataset<Row> score(
      Dataset<Row> series, int trailingMonths, int minHistory, Column spreadFloor, boolean higherIsWorse) {
    WindowSpec trailing = Window.partitionBy("entity_id").orderBy("period").rowsBetween(-trailingMonths, -1);
    Dataset<Row> withBaseline =
        series.withColumn("baseline", when(count(col("value")).over(trailing).geq(minHistory),
                percentile(col("value"), lit(0.5)).over(trailing)))
            .withColumn("deviation", col("value").minus(col("baseline")));
    WindowSpec history = Window.partitionBy("entity_id");
    Column centre = percentile(col("deviation"), lit(0.5)).over(history);
    Dataset<Row> centred = withBaseline.withColumn("_abs", abs(col("deviation").minus(centre)));
    Column spread = greatest(percentile(col("_abs"), lit(0.5)).over(history).multiply(MAD_TO_SD), spreadFloor);
    Column signed = higherIsWorse ? col("deviation") : col("deviation").multiply(-1);
    return centred.withColumn("spread", spread)
        .withColumn("history_months", count(col("value")).over(history))
        .withColumn("score", signed.divide(col("spread")))
        .drop("_abs");
  }
}
