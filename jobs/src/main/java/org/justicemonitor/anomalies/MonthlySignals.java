package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/**
 * What every signal hands on (its candidates, with a tail probability each), and the signal that
 * is not a count: a region's median days to register an e-filing, a robust score against the
 * region's own past ({@link Baseline}) read as a Student's t tail.
 */
public final class MonthlySignals {

  /** Fewest registered e-filings in a month before a region's median days to register is scored. */
  public static final long MIN_E_FILINGS = 10;

  private MonthlySignals() {}

  /**
   * Median days from filing to registration of the e-filings filed in each region and month, at
   * every level of court (the lag is the registry's, whichever court the case goes to), on the
   * grid of the region's months.
   *
   * @param cases the ingested cases
   * @param regionGrid {@code region_code}, {@code period}: every region and scored month
   */
  static Dataset<Row> registrationMonths(Dataset<Row> cases, Dataset<Row> regionGrid) {
    return regionGrid.join(registeredEFilings(cases), DataFrames.joinKeys("region_code", "period"), "left");
  }

  /**
   * The registered e-filings of each region and month of filing: {@code region_code}, {@code
   * period}, {@code register_base} (how many) and {@code median_days_to_register_e_filing}.
   */
  public static Dataset<Row> registeredEFilings(Dataset<Row> cases) {
    return cases.filter(col("filing_channel").equalTo("e_filing").and(col("registered_at").isNotNull()))
        .groupBy(col("region_code"), date_format(col("filed_at"), "yyyy-MM").as("period"))
        .agg(count(lit(1)).as("register_base"),
            percentile(datediff(col("registered_at"), col("filed_at")), lit(0.5)).as("median_days_to_register_e_filing"));
  }

  /**
   * @param regionFlow one row per region and month: {@code region_code}, {@code period}, {@code
   *     median_days_to_register_e_filing}
   */
  static Dataset<Row> registration(Dataset<Row> regionFlow, AnomalyOptions o) {
    // The median of a handful of e-filings jumps by chance: months with fewer are not scored.
    Dataset<Row> series = regionFlow.select(col("region_code").as("entity_id"), col("period"),
        when(col("register_base").geq(MIN_E_FILINGS), col("median_days_to_register_e_filing")).as("value"));
    Dataset<Row> scored = Baseline.score(series, o.trailingMonths(), o.minHistory(), 1.0, true);
    Column p = robustTail();
    return candidates(scored, Signal.DAYS_TO_REGISTER_E_FILING, col("value"), col("baseline"), p,
        concat(format_string("median days to register an e-filing %.1f against about %.1f in its past %d months; ",
            col("value"), col("baseline"), lit(o.trailingMonths())), spreadWords(), lit("; "), CountSignals.chanceWords(p)));
  }

  /** "4.2 × its usual spread": a robust score in words. */
  static Column spreadWords() {
    return format_string("%.1f × its usual spread", col("score"));
  }

  /** The smallest tail probability a candidate carries. */
  static final double LEAST_P = 1e-300;

  /** The efficiency of the median absolute deviation against the standard deviation, for normal data. */
  static final double MAD_EFFICIENCY = 0.37;

  /**
   * The tail probability of a robust score ({@link Baseline}): Student's t, its degrees of
   * freedom those of a standard deviation learnt from the entity's months of history, discounted
   * by the median absolute deviation's efficiency (a robust spread knows less than it seems).
   */
  static Column robustTail() {
    return Tails.STUDENT_ABOVE.apply(col("score"), col("history_months").minus(1).multiply(MAD_EFFICIENCY).cast("double"));
  }

  static Dataset<Row> candidates(Dataset<Row> scored, Signal signal, Column actual, Column expected,
      Column pValue, Column explanation) {
    return candidates(scored, signal, actual, expected, pValue, explanation, lit(null).cast("string"));
  }

  /**
   * What every signal hands on, one row per scored entity and month: entity_type, entity_id,
   * period, signal, actual, expected, p_value (the tail probability of a month at least as
   * abnormal under the signal's model), explanation, top_features.
   */
  static Dataset<Row> candidates(Dataset<Row> scored, Signal signal, Column actual, Column expected,
      Column pValue, Column explanation, Column topFeatures) {
    // A tail below the smallest double is 0: kept at 1e-300, so that it can be inverted, logged
    // and ranked like every other.
    return scored.filter(pValue.isNotNull()).select(
        lit(signal.entityType()).as("entity_type"),
        col("entity_id"),
        col("period"),
        lit(signal.label()).as("signal"),
        actual.cast("double").as("actual"),
        expected.cast("double").as("expected"),
        greatest(pValue, lit(LEAST_P)).as("p_value"),
        explanation.as("explanation"),
        topFeatures.as("top_features"));
  }
}
