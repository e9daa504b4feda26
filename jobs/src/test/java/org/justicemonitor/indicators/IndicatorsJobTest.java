package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.disclosure.DisclosureAudit;
import org.justicemonitor.spark.DataFrames;

/** End to end on data-samples/: the contract's tables, their columns, and disclosure control. */
@ExtendWith(SharedSpark.class)
class IndicatorsJobTest {

  static Path output;

  @BeforeAll
  static void run() {
    output = SampleRun.indicators();
  }

  private static Dataset<Row> table(String name) {
    return SharedSpark.spark().read().parquet(output.resolve("indicators").resolve(name).toString());
  }

  private static Dataset<Row> districtCases() {
    return SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString()).filter(col("court_level").equalTo("district"));
  }

  /** The data contract's columns of region_year, region_month and national_year, in its order. */
  private static final List<String> CONTRACT_COLUMNS = List.of("region_code", "period", "incoming", "resolved", "pending_end",
      "clearance_rate", "disposition_time_days", "median_days_to_decision", "p90_days_to_decision", "e_filing_share",
      "online_hearing_share", "median_days_to_register_e_filing", "service_requests", "service_failure_rate", "suppressed",
      "suppression_reason");
  /** The project's columns that follow them (docs/data-dictionary.md). */
  private static final List<String> MORE_COLUMNS = List.of("pending_start", "e_protocol_share", "median_days_protocol_to_decision",
      "publication_share", "median_days_to_publication", "service_center_share", "e_notary_requests_per_1000",
      "kk_language_share", "representation_rate", "appeal_rate", "share_pending_0_1_years", "share_pending_1_3_years",
      "share_pending_3_5_years", "share_pending_5_10_years", "share_pending_over_10_years");
  /** After them, the cell status of every value under the k rule, in the same order; then the quality flag. */
  private static final List<String> STATUS_AND_FLAG = java.util.stream.Stream.concat(
      statuses(java.util.stream.Stream.concat(CONTRACT_COLUMNS.subList(2, CONTRACT_COLUMNS.size() - 2).stream(),
          MORE_COLUMNS.stream()).toList()).stream(), java.util.stream.Stream.of("quality_flag")).toList();

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  private static List<String> statuses(List<String> columns) {
    return columns.stream().filter(c -> !c.equals("suppressed") && !c.equals("suppression_reason"))
        .map(c -> c + "_status").toList();
  }

  @Test
  void tablesHaveTheContractsColumnsInOrder() {
    for (String t : List.of("region_year", "region_month", "national_year")) {
      List<String> columns = List.of(table(t).columns());
      assertEquals(CONTRACT_COLUMNS, columns.subList(0, CONTRACT_COLUMNS.size()), t);
      int more = CONTRACT_COLUMNS.size() + MORE_COLUMNS.size();
      assertEquals(MORE_COLUMNS, columns.subList(CONTRACT_COLUMNS.size(), more), t);
      assertEquals(STATUS_AND_FLAG, columns.subList(more, columns.size()), t);
    }
    assertEquals(List.of("indicator", "period", "gini", "theil", "theil_between", "theil_within", "cv", "max_min_ratio",
        "lowest_region", "highest_region"), List.of(table("inequality").columns()).subList(0, 10));
  }

  @Test
  void everyRegionAndPeriodHasARow() {
    assertEquals(20L * 4, table("region_year").count());   // 2022 to 2025
    assertEquals(20L * 48, table("region_month").count()); // 2022-01 to 2025-12
    assertEquals(4L, table("national_year").count());
  }

  @Test
  void nationalCountsAgreeWithACountOfTheCases() {
    Row expected = districtCases().filter(year(col("filed_at")).equalTo(2025)).agg(count("*")).first();
    Row resolved = districtCases().filter(year(col("decided_at")).equalTo(2025)).agg(count("*")).first();
    Row national = table("national_year").filter(col("period").equalTo("2025")).first();
    assertEquals(expected.getLong(0), (long) national.getAs("incoming"));
    assertEquals(resolved.getLong(0), (long) national.getAs("resolved"));
    assertEquals((double) resolved.getLong(0) / expected.getLong(0), national.<Double>getAs("clearance_rate"), 1e-6);
  }

  @Test
  void accessToJusticeAgreesWithACountOfTheCases() {
    NewTableChecks.accessToJustice(output, 2025);
  }

  @Test
  void noPublishedValueRestsOnFewerThanKCases() {
    int k = SampleRun.MIN_CASES;
    Dataset<Row> month = table("region_month");
    // 1 to k − 1 is never published; a 0 holds no one and is.
    for (String countColumn : List.of("pending_start", "incoming", "resolved", "pending_end", "service_requests")) {
      assertEquals(0L, month.filter(col(countColumn).between(1, k - 1)).count(), countColumn);
    }
    // The e-filing share's own base, counted apart: civil and administrative cases filed per region and month.
    Dataset<Row> base = districtCases()
        .withColumn("period", org.apache.spark.sql.functions.date_format(col("filed_at"), "yyyy-MM"))
        .groupBy("region_code", "period")
        .agg(sum(when(col("case_category").isin("civil", "administrative"), 1).otherwise(0)).as("base"));
    Dataset<Row> joined = month.join(base, DataFrames.joinKeys("region_code", "period"), "left");
    assertEquals(0L, joined.filter(col("e_filing_share").isNotNull().and(col("base").lt(k).or(col("base").isNull()))).count());
    // Something is suppressed in these samples, and every suppressed row says why.
    assertTrue(month.filter(col("suppressed")).count() > 0);
    assertEquals(0L, month.filter(col("suppressed").and(col("suppression_reason").isNull())).count());
  }

  @Test
  void breakdownsByCourtCategoryLevelAndChannel() {
    for (String t : List.of("court_year", "court_month", "category_year", "level_year", "channel_year")) {
      List<String> columns = List.of(table(t).columns());
      List<String> measures = List.of("incoming", "resolved", "pending_end", "clearance_rate", "disposition_time_days",
          "median_days_to_decision", "p90_days_to_decision", "pending_start", "congestion_rate", "demand_service_index",
          "share_pending_over_6_months", "share_pending_over_12_months", "share_pending_over_24_months",
          "kk_language_share", "representation_rate", "appeal_rate", "share_pending_0_1_years", "share_pending_1_3_years",
          "share_pending_3_5_years", "share_pending_5_10_years", "share_pending_over_10_years", "suppressed",
          "suppression_reason");
      List<String> published = new java.util.ArrayList<>(measures);
      published.addAll(statuses(measures));
      // The court tables end with the flag of a value resting on a low-quality court.
      int end = t.startsWith("court_") ? columns.size() - 1 : columns.size();
      assertEquals(published, columns.subList(end - published.size(), end), t);
    }
    long civil2025 = districtCases().filter(col("case_category").equalTo("civil").and(year(col("filed_at")).equalTo(2025))).count();
    Row row = table("category_year").filter(col("case_category").equalTo("civil").and(col("period").equalTo("2025"))).first();
    assertEquals(civil2025, (long) row.getAs("incoming"));
    // Every court has a row for every year, also a year without cases.
    assertEquals(table("court_year").select("court_id").distinct().count() * 4, table("court_year").count());
    assertEquals(3L, table("level_year").select("court_level").distinct().count());
  }

  @Test
  void inequalityCoversTheContractsIndicators() {
    List<Row> rows = table("inequality").filter(col("period").equalTo("2025")).orderBy("indicator").select("indicator").collectAsList();
    List<String> indicators = rows.stream().map(r -> r.getString(0)).toList();
    for (String required : List.of("clearance_rate", "e_filing_share", "median_days_to_decision", "online_hearing_share",
        "service_failure_rate")) {
      assertTrue(indicators.contains(required), required);
    }
    Row eFiling = table("inequality").filter(col("period").equalTo("2025").and(col("indicator").equalTo("e_filing_share"))).first();
    double gini = eFiling.getAs("gini");
    assertTrue(gini > 0 && gini < 0.5, "Gini of e-filing shares: " + gini);
  }

  @Test
  void reliabilitySecurityEquivalenceAndIndexTables() {
    List<String> reliabilityMeasures = List.of("requests", "failure_rate", "p50_latency_ms", "p95_latency_ms",
        "longest_failing_run_hours");
    assertEquals(concat(List.of("service", "region_code", "period"), reliabilityMeasures,
        List.of("suppressed", "suppression_reason"), statuses(reliabilityMeasures)), List.of(table("service_reliability_month").columns()));
    List<String> equivalenceMeasures = List.of("online_decisions", "in_person_decisions", "median_days_online",
        "median_days_in_person", "days_difference", "days_difference_ci_low", "days_difference_ci_high", "days_verdict",
        "appeal_rate_online", "appeal_rate_in_person", "appeal_rate_difference", "appeal_rate_difference_ci_low",
        "appeal_rate_difference_ci_high", "appeal_verdict", "differs_beyond_margin");
    assertEquals(concat(List.of("case_category", "period"), equivalenceMeasures, List.of("suppressed", "suppression_reason"),
        statuses(equivalenceMeasures)), List.of(table("hearing_equivalence_year").columns()));
    assertEquals(List.of("period", "system", "incidents", "severity_low", "severity_medium", "severity_high",
        "severity_critical", "kind_unauthorized_access", "kind_data_leak", "kind_malware", "kind_ddos",
        "kind_misconfiguration", "kind_insider", "kind_other", "resolved", "median_hours_to_resolve",
        "median_hours_to_resolve_low", "median_hours_to_resolve_medium", "median_hours_to_resolve_high",
        "median_hours_to_resolve_critical", "open_incidents",
        "records_affected", "data_leaks", "data_leaks_notified_in_time", "notified_in_time_share"),
        List.of(table("security_year").columns()));

    Dataset<Row> events = SharedSpark.spark().read().parquet(output.resolve("ingested/service_events").toString());
    Row busiest = events.groupBy("service", "region_code", "event_month").count().orderBy(col("count").desc(),
        col("service"), col("region_code"), col("event_month")).first();
    Row reliability = table("service_reliability_month").filter(col("service").equalTo(busiest.getString(0))
        .and(col("region_code").equalTo(busiest.getString(1))).and(col("period").equalTo(busiest.getString(2)))).first();
    assertEquals(busiest.getLong(3), (long) reliability.getAs("requests"));

    long incidents = SharedSpark.spark().read().parquet(output.resolve("ingested/security_incidents").toString()).count();
    Row all = table("security_year").filter(col("system").equalTo("all")).agg(sum("incidents")).first();
    assertEquals(incidents, all.getLong(0));

    // Every k rule holds in the comparison of hearing formats too.
    int k = SampleRun.MIN_CASES;
    Dataset<Row> equivalence = table("hearing_equivalence_year");
    assertEquals(0L, equivalence.filter(col("days_difference").isNotNull()
        .and(col("online_decisions").lt(k).or(col("in_person_decisions").lt(k)))).count());
    assertTrue(equivalence.filter(col("days_verdict").isNotNull()).count() > 0);

    // One index per region and year, ranked 1..20 where every component is there.
    Dataset<Row> index = table("digital_justice_index").filter(col("period").equalTo("2025"));
    assertEquals(20L, index.count());
    assertEquals(0L, index.filter(col("digital_justice_index").lt(0).or(col("digital_justice_index").gt(1))).count());
    assertEquals(index.filter(col("rank").isNotNull()).count(), (long) index.agg(org.apache.spark.sql.functions.max("rank")).first().getInt(0));
  }

  @Test
  void availabilityJudgesTheHoursWithEnoughRequests() {
    NewTableChecks.availability(output, IndicatorOptions.of(SampleRun.AS_OF, SampleRun.MIN_CASES).outage());
    // The samples' regions have too little traffic to judge an hour: no failing run of a single failed request.
    assertEquals(0L, table("service_reliability_month").filter(col("longest_failing_run_hours").gt(0)).count());
    // Every service has a national row for every month with requests, none of them suppressed.
    Dataset<Row> all = table("service_availability_month").filter(col("region_code").equalTo("all"));
    Dataset<Row> events = SharedSpark.spark().read().parquet(output.resolve("ingested/service_events").toString());
    assertEquals(events.select("service", "event_month").distinct().count(), all.count());
    assertEquals(0L, all.filter(col("suppressed")).count());
  }

  @Test
  void dataQualityOfEveryCourtAgreesWithACountOfItsRows() {
    NewTableChecks.dataQuality(output, 2025);
    NewTableChecks.dataQuality(output, 2024);
  }

  /**
   * The CSV copy's header and order. That a rerun writes the same bytes is ClusterRunIT's to show:
   * it compares every CSV of two whole runs, one compiled on a cluster and one local.
   */
  @Test
  void csvCopiesAreSortedUnderTheContractsHeader() throws IOException {
    List<String> lines = Files.readAllLines(output.resolve("indicators/region_year.csv"));
    List<String> header = new java.util.ArrayList<>(CONTRACT_COLUMNS);
    header.addAll(MORE_COLUMNS);
    header.addAll(STATUS_AND_FLAG);
    assertEquals(String.join(",", header), lines.get(0));
    assertEquals(81, lines.size());
    assertTrue(lines.get(1).startsWith("10,2022,"), lines.get(1));
    assertEquals(lines.subList(1, lines.size()).stream().sorted(java.util.Comparator.comparing(IndicatorsJobTest::regionPeriod)).toList(),
        lines.subList(1, lines.size()), "rows by region and period");
  }

  private static String regionPeriod(String line) {
    String[] fields = line.split(",", 3);
    return fields[0] + "," + fields[1];
  }

  @Test
  void noSuppressedCountCanBeWorkedOutFromThePublishedTables() {
    Catalog catalog = Catalog.published(SharedSpark.spark(), output.toString());
    DisclosureAudit.Result audit = DisclosureAudit.tables(catalog, SampleRun.MIN_CASES, 5);
    assertEquals(List.of(), audit.findings());
    assertTrue(audit.cells() > 10_000 && audit.identities() > 5_000, audit.cells() + " cells, " + audit.identities());
    // Complements were needed, and say so.
    long complementary = table("region_month").filter(col("suppression_reason").contains("suppressed as complements")).count();
    assertTrue(complementary > 0, "region_month rows with complements");
    // The differences a reader took before: a court's first-year pending from its incoming and
    // resolved, and a region's January from its year and the other eleven months.
    Dataset<Row> courts2022 = table("court_year").filter(col("period").equalTo("2022").and(col("pending_end").isNull()));
    assertEquals(0L, courts2022.filter(col("incoming").isNotNull().and(col("resolved").isNotNull())).count());
    // Read once (small published tables), then checked month by month on the driver.
    java.util.Map<String, Long> hiddenMonthsOfYear = new java.util.HashMap<>();
    List<Row> hiddenMonths = table("region_month").filter(col("incoming").isNull()).select("region_code", "period")
        .collectAsList();
    hiddenMonths.forEach(m -> hiddenMonthsOfYear.merge(m.getString(0) + " " + m.getString(1).substring(0, 4), 1L, Long::sum));
    java.util.Set<String> hiddenYears = new java.util.HashSet<>();
    table("region_year").filter(col("incoming").isNull()).select("region_code", "period").collectAsList()
        .forEach(y -> hiddenYears.add(y.getString(0) + " " + y.getString(1)));
    for (Row m : hiddenMonths) {
      String regionYear = m.getString(0) + " " + m.getString(1).substring(0, 4);
      assertTrue(hiddenMonthsOfYear.get(regionYear) >= 2 || hiddenYears.contains(regionYear),
          "region " + m.getString(0) + " " + m.getString(1) + " alone in its year");
    }
  }

  @Test
  void theAuditNamesACsvCopyThatLostARow() throws IOException {
    Path copy = SampleRun.copy();
    Path csv = copy.resolve("indicators/security_year.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
    lines.remove(lines.size() - 1);
    Files.write(csv, lines);
    DisclosureAudit.Result audit = DisclosureAudit.tables(Catalog.published(SharedSpark.spark(), copy.toString()),
        SampleRun.MIN_CASES, 5);
    assertEquals(List.of(new DisclosureAudit.Finding("indicators/security_year.csv", "",
        "1 rows differ from the Parquet table")), audit.findings());
  }
}
