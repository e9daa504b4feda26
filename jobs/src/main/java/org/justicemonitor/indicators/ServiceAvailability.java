package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.measures.ServiceTraffic;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

/**
 * Availability of each e-justice service per month, for the whole country ({@code region_code}
 * {@value ServiceTraffic#ALL_REGIONS}: every user, also those of unknown region) and per user region, judged
 * hour by hour ({@link ServiceHours}): availability = 1 − down hours / judged hours, the outages
 * as runs of down hours, and the 95th percentile of latency against a target.
 *
 * <p>Only hours with enough requests are judged, so a region or service with little traffic has
 * few judged hours or none (availability null): that says the data cannot tell, not that the
 * service was up. {@code p95_latency_ms} is the one of {@link ServiceTraffic}, as in
 * {@link ServiceReliability}; {@code share_over_latency_target} is exact. Every value rests on
 * the row's requests and follows the k rule. The requests themselves are not published here
 * (they are in {@code service_reliability_month}), so this table adds no count from which a
 * suppressed one could be worked out.
 */
public final class ServiceAvailability {


  public static final List<String> KEYS = List.of("service", "region_code", "period");

  private ServiceAvailability() {}

  /**
   * @param traffic the service events counted ({@link ServiceTraffic}), with the latency target
   */
  public static Dataset<Row> compute(ServiceTraffic traffic, ServiceHours.Rule outage, Disclosure disclosure) {
    List<String> keys = List.of("service", "region_code");
    // The whole country's hours from the regions': a few rows per hour instead of every request again.
    Dataset<Row> nationalHours = traffic.hours().groupBy("service", "period", "hour")
        .agg(sum("n").as("n"), sum("f").as("f"))
        .withColumn("region_code", lit(ServiceTraffic.ALL_REGIONS));
    Dataset<Row> hours = traffic.hours().unionByName(nationalHours);
    long target = traffic.latencyTargetMs();
    Dataset<Row> table =
        traffic.months().join(ServiceHours.outages(hours, keys, outage), DataFrames.joinKeys(KEYS.toArray(String[]::new)), "left")
            .withColumn("availability", lit(1.0).minus(DataFrames.ratio(col("outage_hours"), col("judged_hours"))))
            .withColumn("latency_target_ms", lit(target))
            .withColumn("p95_within_target", col("p95_latency_ms").leq(target))
            .withColumn("share_over_latency_target", DataFrames.ratio(col("over_target"), col("timed")));
    return DataFrames.publishable(disclosure.apply(table, IndicatorTables.SERVICE_AVAILABILITY_MONTH),
        IndicatorTables.SERVICE_AVAILABILITY_MONTH.computedColumns());
  }
}
