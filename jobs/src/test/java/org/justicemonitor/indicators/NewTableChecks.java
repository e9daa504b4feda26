package org.justicemonitor.indicators;

import org.justicemonitor.measures.ServiceTraffic;

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
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.measures.PendingAge;
import org.justicemonitor.measures.ServiceHours;

/**
 * The access-to-justice columns, the availability table and the courts' data quality of a run,
 * against plain counts of its ingested and rejected rows: the same checks on data-samples and on
 * a generated root.
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
    assertShare(filed.filter(col("language").equalTo("kk")), filed.filter(col("language").isNotNull()), national,
        "kk_language_share");
    assertShare(decided.filter(col("party_represented")), decided.filter(col("party_represented").isNotNull()), national,
        "representation_rate");
    assertShare(decided.filter(col("appealed")), decided.filter(col("appealed").isNotNull()), national, "appeal_rate");
    // Pending at the year's end E for more than a year and at most three: older than 12 months
    // (filed + 12 months before E) and not older than 36 (filed + 36 months on or after E).
    Date end = Date.valueOf(year + "-12-31");
    Dataset<Row> pending = cases.filter(col("filed_at").leq(end)
        .and(col("decided_at").isNull().or(col("decided_at").gt(end))));
    Dataset<Row> oneToThree = pending.filter(col("filed_at").lt(Date.valueOf(year - 1 + "-12-31"))
        .and(col("filed_at").geq(Date.valueOf(year - 3 + "-12-31"))));
    assertShare(oneToThree, pending, national, "share_pending_1_3_years");
    // The bands add up to 1, but a band of 1 to 9 cases is suppressed (the numerator rule): its
    // share times the published pending_end would give them back. Counted here from the cases.
    double bands = 0;
    long pendingCount = pending.count();
    int besideComplement = 0;
    for (PendingAge.Band b : PendingAge.BANDS) {
      Double share = national.getAs(b.column());
      String status = national.getAs(b.column() + "_status");
      if (share == null) {
        // Its 1 to 9 cases (C), or beside a pending_end hidden as a complement (D).
        assertTrue(List.of("C", "D").contains(status), b.column());
        besideComplement += "D".equals(status) ? 1 : 0;
      } else {
        bands += share;
      }
    }
    if (besideComplement > 0) {
      // Every band rests on pending_end: hidden as a complement, it takes all of them.
      assertEquals("D", national.getAs("pending_end_status"));
      return;
    }
    assertTrue(bands <= 1.0 + 1e-9 && bands >= 1.0 - 10.0 * PendingAge.BANDS.size() / pendingCount, "bands: " + bands);
  }

  /**
   * A published share is the count of its cases over its denominator's. It is suppressed instead
   * (k = 10) when its numerator counts 1 to 9 cases or its denominator fewer than 10 (status C),
   * or when a count it rests on is a complement (status D), and only then.
   */
  private static void assertShare(Dataset<Row> numerator, Dataset<Row> denominator, Row row, String column) {
    long n = numerator.count();
    long d = denominator.count();
    Double published = row.getAs(column);
    String status = row.getAs(column + "_status");
    if (n >= 1 && n < 10 || d < 10) {
      assertEquals((Object) null, published, column + ": " + n + " of " + d + " cases");
      assertEquals("C", status, column);
    } else if (published == null) {
      assertEquals("D", status, column + ": " + n + " of " + d + " cases, suppressed beside a complement");
    } else {
      assertEquals((double) n / d, published, 1e-6, column);
    }
  }

  /** Judged and down hours, per user region and for the whole country, against an hourly count of the events. */
  static void availability(Path output, ServiceHours.Rule rule) {
    Dataset<Row> events = read(output, "ingested/service_events")
        .withColumn("hour", date_trunc("hour", col("event_ts")))
        .withColumn("failed", when(col("status").isin("server_error", "timeout"), 1).otherwise(0));
    Dataset<Row> table = read(output, "indicators/service_availability_month");
    for (boolean national : new boolean[] {true, false}) {
      // The published rows of this scope; a suppressed row (fewer than k requests) hides its hours.
      Dataset<Row> rows = table.filter(col("suppressed").unary_$bang().and(national
          ? col("region_code").equalTo(ServiceTraffic.ALL_REGIONS)
          : col("region_code").notEqual(ServiceTraffic.ALL_REGIONS)));
      Dataset<Row> scoped = national ? events.withColumn("region_code", lit(ServiceTraffic.ALL_REGIONS)) : events;
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

  /**
   * Every published court row of a year: the quarantine and date-order rates, the language's
   * completeness and the timeliness flag against plain counts of the ingested and rejected rows;
   * the ranks over the published scores.
   *
   * @return the rejected rows with dates out of order that the year's rates counted
   */
  static long dataQuality(Path output, int year) {
    read(output, "ingested/cases").createOrReplaceTempView("kept");
    read(output, "quarantine/cases").createOrReplaceTempView("rejected");
    read(output, "indicators/data_quality_court").createOrReplaceTempView("quality");
    read(output, "indicators/data_quality_column").filter(col("column").equalTo("language")).createOrReplaceTempView("language");
    String y = String.valueOf(year);
    Dataset<Row> expected = SharedSpark.spark().sql(
        "WITH k AS (SELECT court_id, count(*) AS n, count(language) AS with_language FROM kept WHERE year(filed_at) = " + y
            + " GROUP BY court_id), "
            + "r AS (SELECT court_id, count(*) AS n, count_if(reason LIKE '%date_order(%') AS out_of_order FROM rejected "
            + "WHERE filed_at LIKE '" + y + "-%' GROUP BY court_id) "
            + "SELECT k.court_id, coalesce(r.n, 0) / (k.n + coalesce(r.n, 0)) AS quarantine_rate, "
            + "coalesce(r.out_of_order, 0) / (k.n + coalesce(r.n, 0)) AS date_order_rate, with_language / k.n AS language, "
            + "coalesce(r.out_of_order, 0) AS out_of_order FROM k LEFT JOIN r ON k.court_id = r.court_id");
    Dataset<Row> published = SharedSpark.spark().sql("SELECT q.court_id, q.quarantine_rate, q.date_order_rate, "
        + "l.completeness AS language FROM quality q JOIN language l ON q.court_id = l.court_id AND q.period = l.period "
        + "WHERE q.period = '" + y + "' AND q.quarantine_rate IS NOT NULL AND l.completeness IS NOT NULL");
    Dataset<Row> compared = published.join(expected.withColumnRenamed("quarantine_rate", "e_quarantine")
        .withColumnRenamed("date_order_rate", "e_date_order").withColumnRenamed("language", "e_language"), "court_id");
    long courts = compared.count();
    assertTrue(courts >= 10, "courts compared: " + courts);
    assertEquals(0L, compared.filter("abs(quarantine_rate - e_quarantine) > 1e-6 OR abs(date_order_rate - e_date_order) > 1e-6 "
        + "OR abs(language - e_language) > 1e-6").count(), "courts whose rates differ from a count of their rows");
    // Ranks 1.. over the published scores of the year, the best first.
    Dataset<Row> scored = read(output, "indicators/data_quality_court").filter(col("period").equalTo(y).and(col("score").isNotNull()));
    assertEquals(1, (int) scored.orderBy(col("score").desc()).first().<Integer>getAs("rank"));
    lastMonthOfTheYear(output, year);
    return compared.agg(sum("out_of_order")).first().getLong(0);
  }

  /**
   * The timeliness flag of every published court row against its decisions counted by hand: the
   * year's December against what the 12 months before and the courts of the same level predict.
   */
  private static void lastMonthOfTheYear(Path output, int year) {
    String december = year + "-12-01";
    // One row per court: small enough to judge here, one by one, with the Poisson tail summed in Java.
    List<Row> courts = SharedSpark.spark().sql(
        "WITH d AS (SELECT court_id, court_level, count_if(decided_at >= DATE'" + december + "') AS recent, "
            + "count_if(decided_at < DATE'" + december + "') AS base FROM kept "
            + "WHERE decided_at >= add_months(DATE'" + december + "', -12) AND decided_at < add_months(DATE'" + december + "', 1) "
            + "GROUP BY court_id, court_level), "
            + "l AS (SELECT court_level, sum(recent) / sum(base) AS level FROM d GROUP BY court_level) "
            + "SELECT d.court_id, recent, base * level AS expected FROM d JOIN l USING (court_level) WHERE base > 0")
        .collectAsList();
    java.util.Map<String, Boolean> published = new java.util.HashMap<>();
    for (Row r : read(output, "indicators/data_quality_court")
        .filter(col("period").equalTo(String.valueOf(year)).and(col("last_month_decisions_missing").isNotNull()))
        .select("court_id", "last_month_decisions_missing").collectAsList()) {
      published.put(r.getString(0), r.getBoolean(1));
    }
    int judged = 0;
    for (Row c : courts) {
      if (!published.containsKey(c.getString(0))) {
        continue;
      }
      long recent = c.getLong(1);
      double expected = c.getDouble(2);
      // log of e^−μ μ^i / i!, term by term.
      double logTerm = -expected;
      double tail = Math.exp(logTerm);
      for (long i = 1; i <= recent; i++) {
        logTerm += Math.log(expected) - Math.log(i);
        tail += Math.exp(logTerm);
      }
      assertEquals(recent < expected / 2 && tail < 0.01, published.get(c.getString(0)), c.getString(0) + " " + year);
      judged++;
    }
    assertTrue(judged >= 10, "courts judged on their last month: " + judged);
  }
}
