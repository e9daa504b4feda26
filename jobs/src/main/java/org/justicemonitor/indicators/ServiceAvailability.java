package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/**
 * Availability of each e-justice service per month, for the whole country ({@code region_code}
 * {@value #ALL_REGIONS}: every user, also those of unknown region) and per user region, judged
 * hour by hour ({@link ServiceHours}): availability = 1 − down hours / judged hours, the outages
 * as runs of down hours, and the 95th percentile of latency against a target.
 *
 * <p>Only hours with enough requests are judged, so a region or service with little traffic has
 * few judged hours or none (availability null): that says the data cannot tell, not that the
 * service was up. {@code p95_latency_ms} is Spark's {@code percentile_approx}: a region's is the
 * one {@link ServiceReliability} published (null where that row is suppressed, as it would be
 * here), the country's is computed the same way; {@code share_over_latency_target} is exact. Every value rests on
 * the row's requests and follows the k rule. The requests themselves are not published here
 * (they are in {@code service_reliability_month}), so this table adds no count from which a
 * suppressed one could be worked out.
 */
public final class ServiceAvailability {

  /** The region code of the rows that count every user of a service. */
  public static final String ALL_REGIONS = "all";

  public static final List<String> KEYS = List.of("service", "region_code", "period");

  /** The published measures, in order; all but the target rest on the row's requests. */
  private static final List<String> MEASURES = List.of("judged_hours", "outage_hours", "availability", "outages",
      "longest_outage_hours", "p95_latency_ms", "latency_target_ms", "p95_within_target", "share_over_latency_target");

  static final List<Disclosure.Rule> RULES = MEASURES.stream().filter(m -> !m.equals("latency_target_ms"))
      .map(m -> Disclosure.Rule.of(m, "requests")).toList();

  public static final List<String> COLUMNS =
      Stream.of(KEYS, MEASURES, List.of("suppressed", "suppression_reason")).flatMap(List::stream).toList();

  private ServiceAvailability() {}

  /**
   * @param events ingested service events ({@code event_ts}, {@code event_month}, {@code service},
   *     {@code region_code}, {@code status}, {@code latency_ms})
   * @param regionalLatency {@code service_reliability_month}: the regions' p95 latency is its, not
   *     computed a second time
   * @param latencyTargetMs the latency a request should be answered within
   */
  public static Dataset<Row> compute(Dataset<Row> events, Dataset<Row> regionalLatency, ServiceHours.Rule outage,
      long latencyTargetMs, Disclosure disclosure) {
    List<String> keys = List.of("service", "region_code");
    // The hours of each region, then of the whole country from them: a few rows per hour instead of every request twice.
    Dataset<Row> regionHours = ServiceHours.hourly(events, keys, count("latency_ms").as("timed"),
        sum(when(col("latency_ms").gt(latencyTargetMs), 1L).otherwise(0L)).as("over_target"));
    Dataset<Row> nationalHours = regionHours.groupBy("service", "period", "hour")
        .agg(sum("n").as("n"), sum("f").as("f"), sum("timed").as("timed"), sum("over_target").as("over_target"))
        .withColumn("region_code", lit(ALL_REGIONS));
    Dataset<Row> hours = regionHours.unionByName(nationalHours);
    Dataset<Row> monthly = hours.groupBy("service", "region_code", "period")
        .agg(sum("n").as("requests"), sum("timed").as("_timed"), sum("over_target").as("_over_target"));
    Dataset<Row> p95 = events.groupBy(col("service"), col("event_month").as("period"))
        .agg(percentile_approx(col("latency_ms"), lit(0.95), lit(ServiceReliability.LATENCY_ACCURACY)).as("p95_latency_ms"))
        .withColumn("region_code", lit(ALL_REGIONS))
        .unionByName(regionalLatency.select("service", "region_code", "period", "p95_latency_ms"));
    Dataset<Row> table =
        monthly.join(ServiceHours.outages(hours, keys, outage), DataFrames.joinKeys(KEYS.toArray(String[]::new)), "left")
            .join(p95, DataFrames.joinKeys(KEYS.toArray(String[]::new)), "left")
            .withColumn("availability", lit(1.0).minus(DataFrames.ratio(col("outage_hours"), col("judged_hours"))))
            .withColumn("latency_target_ms", lit(latencyTargetMs))
            .withColumn("p95_within_target", col("p95_latency_ms").leq(latencyTargetMs))
            .withColumn("share_over_latency_target", DataFrames.ratio(col("_over_target"), col("_timed")));
    return DataFrames.publishable(disclosure.apply(table, RULES), COLUMNS);
  }
}
