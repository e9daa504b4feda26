package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/**
 * Reliability of each e-justice service per user region and month: requests, failure rate
 * ({@code server_error} + {@code timeout} over all requests), p50 and p95 latency, and the longest
 * outage: the longest run of consecutive down hours ({@link ServiceHours}: hours with enough
 * requests to judge whose failure rate is above a threshold).
 *
 * <p>Latency percentiles come from Spark's {@code percentile_approx} with accuracy 10,000: the
 * value returned has a rank within 0.01% of the requests of the exact one, and is one of the
 * observed latencies.
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

  static final int LATENCY_ACCURACY = 10_000;

  private ServiceReliability() {}

  /**
   * @param events ingested service events ({@code event_ts}, {@code event_month}, {@code service},
   *     {@code region_code}, {@code status}, {@code latency_ms})
   * @param outage when an hour counts and is failing ({@link ServiceHours})
   */
  public static Dataset<Row> compute(Dataset<Row> events, ServiceHours.Rule outage, Disclosure disclosure) {
    Dataset<Row> monthly =
        events.groupBy(col("service"), col("region_code"), col("event_month").as("period"))
            .agg(
                count("*").as("requests"),
                sum(ServiceHours.failed()).cast("long").as("failures"),
                percentile_approx(col("latency_ms"), array(lit(0.5), lit(0.95)), lit(LATENCY_ACCURACY)).as("_latency"));
    List<String> keys = List.of("service", "region_code");
    Dataset<Row> runs = ServiceHours.outages(ServiceHours.hourly(events, keys), keys, outage)
        .select(col("service"), col("region_code"), col("period"), col("longest_outage_hours").as("longest_failing_run_hours"));

    Dataset<Row> table =
        monthly.join(runs, DataFrames.joinKeys(KEYS.toArray(String[]::new)), "left")
            .withColumn("failure_rate", DataFrames.ratio(col("failures"), col("requests")))
            .withColumn("p50_latency_ms", col("_latency").getItem(0))
            .withColumn("p95_latency_ms", col("_latency").getItem(1))
            .withColumn("longest_failing_run_hours", coalesce(col("longest_failing_run_hours"), lit(0L)));
    return DataFrames.publishable(disclosure.apply(table, RULES), COLUMNS);
  }
}
