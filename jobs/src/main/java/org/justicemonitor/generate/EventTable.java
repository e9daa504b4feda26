package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.contract.Contract;

/**
 * Synthetic requests to the e-justice services. Use follows population and internet use and
 * grows over the years; assisted {@code service_center} use is higher where internet use is
 * lower; failures and latencies are realistic per service, with the scenario's regional outages.
 */
final class EventTable {

  /** Requests by hour of day, Kazakhstan time: office hours, a lunch dip, a quiet night. */
  private static final double[] HOURS = {
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 4.0, 4.5, 4.3, 3.0, 3.8, 4.3, 4.2, 3.8, 3.0, 2.0, 1.6, 1.3, 1.0, 0.7, 0.4
  };
  private static final List<String> HOUR_LABELS =
      java.util.stream.IntStream.range(0, 24).mapToObj(h -> String.format("%02d", h)).toList();

  private final Scenario scenario;

  EventTable(Scenario scenario) {
    this.scenario = scenario;
  }

  Dataset<Row> build(SparkSession spark, int partitions) {
    GeneratorOptions o = scenario.options;
    // A stream of draws of its own: event n and case n share nothing.
    Draws d = new Draws(o.seed() ^ 0x5DEECE66DL, col("id"));
    Column monthStart = add_months(lit(java.sql.Date.valueOf(o.from().atDay(1))), scenario.monthIndex(d.uniform(1), 1.2));
    Column day = CaseTable.uniformDay(d, 2, monthStart);
    Column timestamp =
        concat(CaseTable.iso(day), lit("T"), d.pick(3, HOUR_LABELS, HOURS), lit(":"), CaseTable.twoDigits(d.index(4, lit(60))),
            lit(":"), CaseTable.twoDigits(d.index(5, lit(60))), lit("+05:00"));
    double[] usage = scenario.regions.stream().mapToDouble(r -> r.population() * Math.pow(r.internetUsersShare(), 2)).toArray();

    Dataset<Row> df =
        spark.range(0, o.events(), 1, partitions)
            .withColumn("event_day", day)
            .withColumn("event_ts", timestamp)
            .withColumn("region_code", when(d.chance(6, 0.02), lit(Contract.UNKNOWN_REGION)).otherwise(d.pick(7, scenario.regionCodes(), usage)))
            .withColumn("service", d.pick(8, Contract.SERVICES, 0.12, 0.30, 0.18, 0.07, 0.08, 0.15, 0.06, 0.04))
            .withColumn("user_type", userType(d))
            .withColumn("internet", coalesce(scenario.byRegion(col("region_code"), r -> r.internetUsersShare()), lit(0.85)))
            .withColumn("status", status(d));
    return df.select(
        col("event_ts"),
        col("service"),
        col("region_code"),
        channel(d).as("channel"),
        col("user_type"),
        concat(lit("s"), translate(lower(hex(xxhash64(lit(o.seed()), floor(col("id").divide(5))))), "0123456789", "ghijklmnop"))
            .as("session_id"),
        col("status"),
        latency(d).as("latency_ms"),
        when(col("service").isin("e_filing", "case_tracking", "document_access", "online_hearing").and(d.chance(12, 0.7)),
                CaseTable.caseId(floor(d.uniform(13).multiply(o.cases())).cast("long")))
            .as("case_id"),
        col("id").as("generator_row"));
  }

  private Column userType(Draws d) {
    Column service = col("service");
    return when(service.equalTo("e_notary"), d.pick(9, List.of("notary", "citizen"), 0.7, 0.3))
        .when(service.equalTo("e_protocol"), lit("police"))
        .when(service.equalTo("online_hearing"), d.pick(9, List.of("advocate", "citizen", "court_staff"), 0.4, 0.4, 0.2))
        .otherwise(d.pick(9, List.of("citizen", "advocate", "legal_entity", "court_staff"), 0.55, 0.25, 0.15, 0.05));
  }

  private Column channel(Draws d) {
    Column assisted = lit(0.02).plus(pow(lit(1.0).minus(col("internet")), 1.3).multiply(0.6));
    Column machine = col("user_type").isin("legal_entity", "police");
    return when(d.chance(10, assisted), lit("service_center"))
        .when(machine.and(d.chance(11, 0.5)), lit("api"))
        .when(d.chance(11, 0.45), lit("mobile"))
        .otherwise(lit("web"));
  }

  private Column status(Draws d) {
    Column service = col("service");
    Column serverError =
        when(service.isin("online_hearing", "e_filing"), 0.008).when(service.equalTo("e_notary"), 0.006).otherwise(0.004);
    Column timeout = serverError.multiply(0.5);
    for (Anomaly a : scenario.anomalies(Anomaly.SERVICE_OUTAGE)) {
      String[] key = a.entityId().split(":");
      Column hit =
          col("region_code").equalTo(key[0]).and(service.equalTo(key[1]))
              .and(CaseTable.monthsAfter(col("event_day"), a.period()).equalTo(0));
      serverError = when(hit, 0.2).otherwise(serverError);
      timeout = when(hit, 0.1).otherwise(timeout);
    }
    Column u = d.uniform(14);
    return when(u.lt(serverError), lit("server_error"))
        .when(u.lt(serverError.plus(timeout)), lit("timeout"))
        .when(u.lt(serverError.plus(timeout).plus(0.02)), lit("client_error"))
        .otherwise(lit("ok"));
  }

  private Column latency(Draws d) {
    Column service = col("service");
    Column median =
        when(service.equalTo("document_access"), 420.0)
            .when(service.equalTo("online_hearing"), 650.0)
            .when(service.equalTo("e_filing"), 520.0)
            .when(service.equalTo("e_payment"), 380.0)
            .otherwise(180.0);
    return when(d.chance(16, 0.01), lit(null).cast("long"))
        .when(col("status").equalTo("timeout"), lit(30000L).plus(d.index(17, lit(5000))))
        .otherwise(floor(d.logNormal(18, median, 0.6)).cast("long"));
  }

}
