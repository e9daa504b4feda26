package org.justicemonitor.indicators;

import org.justicemonitor.disclosure.ComplementarySuppression;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.disclosure.DisclosureSummary;
import org.justicemonitor.disclosure.LinkedCells;
import org.justicemonitor.disclosure.LinkedTables;
import org.justicemonitor.evaluation.ChannelComparison;
import org.justicemonitor.evaluation.DigitalImpact;
import org.justicemonitor.evaluation.HearingEquivalence;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.Period;
import org.justicemonitor.measures.ServiceTraffic;
import org.justicemonitor.quality.DataQuality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.spark.Concurrently;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.JobFailure;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.TableWriter;
import org.justicemonitor.spark.Progress;

/**
 * Stage 2: the indicator tables from the ingested tables. Reads each table once, with its
 * schema; every table is published as Parquet with a sorted CSV copy.
 */
public final class IndicatorsJob {

  /** The region code of national rows: the whole country. */
  public static final String NATIONAL = "00";

  private final SparkSession spark;
  private final OutputStore store;
  private final Catalog catalog;
  private final IndicatorOptions options;
  private final Progress progress;
  private DisclosureSummary disclosureSummary;

  public IndicatorsJob(OutputStore store, IndicatorOptions options, Progress progress) {
    this.spark = store.spark();
    this.store = store;
    this.catalog = new Catalog(store);
    this.options = options;
    this.progress = progress;
  }

  /** @return the published table names */
  public List<String> run() {
    Dataset<Row> cases = ingested(Contract.CASES);
    Dataset<Row> events = ingested(Contract.SERVICE_EVENTS);
    Dataset<Row> regions = catalog.regions();
    Dataset<Row> districtCases = cases.filter(col("court_level").equalTo("district"));

    // The grid starts with the earliest case of any level, so running totals miss no case.
    Row first = cases.agg(min("filed_at")).first();
    if (first.isNullAt(0)) {
      throw new JobFailure("no cases in " + store.published(Catalog.ingested(Contract.CASES))
          + "; run ingest on an input root with cases first");
    }
    LocalDate from = first.getDate(0).toLocalDate();
    Disclosure disclosure = new Disclosure(options.minCases());
    // The cases counted once for every case-based table (small: groups × months × values), kept in memory.
    Dataset<Row> cells = progress.result("cases counted", () -> cached(CaseCells.of(cases, CaseCells.GRAIN)));
    Dataset<Row> districtCells = cells.filter(col("court_level").equalTo("district"));
    Dataset<Row> regionCodes = regions.select("region_code", "population");
    // The service events counted once for the reliability and availability tables.
    ServiceTraffic traffic = progress.result("service events counted", () -> ServiceTraffic.of(events, options.latencyTargetMs())
        .kept(this::materialize));

    // Every table that shares cases with another is computed first, with primary suppression;
    // complementary suppression then looks at all of them at once before any is written.
    List<Linked> linked = new ArrayList<>();
    List<String> byRegion = List.of("region_code", "period");
    List<Disclosure.Rule> regionRules = RegionalIndicators.RULES;
    linked.add(linked("region_year", Catalog.REGION_YEAR, regionRules, byRegion, byRegion, () ->
        RegionalIndicators.compute(districtCells, events, regionCodes, Period.YEAR, Period.YEAR.labels(from, options.asOf()),
            disclosure)));
    linked.add(linked("region_month", Catalog.REGION_MONTH, regionRules, byRegion, byRegion, () ->
        RegionalIndicators.compute(districtCells, events, regionCodes, Period.MONTH, Period.MONTH.labels(from, options.asOf()),
            disclosure)));
    linked.add(linked("national_year", Catalog.NATIONAL_YEAR, regionRules, byRegion, byRegion, () ->
        RegionalIndicators.compute(
            districtCells.withColumn("region_code", lit(NATIONAL)),
            events.withColumn("region_code", lit(NATIONAL)),
            regions.agg(sum("population").as("population")).select(lit(NATIONAL).as("region_code"), col("population")),
            Period.YEAR, Period.YEAR.labels(from, options.asOf()), disclosure)));
    List<String> courtKeys = List.of("court_id", "court_level", "region_code");
    Dataset<Row> courts = cells.select("court_id", "court_level", "region_code").distinct();
    for (Period period : Period.values()) {
      String table = period == Period.YEAR ? Catalog.COURT_YEAR : Catalog.COURT_MONTH;
      linked.add(linked(table.substring(table.indexOf('/') + 1), table, CaseFlowBreakdown.RULES,
          List.of("court_id", "period"), List.of("court_id", "period"), () ->
          CaseFlowBreakdown.compute(cells, courtKeys, courts, period, period.labels(from, options.asOf()), disclosure)));
    }
    linked.add(nationalBreakdown(Catalog.CATEGORY_YEAR, districtCells, "case_category", from, disclosure));
    linked.add(nationalBreakdown(Catalog.LEVEL_YEAR, cells, "court_level", from, disclosure));
    linked.add(nationalBreakdown(Catalog.CHANNEL_YEAR, districtCells, "filing_channel", from, disclosure));
    linked.add(linked("service_reliability_month", Catalog.SERVICE_RELIABILITY_MONTH, ServiceReliability.RULES,
        ServiceReliability.KEYS, ServiceReliability.KEYS, () ->
        ServiceReliability.compute(traffic, options.outage(), disclosure)));
    linked.add(linked("service_users_year", Catalog.SERVICE_USERS_YEAR, ServiceUse.USER_TYPE_RULES,
        List.of("service", "user_type", "period"), List.of("period", "service", "user_type"), () ->
        ServiceUse.byUserType(events, Period.YEAR, disclosure)));
    linked.add(linked("decision_days_histogram", Catalog.DECISION_DAYS_HISTOGRAM, DecisionDaysHistogram.RULES,
        List.of("case_category", "bin", "period"), List.of("case_category", "period", "bin"), () ->
        DecisionDaysHistogram.compute(districtCells, Period.YEAR, disclosure)));

    // Independent tables from a few driver threads: on small inputs most of a table's time is planning.
    int threads = Concurrently.threads(spark);
    List<Dataset<Row>> computed = Concurrently.map(linked, threads,
        l -> progress.result(l.label(), () -> materialize(l.table(), l.compute().get())));
    Map<String, Dataset<Row>> primary = byTable(linked, computed);
    LinkedTables model = progress.result("linked cells and identities", () -> new LinkedTables(primary::get, regions));
    ComplementarySuppression.Result protection =
        progress.result("complementary suppression", () -> ComplementarySuppression.protect(model.cells(), disclosure.k()));
    if (!protection.unprotected().isEmpty()) {
      throw new IllegalStateException(protection.unprotected().size() + " suppressed cells stay recoverable, e.g. "
          + protection.unprotected().get(0) + "; this is a bug, please report it");
    }

    TableWriter writer = new TableWriter(store);
    // Data quality first: the court, region and national tables flag the values that rest on a low-quality court.
    // Counted once, kept for both tables.
    Dataset<Row> qualityCounts = progress.result("data quality counted",
        () -> materialize("data-quality-counts", DataQuality.counts(cases, options.asOf())));
    Dataset<Row> decisionsByMonth = progress.result("decisions by court and month",
        () -> materialize("decisions-by-month", DataQuality.decisionsByMonth(cases)));
    DataQuality.Tables quality = DataQuality.of(qualityCounts, decisionsByMonth, catalog.quarantineTable(Contract.CASES),
        options.asOf(), disclosure);
    Dataset<Row> qualityOfCourts = progress.result("data_quality_court", () -> writer.writeWithCsv(Catalog.DATA_QUALITY_COURT,
        quality.courts(), DataQuality.KEYS));
    progress.result("data_quality_column", () -> writer.writeWithCsv(Catalog.DATA_QUALITY_COLUMN, quality.columns(),
        List.of("source", "court_id", "period", "column")));
    Dataset<Row> lowQuality = DataQuality.lowQuality(qualityOfCourts, options.qualityThreshold()).cache();
    List<Dataset<Row>> written = Concurrently.map(linked, threads, l -> {
      Dataset<Row> complements = complementsOf(l.table(), protection.complements());
      Dataset<Row> protectedRows = disclosure.complement(primary.get(l.table()), l.rules(), l.keys(), complements);
      return progress.result(l.label(), () -> writer.writeWithCsv(l.table(), qualityFlagged(l.table(), protectedRows, lowQuality),
          l.sortBy()));
    });
    Map<String, Dataset<Row>> published = byTable(linked, written);
    Dataset<Row> year = published.get(Catalog.REGION_YEAR);
    Dataset<Row> month = published.get(Catalog.REGION_MONTH);
    // From the written regional tables: small, and computed once.
    long minRegions = Inequality.minRegions(regions.filter(col("region_code").notEqual(Contract.UNKNOWN_REGION)).count());
    List<Runnable> others = List.of(
        () -> progress.result("inequality", () -> writer.writeWithCsv(Catalog.INEQUALITY, rounded(Inequality.comparable(
            Inequality.compute(RegionalIndicators.longFormat(year).unionByName(RegionalIndicators.longFormat(month)), regions),
            minRegions)), List.of("indicator", "period"))),
        () -> progress.result("service_availability_month", () -> writer.writeWithCsv(Catalog.SERVICE_AVAILABILITY_MONTH,
            ServiceAvailability.compute(traffic, options.outage(), disclosure),
            ServiceAvailability.KEYS)),
        () -> progress.result("security_year", () -> writer.writeWithCsv(Catalog.SECURITY_YEAR,
            SecurityIncidents.compute(ingested(Contract.SECURITY_INCIDENTS), options.notificationDeadlineHours()),
            List.of("period", "system"))),
        () -> progress.result("hearing_equivalence_year", () -> writer.writeWithCsv(Catalog.HEARING_EQUIVALENCE_YEAR,
            HearingEquivalence.compute(districtCases, Period.YEAR, options.daysMargin(), options.appealRateMargin(),
                disclosure), List.of("case_category", "period"))),
        () -> progress.result("digital_justice_index", () -> writer.writeWithCsv(Catalog.DIGITAL_JUSTICE_INDEX,
            DigitalJusticeIndex.compute(year, regions, options.indexWeights()), List.of("period", "region_code"))),
        () -> digitalImpact(cases, java.time.YearMonth.from(from), disclosure, writer),
        () -> progress.result("channel_comparison", () -> writer.writeWithCsv(Catalog.CHANNEL_COMPARISON,
            ChannelComparison.compute(cases, regions, options.asOf(), disclosure), List.of("region_code", "period"))));
    Concurrently.run(others, threads);

    List<String> tables = new ArrayList<>();
    for (String t : Catalog.INDICATOR_TABLES) {
      tables.addAll(TableWriter.names(t));
    }
    store.complete(tables);
    cells.unpersist();
    disclosureSummary = DisclosureSummary.of(disclosure.k(), model.cells(), protection);
    return tables;
  }

  /** The court, region and national tables with their {@code quality_flag}; the others as they are. */
  private static Dataset<Row> qualityFlagged(String table, Dataset<Row> rows, Dataset<Row> lowQuality) {
    if (table.equals(Catalog.COURT_YEAR) || table.equals(Catalog.COURT_MONTH)) {
      return DataQuality.flagged(rows, lowQuality, List.of("court_id"));
    }
    if (table.equals(Catalog.REGION_YEAR) || table.equals(Catalog.REGION_MONTH)) {
      return DataQuality.flagged(rows, lowQuality, List.of("region_code"));
    }
    return table.equals(Catalog.NATIONAL_YEAR) ? DataQuality.flagged(rows, lowQuality, List.of()) : rows;
  }

  /** The impact of digital programmes, from rollouts/ when it was delivered; empty tables, said so, when not. */
  private void digitalImpact(Dataset<Row> cases, java.time.YearMonth start, Disclosure disclosure, TableWriter writer) {
    Dataset<Row> rollouts = catalog.optionalIngestedTable(Contract.ROLLOUTS)
        .orElseGet(() -> spark.createDataFrame(List.of(), Contract.ROLLOUTS.storedSchema()));
    DigitalImpact.Tables impact = progress.result("digital_impact: estimate",
        () -> DigitalImpact.compute(cases, rollouts, start, options.asOf(), disclosure));
    progress.result("digital_impact", () -> writer.writeWithCsv(Catalog.DIGITAL_IMPACT, impact.effects(),
        List.of("program", "outcome")));
    progress.result("digital_impact_event_time", () -> writer.writeWithCsv(Catalog.DIGITAL_IMPACT_EVENT_TIME,
        impact.eventTime(), List.of("program", "outcome", "months_since_adoption")));
    if (rollouts.isEmpty()) {
      progress.step("digital_impact", "no rollouts/ in the input: the impact tables are empty; deliver which court or region"
          + " adopted which programme when (docs/data-dictionary.md) to estimate what a programme changed");
    } else if (!impact.unitsWithoutCases().isEmpty()) {
      progress.step("digital_impact", "rollouts name units without cases, left out: "
          + String.join(", ", impact.unitsWithoutCases()));
    }
  }

  /** What {@link #run} did for disclosure control, for {@code summary/disclosure.json}. */
  public DisclosureSummary disclosureSummary() {
    return disclosureSummary;
  }

  /** A table that shares cases with others: how to compute it with primary suppression, and how it is protected. */
  private record Linked(String label, String table, java.util.function.Supplier<Dataset<Row>> compute,
      List<Disclosure.Rule> rules, List<String> keys, List<String> sortBy) {}

  private static Map<String, Dataset<Row>> byTable(List<Linked> linked, List<Dataset<Row>> rows) {
    Map<String, Dataset<Row>> byTable = new LinkedHashMap<>();
    for (int i = 0; i < linked.size(); i++) {
      byTable.put(linked.get(i).table(), rows.get(i));
    }
    return byTable;
  }

  private static Linked linked(String label, String table, List<Disclosure.Rule> rules, List<String> keys,
      List<String> sortBy, java.util.function.Supplier<Dataset<Row>> compute) {
    return new Linked(label, table, compute, rules, keys, sortBy);
  }

  /** Case flow of the whole country by one attribute (a category, a level, a channel), per year. */
  private Linked nationalBreakdown(String table, Dataset<Row> cells, String key, LocalDate from, Disclosure disclosure) {
    Dataset<Row> groups = cells.select(key).distinct();
    return linked(table.substring(table.indexOf('/') + 1), table, CaseFlowBreakdown.RULES, List.of(key, "period"),
        List.of(key, "period"), () ->
        CaseFlowBreakdown.compute(cells, List.of(key), groups, Period.YEAR, Period.YEAR.labels(from, options.asOf()), disclosure));
  }

  /** The complements of one table: its row keys, each with the count columns to suppress. */
  private Dataset<Row> complementsOf(String table, List<LinkedCells.Cell> complements) {
    Map<String, List<String>> byRow = new java.util.TreeMap<>();
    complements.stream().filter(c -> c.table().equals(table))
        .forEach(c -> byRow.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c.measure()));
    List<Row> rows = new ArrayList<>();
    byRow.forEach((key, measures) -> rows.add(org.apache.spark.sql.RowFactory.create(key,
        scala.jdk.javaapi.CollectionConverters.asScala(measures).toSeq())));
    return spark.createDataFrame(rows, Disclosure.COMPLEMENTS_SCHEMA);
  }

  private Dataset<Row> materialize(String table, Dataset<Row> rows) {
    String path = store.scratch("primary-" + table.replace('/', '-'));
    rows.write().mode(org.apache.spark.sql.SaveMode.Overwrite).parquet(path);
    return spark.read().schema(rows.schema()).parquet(path);
  }

  /**
   * Kept in memory in as many partitions as the executors have cores: a cached plan keeps its
   * partitions, and each scan of one pays for every task.
   */
  private Dataset<Row> cached(Dataset<Row> rows) {
    Dataset<Row> kept = rows.coalesce(spark.sparkContext().defaultParallelism()).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    kept.count();
    return kept;
  }

  private Dataset<Row> ingested(DatasetSpec spec) {
    return catalog.ingestedTable(spec);
  }


  private static Dataset<Row> rounded(Dataset<Row> table) {
    return DataFrames.publishable(table, List.of(table.columns()));
  }
}
