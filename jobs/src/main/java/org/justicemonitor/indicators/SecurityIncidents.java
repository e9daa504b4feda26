package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.measures.Percentiles;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;

/**
 * Security incidents per year of detection and affected system, with a row {@code all} for every
 * system together: counts by severity and kind, how many were resolved and the median hours it
 * took (overall and per severity), how many are still open at the extract date, personal-data
 * records affected, and the share of {@code data_leak} incidents whose subjects were notified within the deadline.
 *
 * <p>These are counts of incidents in systems, not of court cases or persons, so the k rule of
 * the case tables does not hide them: a year with 3 critical incidents says 3.
 */
public final class SecurityIncidents {

  /** The system of the rows that count every system. */
  public static final String ALL_SYSTEMS = "all";

  private SecurityIncidents() {}

  public static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("period", "system", "incidents"));
    Contract.SEVERITIES.forEach(s -> columns.add("severity_" + s));
    Contract.INCIDENT_KINDS.forEach(k -> columns.add("kind_" + k));
    columns.addAll(List.of("resolved", "median_hours_to_resolve"));
    Contract.SEVERITIES.forEach(s -> columns.add(hoursToResolve(s)));
    columns.addAll(List.of("open_incidents", "records_affected", "data_leaks", "data_leaks_notified_in_time",
        "notified_in_time_share"));
    return columns;
  }

  /**
   * @param incidents ingested security incidents
   * @param deadlineHours subjects notified within this many hours of detection count as in time
   */
  public static Dataset<Row> compute(Dataset<Row> incidents, int deadlineHours) {
    Dataset<Row> x =
        incidents.withColumn("period", Period.YEAR.of(col("detected_at")))
            .withColumn("minutes_to_resolve",
                floor(unix_seconds(col("resolved_at")).minus(unix_seconds(col("detected_at"))).divide(60)));
    Dataset<Row> everySystem = x.unionByName(x.withColumn("system", lit(ALL_SYSTEMS)));

    Column leak = col("kind").equalTo("data_leak");
    Column notifiedSeconds = unix_seconds(col("subjects_notified_at")).minus(unix_seconds(col("detected_at")));
    List<Column> aggregates = new ArrayList<>();
    Contract.SEVERITIES.forEach(s -> aggregates.add(countWhere(col("severity").equalTo(s)).as("severity_" + s)));
    Contract.INCIDENT_KINDS.forEach(k -> aggregates.add(countWhere(col("kind").equalTo(k)).as("kind_" + k)));
    aggregates.add(countWhere(col("resolved_at").isNull()).as("open_incidents"));
    aggregates.add(coalesce(sum("records_affected"), lit(0L)).as("records_affected"));
    aggregates.add(countWhere(leak).as("data_leaks"));
    aggregates.add(countWhere(leak.and(notifiedSeconds.leq(deadlineHours * 3600L))).as("data_leaks_notified_in_time"));
    Dataset<Row> counts = everySystem.groupBy("period", "system").agg(count("*").as("incidents"), aggregates.toArray(Column[]::new));

    Dataset<Row> hours =
        Percentiles.exact(everySystem, List.of("period", "system"), col("minutes_to_resolve"),
                List.of(new Percentiles.Output("median_minutes", 0.5)))
            .select(col("period"), col("system"), col("n").as("resolved"), col("median_minutes").divide(60).as("median_hours_to_resolve"));
    // By severity: a critical incident should be resolved faster than a low one; one pivot of the medians.
    Dataset<Row> bySeverity =
        Percentiles.exact(everySystem, List.of("period", "system", "severity"), col("minutes_to_resolve"),
                List.of(new Percentiles.Output("median_minutes", 0.5)))
            .groupBy("period", "system")
            .pivot("severity", new ArrayList<Object>(Contract.SEVERITIES))
            .agg(first(col("median_minutes").divide(60)));
    for (String severity : Contract.SEVERITIES) {
      bySeverity = bySeverity.withColumnRenamed(severity, hoursToResolve(severity));
    }
    Dataset<Row> table =
        counts.join(hours, DataFrames.joinKeys("period", "system"), "left")
            .join(bySeverity, DataFrames.joinKeys("period", "system"), "left")
            .withColumn("resolved", coalesce(col("resolved"), lit(0L)))
            .withColumn("notified_in_time_share", DataFrames.ratio(col("data_leaks_notified_in_time"), col("data_leaks")));
    return DataFrames.publishable(table, columns());
  }

  /** The median hours to resolve the incidents of one severity. */
  public static String hoursToResolve(String severity) {
    return "median_hours_to_resolve_" + severity;
  }

  private static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }
}
