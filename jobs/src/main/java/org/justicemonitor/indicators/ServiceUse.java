package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.TableDeclaration;

/** Requests to the e-justice services, how many failed and how they were made, per group and period. */
public final class ServiceUse {

  private ServiceUse() {}

  /**
   * @param events ingested service events, with {@code event_month} and the {@code keys} columns
   * @return keys, {@code period}, {@code service_requests}, {@code service_failures}, {@code
   *     service_center_requests} (made at an assisted desk: an offline-barrier signal) and {@code
   *     e_notary_requests}
   */
  public static Dataset<Row> compute(Dataset<Row> events, List<String> keys, Period period) {
    List<Column> group = new ArrayList<>();
    keys.forEach(k -> group.add(col(k)));
    // The month partition already says the period: no timestamp needs decoding.
    group.add(period.ofMonthLabel(col("event_month")).as("period"));
    return events.groupBy(group.toArray(Column[]::new))
        .agg(
            count("*").as("service_requests"),
            sum(when(col("status").isin("server_error", "timeout"), 1).otherwise(0)).cast("long").as("service_failures"),
            sum(when(col("channel").equalTo("service_center"), 1).otherwise(0)).cast("long").as("service_center_requests"),
            sum(when(col("service").equalTo("e_notary"), 1).otherwise(0)).cast("long").as("e_notary_requests"));
  }

  /**
   * Who uses each service, nationally: requests per service and user type (advocates, notaries,
   * citizens...) and their share of the service's requests, per period.
   */
  public static Dataset<Row> byUserType(Dataset<Row> events, Period period, Disclosure disclosure) {
    Dataset<Row> counts =
        events.groupBy(period.ofMonthLabel(col("event_month")).as("period"), col("service"), col("user_type"))
            .agg(count("*").as("requests"));
    Dataset<Row> shares = counts.withColumn("share_of_service_requests",
        DataFrames.ratio(col("requests"), sum("requests").over(Window.partitionBy("period", "service"))));
    TableDeclaration table = IndicatorTables.SERVICE_USERS_YEAR;
    return DataFrames.publishable(disclosure.apply(shares, table), table.computedColumns());
  }
}
