package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.measures.ServiceTraffic;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

/**
 * Reliability of each e-justice service per user region and month: requests, failure rate
 * ({@code server_error} + {@code timeout} over all requests), p50 and p95 latency, and the longest
 * outage: the longest run of consecutive down hours ({@link ServiceHours}: hours with enough
 * requests to judge whose failure rate is above a threshold).
 *
 * <p>Latency percentiles come from Spark's {@code percentile_approx} with accuracy 10,000
 * ({@link ServiceTraffic}): the value returned has a rank within 0.01% of the requests of the
 * exact one, and is one of the observed latencies.
 */
public final class ServiceReliability {

  public static final List<String> KEYS = List.of("service", "region_code", "period");

  private ServiceReliability() {}

  /**
   * @param traffic the service events counted ({@link ServiceTraffic})
   * @param outage when an hour counts and is failing ({@link ServiceHours})
   */
  public static Dataset<Row> compute(ServiceTraffic traffic, ServiceHours.Rule outage, Disclosure disclosure) {
    Dataset<Row> runs = ServiceHours.outages(traffic.hours(), List.of("service", "region_code"), outage)
        .select(col("service"), col("region_code"), col("period"), col("longest_outage_hours").as("longest_failing_run_hours"));
    Dataset<Row> table =
        traffic.regionMonths().join(runs, DataFrames.joinKeys(KEYS.toArray(String[]::new)), "left")
            .withColumn("failure_rate", DataFrames.ratio(col("failures"), col("requests")))
            .withColumn("longest_failing_run_hours", coalesce(col("longest_failing_run_hours"), lit(0L)));
    return DataFrames.publishable(disclosure.apply(table, IndicatorTables.SERVICE_RELIABILITY_MONTH),
        IndicatorTables.SERVICE_RELIABILITY_MONTH.computedColumns());
  }
}
