package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.spark.DataFrames;

/**
 * Reliability of each e-justice service per user region and month: requests, failure rate
 * ({@code server_error} + {@code timeout} over all requests), p50 and p95 latency, and the longest
 * run of consecutive clock hours whose failure rate is above a threshold, an outage proxy.
 *
 * <p>Latency percentiles come from Spark's {@code percentile_approx} with accuracy 10,000: the
 * value returned has a rank within 0.01% of the requests of the exact one, and is one of the
 * observed latencies. An hour without requests breaks a run; a run is counted in the month its
 * hours are in (a run across midnight of the last day is split).
 */
public final class ServiceReliability {

  public static final List<String> KEYS = List.of("service", "region_code", "period");

  static final List<Disclosure.Rule> RULES =
      List.of(
          Disclosure.Rule.count("requests"),
          Disclosure.Rule.of("failure_rate", "requests"),
          Disclosure.Rule.of("p50_latency_ms", "requests"),
          Disclosure.Rule.of("p95_latency_ms", "requests"),
          Disclosure.Rule.of("longest_failing_run_hours", "requests"));

  public static final List<String> COLUMNS =
      Stream.of(KEYS.stream(), RULES.stream().map(Disclosure.Rule::column), Stream.of("suppressed", "suppression_reason"))
          .flatMap(s -> s).toList();

  private static final int LATENCY_ACCURACY = 10_000;

  private ServiceReliability() {}

  /**
   * @param events ingested service events ({@code event_ts}, {@code event_month}, {@code service},
   *     {@code region_code}, {@code status}, {@code latency_ms})
   * @param failingAbove an hour is failing when its failure rate is above this
   */
  public static Dataset<Row> compute(Dataset<Row> events, double failingAbove, Disclosure disclosure) {
    Column failed = when(col("status").isin("server_error", "timeout"), 1).otherwise(0);
    Dataset<Row> monthly =
        events.groupBy(col("service"), col("region_code"), col("event_month").as("period"))
            .agg(
                count("*").as("requests"),
                sum(failed).cast("long").as("failures"),
                percentile_approx(col("latency_ms"), array(lit(0.5), lit(0.95)), lit(LATENCY_ACCURACY)).as("_latency"));

    Dataset<Row> hours =
        events.groupBy(col("service"), col("region_code"), col("event_month").as("period"),
                floor(unix_seconds(col("event_ts")).divide(3600)).as("hour"))
            .agg(count("*").as("n"), sum(failed).as("f"))
            .filter(col("f").divide(col("n")).gt(failingAbove));
    // Gaps and islands: within a run of consecutive hours, hour − its rank is constant.
    Column rank = row_number().over(Window.partitionBy("service", "region_code", "period").orderBy("hour"));
    Dataset<Row> runs =
        hours.withColumn("island", col("hour").minus(rank))
            .groupBy("service", "region_code", "period", "island")
            .agg(count("*").as("length"))
            .groupBy("service", "region_code", "period")
            .agg(max("length").as("longest_failing_run_hours"));

    Dataset<Row> table =
        monthly.join(runs, DataFrames.joinKeys(KEYS.toArray(String[]::new)), "left")
            .withColumn("failure_rate", DataFrames.ratio(col("failures"), col("requests")))
            .withColumn("p50_latency_ms", col("_latency").getItem(0))
            .withColumn("p95_latency_ms", col("_latency").getItem(1))
            .withColumn("longest_failing_run_hours", coalesce(col("longest_failing_run_hours"), lit(0L)));
    return DataFrames.publishable(disclosure.apply(table, RULES), COLUMNS);
  }
}
