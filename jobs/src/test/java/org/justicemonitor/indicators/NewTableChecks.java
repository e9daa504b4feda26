package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.SharedSpark;

/**
 * The access-to-justice columns and the availability table of a run, against plain counts of its
 * ingested cases and events: the same checks on data-samples and on a generated root.
 */
final class NewTableChecks {

  private NewTableChecks() {}

  private static Dataset<Row> read(Path output, String table) {
    return SharedSpark.spark().read().parquet(output.resolve(table).toString());
  }

  /** The country's language, representation and appeal shares and its 1–3-year band in one year. */
  static void accessToJustice(Path output, int year) {
    Dataset<Row> cases = read(output, "ingested/cases").filter(col("court_level").equalTo("district"));
    Dataset<Row> filed = cases.filter(year(col("filed_at")).equalTo(year));
    Dataset<Row> decided = cases.filter(year(col("decided_at")).equalTo(year));
    Row national = read(output, "indicators/national_year").filter(col("period").equalTo(String.valueOf(year))).first();
    assertEquals(ratio(filed.filter(col("language").equalTo("kk")), filed.filter(col("language").isNotNull())),
        national.<Double>getAs("kk_language_share"), 1e-6);
    assertEquals(ratio(decided.filter(col("party_represented")), decided.filter(col("party_represented").isNotNull())),
        national.<Double>getAs("representation_rate"), 1e-6);
    assertEquals(ratio(decided.filter(col("appealed")), decided.filter(col("appealed").isNotNull())),
        national.<Double>getAs("appeal_rate"), 1e-6);
    // Pending at the year's end E for more than a year and at most three: older than 12 months
    // (filed + 12 months before E) and not older than 36 (filed + 36 months on or after E).
    Date end = Date.valueOf(year + "-12-31");
    Dataset<Row> pending = cases.filter(col("filed_at").leq(end)
        .and(col("decided_at").isNull().or(col("decided_at").gt(end))));
    Dataset<Row> oneToThree = pending.filter(col("filed_at").lt(Date.valueOf(year - 1 + "-12-31"))
        .and(col("filed_at").geq(Date.valueOf(year - 3 + "-12-31"))));
    assertEquals(ratio(oneToThree, pending), national.<Double>getAs("share_pending_1_3_years"), 1e-6);
    double bands = 0;
    for (PendingAge.Band b : PendingAge.BANDS) {
      bands += national.<Double>getAs(b.column());
    }
    assertEquals(1.0, bands, 1e-5);
  }

  /** Judged and down hours, per user region and for the whole country, against an hourly count of the events. */
  static void availability(Path output, ServiceHours.Rule rule) {
    assertEquals(ServiceAvailability.COLUMNS, java.util.List.of(read(output, "indicators/service_availability_month").columns()));
    Dataset<Row> events = read(output, "ingested/service_events")
        .withColumn("hour", date_trunc("hour", col("event_ts")))
        .withColumn("failed", when(col("status").isin("server_error", "timeout"), 1).otherwise(0));
    Dataset<Row> table = read(output, "indicators/service_availability_month");
    for (boolean national : new boolean[] {true, false}) {
      // The published rows of this scope; a suppressed row (fewer than k requests) hides its hours.
      Dataset<Row> rows = table.filter(col("suppressed").unary_$bang().and(national
          ? col("region_code").equalTo(ServiceAvailability.ALL_REGIONS)
          : col("region_code").notEqual(ServiceAvailability.ALL_REGIONS)));
      Dataset<Row> scoped = national ? events.withColumn("region_code", lit(ServiceAvailability.ALL_REGIONS)) : events;
      Dataset<Row> hours = scoped.groupBy(col("service"), col("region_code"), col("event_month").as("period"), col("hour"))
          .agg(count("*").as("n"), sum("failed").as("f"))
          .filter(col("n").geq(rule.minRequests()))
          .join(rows.select("service", "region_code", "period"),
              org.justicemonitor.spark.DataFrames.joinKeys("service", "region_code", "period"), "left_semi");
      long down = hours.filter(col("f").divide(col("n")).gt(rule.failingAbove())).count();
      Row published = rows.agg(sum("judged_hours"), sum("outage_hours")).first();
      assertEquals(hours.count(), published.isNullAt(0) ? 0L : published.getLong(0), "judged hours, national " + national);
      assertEquals(down, published.isNullAt(1) ? 0L : published.getLong(1), "down hours, national " + national);
    }
  }

  private static double ratio(Dataset<Row> part, Dataset<Row> whole) {
    long n = whole.count();
    assertTrue(n >= 10, "the run records it");
    return (double) part.count() / n;
  }
}
