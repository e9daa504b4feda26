package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The contract's {@code region_year}, {@code region_month} and {@code national_year} tables:
 * case flow over first-instance ({@code district}) cases of all categories, and service use, per
 * region and period, under disclosure control.
 */
public final class RegionalIndicators {

  /** The contract's columns, in its order. */
  public static final List<String> COLUMNS =
      List.of(
          "region_code",
          "period",
          "incoming",
          "resolved",
          "pending_end",
          "clearance_rate",
          "disposition_time_days",
          "median_days_to_decision",
          "p90_days_to_decision",
          "e_filing_share",
          "online_hearing_share",
          "median_days_to_register_e_filing",
          "service_requests",
          "service_failure_rate",
          "suppressed",
          "suppression_reason");

  /** The indicators whose regional spread the inequality table measures. */
  public static final List<String> INEQUALITY_INDICATORS =
      List.of("e_filing_share", "online_hearing_share", "service_failure_rate", "median_days_to_decision", "clearance_rate",
          "disposition_time_days", "median_days_to_register_e_filing");

  static final List<Disclosure.Rule> RULES =
      java.util.stream.Stream.concat(CaseFlowBreakdown.FLOW_RULES.stream(), java.util.stream.Stream.of(
          Disclosure.Rule.of("e_filing_share", "e_filing_base"),
          Disclosure.Rule.of("online_hearing_share", "hearings_base"),
          Disclosure.Rule.of("median_days_to_register_e_filing", "register_base"),
          Disclosure.Rule.count("service_requests"),
          Disclosure.Rule.of("service_failure_rate", "service_requests"))).toList();

  private RegionalIndicators() {}

  /**
   * @param districtCases first-instance cases, with {@code region_code} (the grouping)
   * @param events service events, with {@code region_code} and {@code event_month}
   * @param regions one row per region to report: {@code region_code}
   */
  public static Dataset<Row> compute(
      Dataset<Row> districtCases, Dataset<Row> events, Dataset<Row> regions, Period period, List<String> periodLabels,
      Disclosure disclosure) {
    List<String> keys = List.of("region_code");
    Dataset<Row> flow = CaseFlow.compute(districtCases, keys, period, periodLabels, regions);
    Dataset<Row> use = ServiceUse.compute(events, keys, period);
    Dataset<Row> joined =
        flow.join(use, CaseFlow.asSeq("region_code", "period"), "left")
            .withColumn("service_requests", coalesce(col("service_requests"), lit(0L)))
            .withColumn("service_failures", coalesce(col("service_failures"), lit(0L)));
    joined = joined.withColumn("service_failure_rate", CaseFlow.ratio(col("service_failures"), col("service_requests")));
    return CaseFlow.publishable(disclosure.apply(joined, RULES), COLUMNS);
  }

  /** The table in long format for {@link Inequality}: indicator, period, region_code, value. */
  public static Dataset<Row> longFormat(Dataset<Row> table) {
    Dataset<Row> all = null;
    for (String indicator : INEQUALITY_INDICATORS) {
      Dataset<Row> one = table.select(lit(indicator).as("indicator"), col("period"), col("region_code"),
          col(indicator).cast("double").as("value"));
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }
}
