package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The signals that compare a monthly figure with the entity's own past ({@link Baseline}): a
 * court's incoming cases (a surge) and resolved cases (a stall), a region's days to register an
 * e-filing, and a region × service failure rate.
 *
 * <p>Counts move with the season and with national trends, so a court's count is first put
 * relative to the national mean per court of the same month; a month every court shares is then
 * no anomaly. Every signal is judged against its own sampling noise as well as its usual spread.
 */
final class MonthlySignals {

  /** Fewest registered e-filings in a month before a region's median days to register is scored. */
  static final long MIN_E_FILINGS = 20;

  /** Fewest requests in a month before a region × service failure rate is scored. */
  static final long MIN_REQUESTS = 10;

  private MonthlySignals() {}

  /**
   * @param courtFlow one row per court and month: {@code court_id}, {@code period}, {@code
   *     incoming}, {@code resolved}, {@code clearance_rate}
   */
  static Dataset<Row> incoming(Dataset<Row> courtFlow, AnomalyOptions o) {
    Dataset<Row> scored = relativeCount(courtFlow, "incoming", o, true);
    return candidates(scored, "court", Signal.INCOMING.label(), col("incoming"), col("expected"),
        concat(format_string("incoming %d cases against about %.0f expected from its past %d months, adjusted for the"
            + " national month; ", col("incoming"), col("expected"), lit(o.trailingMonths())), spreadWords()));
  }

  static Dataset<Row> resolved(Dataset<Row> courtFlow, AnomalyOptions o) {
    Dataset<Row> scored = relativeCount(courtFlow, "resolved", o, false);
    Column clearance = when(col("clearance_rate").isNotNull(), format_string("; clearance rate %.2f", col("clearance_rate")))
        .otherwise(lit(""));
    return candidates(scored, "court", Signal.RESOLVED.label(), col("resolved"), col("expected"),
        concat(format_string("resolved %d cases against about %.0f expected from its past %d months, adjusted for the"
            + " national month", col("resolved"), col("expected"), lit(o.trailingMonths())), clearance, lit("; "), spreadWords()));
  }

  /**
   * A court deciding far more cases than usual in one month: a backlog cleared all at once, often
   * with old cases decided in bulk (a question for review: how were they closed?).
   */
  static Dataset<Row> resolvedBurst(Dataset<Row> courtFlow, AnomalyOptions o) {
    Dataset<Row> scored = relativeCount(courtFlow, "resolved", o, true);
    return candidates(scored, "court", Signal.RESOLVED_BURST.label(), col("resolved"), col("expected"),
        concat(format_string("resolved %d cases against about %.0f expected from its past %d months, adjusted for the"
            + " national month: a backlog decided at once; ", col("resolved"), col("expected"), lit(o.trailingMonths())),
            spreadWords()));
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
    return candidates(scored, "region", Signal.DAYS_TO_REGISTER_E_FILING.label(), col("value"), col("baseline"),
        concat(format_string("median days to register an e-filing %.1f against about %.1f in its past %d months; ",
            col("value"), col("baseline"), lit(o.trailingMonths())), spreadWords()));
  }

  /**
   * @param serviceUse one row per region, service and month: {@code region_code}, {@code service},
   *     {@code period}, {@code service_requests}, {@code service_failures}
   */
  static Dataset<Row> failureRate(Dataset<Row> serviceUse, AnomalyOptions o) {
    // Anscombe's transform of a binomial share: its variance is about 1 / (4n) whatever the rate,
    // so a month of 20 requests and one of 20,000 are judged each by its own sampling noise.
    Column n = col("service_requests").cast("double");
    Column f = col("service_failures").cast("double");
    Dataset<Row> series = serviceUse.select(
        concat_ws(":", col("region_code"), col("service")).as("entity_id"),
        col("period"),
        col("service_requests"),
        when(n.geq(MIN_REQUESTS), f.divide(n)).as("rate"),
        when(n.geq(MIN_REQUESTS), asin(sqrt(f.plus(0.375).divide(n.plus(0.75))))).as("value"));
    Column noise = lit(0.5).divide(sqrt(n));
    Dataset<Row> scored = Baseline.score(series, o.trailingMonths(), o.minHistory(), greatest(noise, lit(0.01)), true);
    Column baselineRate = greatest(lit(0.0), pow(sin(col("baseline")), 2).multiply(n.plus(0.75)).minus(0.375).divide(n));
    return candidates(scored, "region_service", Signal.SERVICE_FAILURE_RATE.label(), col("rate"), baselineRate,
        concat(format_string("failure rate %.1f%% of %d requests against about %.1f%% in its past %d months; ",
            col("rate").multiply(100), col("service_requests"), baselineRate.multiply(100), lit(o.trailingMonths())),
            spreadWords()));
  }

  /**
   * A count relative to the national month, on Anscombe's square-root scale: 2√(x + 3/8) has a
   * sampling variance of about 1 whatever the count, so a court of 10 cases a month and one of
   * 1,000 are each judged against their own noise. The count is first divided by the month's
   * seasonal factor (the national mean per court that month over the mean of all months), so a
   * month every court shares cancels.
   */
  private static Dataset<Row> relativeCount(Dataset<Row> courtFlow, String count, AnomalyOptions o, boolean higherIsWorse) {
    Column perCourt = avg(col(count)).over(Window.partitionBy("period"));
    Dataset<Row> withFactor = courtFlow.withColumn("_month_mean", perCourt);
    Column overall = avg(col("_month_mean")).over(Window.partitionBy());
    Dataset<Row> series = withFactor.select(col("court_id").as("entity_id"), col("period"), col(count), col("clearance_rate"),
        greatest(col("_month_mean").divide(overall), lit(0.05)).as("_season"))
        .withColumn("value", sqrt(col(count).plus(0.375).divide(col("_season"))).multiply(2));
    // Below Poisson noise no spread is believable: 1 on this scale.
    Dataset<Row> scored = Baseline.score(series, o.trailingMonths(), o.minHistory(), 1.0, higherIsWorse);
    Column expected = pow(col("baseline").divide(2), 2).multiply(col("_season")).minus(0.375);
    return scored.withColumn("expected", greatest(lit(0.0), expected));
  }

  /** "4.2 × its usual spread": the score in words. */
  static Column spreadWords() {
    return format_string("%.1f × its usual spread", col("score"));
  }

  static Dataset<Row> candidates(Dataset<Row> scored, String entityType, String signal, Column actual, Column expected,
      Column explanation) {
    return candidates(scored, entityType, signal, actual, expected, explanation, lit(null).cast("string"));
  }

  /**
   * What every signal hands on, one row per scored entity and month: entity_type, entity_id,
   * period, signal, actual, expected, score, explanation, top_features.
   */
  static Dataset<Row> candidates(Dataset<Row> scored, String entityType, String signal, Column actual, Column expected,
      Column explanation, Column topFeatures) {
    return scored.filter(col("score").isNotNull()).select(
        lit(entityType).as("entity_type"),
        col("entity_id"),
        col("period"),
        lit(signal).as("signal"),
        actual.cast("double").as("actual"),
        expected.cast("double").as("expected"),
        col("score"),
        explanation.as("explanation"),
        topFeatures.as("top_features"));
  }
}
