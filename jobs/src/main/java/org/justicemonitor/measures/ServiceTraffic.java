package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The service events counted once for the service tables ({@code ServiceReliability},
 * {@code ServiceAvailability}): two aggregations over the events instead of one or two per table.
 *
 * <ul>
 *   <li>{@code hours}: per service, user region, month and clock hour, the requests {@code n} and
 *       the failed {@code f} ({@link ServiceHours#hourly});
 *   <li>{@code months}: per service, region and month, and per service and month for the whole
 *       country ({@code region_code} {@value #ALL_REGIONS}): {@code requests},
 *       {@code failures}, {@code timed}, {@code over_target}, and the p50 and p95 latency
 *       (Spark's {@code percentile_approx} with accuracy 10,000: an observed latency whose rank
 *       is within 0.01% of the requests of the exact one's).
 * </ul>
 */
public record ServiceTraffic(Dataset<Row> hours, Dataset<Row> months, long latencyTargetMs) {

  /** The region code of the rows that count every user of a service. */
  public static final String ALL_REGIONS = "all";

  static final int LATENCY_ACCURACY = 10_000;

  public static ServiceTraffic of(Dataset<Row> events, long latencyTargetMs) {
    Column slow = when(col("latency_ms").gt(latencyTargetMs), 1L).otherwise(0L);
    Dataset<Row> hours = ServiceHours.hourly(events, List.of("service", "region_code"));
    // Every request once for its user's region and once for the whole country: the percentiles do not add up.
    Dataset<Row> scoped = events.select(col("event_month"), col("service"), col("status"), col("latency_ms"),
        explode(array(col("region_code"), lit(ALL_REGIONS))).as("region_code"));
    Dataset<Row> months = scoped.groupBy(col("service"), col("region_code"), col("event_month").as("period"))
        .agg(count("*").as("requests"), sum(ServiceHours.failed()).cast("long").as("failures"),
            count("latency_ms").as("timed"), sum(slow).as("over_target"),
            percentile_approx(col("latency_ms"), array(lit(0.5), lit(0.95)), lit(LATENCY_ACCURACY)).as("_latency"))
        .withColumn("p50_latency_ms", col("_latency").getItem(0))
        .withColumn("p95_latency_ms", col("_latency").getItem(1))
        .drop("_latency");
    return new ServiceTraffic(hours, months, latencyTargetMs);
  }

  /**
   * The same counts kept where {@code keep} puts them (scratch Parquet, by a name), so each table
   * reads them instead of the events.
   */
  public ServiceTraffic kept(BiFunction<String, Dataset<Row>, Dataset<Row>> keep) {
    return new ServiceTraffic(keep.apply("service-hours", hours), keep.apply("service-months", months), latencyTargetMs);
  }

  /** The months of the user regions, without the whole country's. */
  public Dataset<Row> regionMonths() {
    return months.filter(col("region_code").notEqual(ALL_REGIONS));
  }
}
