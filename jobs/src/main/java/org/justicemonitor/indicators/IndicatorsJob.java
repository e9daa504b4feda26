package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.JobFailure;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.disclosure.DisclosureSummary;
import org.justicemonitor.disclosure.LinkedProtection;
import org.justicemonitor.evaluation.ChannelComparison;
import org.justicemonitor.evaluation.DigitalImpact;
import org.justicemonitor.evaluation.HearingEquivalence;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.TableWriter;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.Period;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.measures.ServiceTraffic;
import org.justicemonitor.quality.DataQuality;
import org.justicemonitor.spark.Concurrently;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.spark.Progress;
import org.justicemonitor.io.Json;
import org.justicemonitor.tables.DataPackage;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.TableDeclaration;

/**
 * Stage 2: the indicator tables from the ingested tables. Reads each table once, with its
 * schema; every table is published as Parquet with a sorted CSV copy.
 */
public final class IndicatorsJob {

  private final SparkSession spark;
  private final OutputStore store;
  private final Catalog catalog;
  private final IndicatorOptions options;
  private final Progress progress;
  private DisclosureSummary disclosureSummary;
  private PublicationWindow window;

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
    // Written to the run's scratch space as well: a later stage of the run rolls them up instead of counting the cases again.
    Dataset<Row> cells = progress.result("cases counted", () -> {
      Dataset<Row> counted = cached(CaseCells.of(cases, CaseCells.GRAIN));
      store.materialize(CaseCells.KEPT_FOR_THE_RUN, counted);
      return counted;
    });
    Dataset<Row> districtCells = cells.filter(col("court_level").equalTo("district"));
    window = options.fromYear() != null ? new PublicationWindow(options.fromYear())
        : PublicationWindow.byDefault(cells, options.asOf(), options.minCases());
    progress.step("publication window", "tables cover " + window.firstYear() + " to " + options.asOf().getYear()
        + (options.fromYear() != null ? " (--from)" : " (the default: see --help)"));
    // Service events have no stocks: those before the window count nowhere.
    Dataset<Row> events = ingested(Contract.SERVICE_EVENTS).filter(window.coversMonth(col("event_month")));
    Dataset<Row> regionCodes = regions.select("region_code", "population");
    // The service events counted once for the reliability and availability tables.
    ServiceTraffic traffic = progress.result("service events counted", () -> ServiceTraffic.of(events, options.latencyTargetMs())
        .kept(this::materialize));

    // Every table that shares cases with another is computed first, with primary suppression;
    // complementary suppression then looks at all of them at once before any is written.
    List<Linked> linked = new ArrayList<>();
    linked.add(new Linked(IndicatorTables.REGION_YEAR, () -> RegionalIndicators.compute(IndicatorTables.REGION_YEAR,
        districtCells, events, regionCodes, Period.YEAR, Period.YEAR.labels(from, options.asOf()), window, disclosure)));
    linked.add(new Linked(IndicatorTables.REGION_MONTH, () -> RegionalIndicators.compute(IndicatorTables.REGION_MONTH,
        districtCells, events, regionCodes, Period.MONTH, Period.MONTH.labels(from, options.asOf()), window, disclosure)));
    linked.add(new Linked(IndicatorTables.NATIONAL_YEAR, () -> RegionalIndicators.compute(IndicatorTables.NATIONAL_YEAR,
        districtCells.withColumn("region_code", lit(IndicatorTables.NATIONAL)),
        events.withColumn("region_code", lit(IndicatorTables.NATIONAL)),
        regions.agg(sum("population").as("population")).select(lit(IndicatorTables.NATIONAL).as("region_code"), col("population")),
        Period.YEAR, Period.YEAR.labels(from, options.asOf()), window, disclosure)));
    List<String> courtKeys = List.of("court_id", "court_level", "region_code");
    Dataset<Row> courts = cells.select("court_id", "court_level", "region_code").distinct();
    for (Period period : Period.values()) {
      TableDeclaration table = period == Period.YEAR ? IndicatorTables.COURT_YEAR : IndicatorTables.COURT_MONTH;
      linked.add(new Linked(table, () ->
          CaseFlowBreakdown.compute(table, cells, courtKeys, courts, period, period.labels(from, options.asOf()), window,
              disclosure)));
    }
    linked.add(nationalBreakdown(IndicatorTables.CATEGORY_YEAR, districtCells, "case_category", from, disclosure));
    linked.add(nationalBreakdown(IndicatorTables.LEVEL_YEAR, cells, "court_level", from, disclosure));
    linked.add(nationalBreakdown(IndicatorTables.CHANNEL_YEAR, districtCells, "filing_channel", from, disclosure));
    linked.add(new Linked(IndicatorTables.SERVICE_RELIABILITY_MONTH, () ->
        ServiceReliability.compute(traffic, options.outage(), disclosure)));
    linked.add(new Linked(IndicatorTables.SERVICE_USERS_YEAR, () -> ServiceUse.byUserType(events, Period.YEAR, disclosure)));
    linked.add(new Linked(IndicatorTables.DECISION_DAYS_HISTOGRAM, () ->
        DecisionDaysHistogram.compute(districtCells.filter(window.coversMonth(col("month"))), Period.YEAR, disclosure)));

    // Independent tables from a few driver threads: on small inputs most of a table's time is planning.
    int threads = Concurrently.threads(spark);
    List<Dataset<Row>> computed = Concurrently.map(linked, threads,
        l -> progress.result(l.table().name(), () -> materialize(l.table().path(), l.compute().get())));
    Map<String, Dataset<Row>> primary = byTable(linked, computed);
    LinkedProtection protection = progress.result("complementary suppression",
        () -> LinkedProtection.protect(primary::get, regions, disclosure.k(), options.protectionWidth()));

    TableWriter writer = new TableWriter(store);
    progress.result("regions", () -> writer.write(IndicatorTables.REGIONS, regions));
    progress.result("courts", () -> writer.write(IndicatorTables.COURTS, CourtList.compute(courts, catalog.courts())));
    // Data quality first: the court, region and national tables flag the values that rest on a low-quality court.
    // Counted once, kept for both tables.
    Dataset<Row> qualityCounts = progress.result("data quality counted",
        () -> materialize("data-quality-counts", DataQuality.counts(cases, options.asOf())));
    Dataset<Row> decisionsByMonth = progress.result("decisions by court and month",
        () -> materialize("decisions-by-month", DataQuality.decisionsByMonth(cases)));
    DataQuality.Tables quality = DataQuality.of(qualityCounts, decisionsByMonth, catalog.quarantineTable(Contract.CASES),
        options.asOf(), disclosure);
    Dataset<Row> qualityOfCourts = progress.result("data_quality_court", () -> writer.write(IndicatorTables.DATA_QUALITY_COURT,
        quality.courts()));
    progress.result("data_quality_column", () -> writer.write(IndicatorTables.DATA_QUALITY_COLUMN, quality.columns()));
    Dataset<Row> lowQuality = DataQuality.lowQuality(qualityOfCourts, options.qualityThreshold()).cache();
    List<Dataset<Row>> written = Concurrently.map(linked, threads, l -> {
      Dataset<Row> complements = protection.complementsOf(spark, l.table());
      Dataset<Row> protectedRows = disclosure.complement(primary.get(l.table().path()), l.table(), complements);
      return progress.result(l.table().name(), () -> writer.write(l.table(), qualityFlagged(l.table(), protectedRows,
          lowQuality)));
    });
    Map<String, Dataset<Row>> published = byTable(linked, written);
    Dataset<Row> year = published.get(IndicatorTables.REGION_YEAR.path());
    Dataset<Row> month = published.get(IndicatorTables.REGION_MONTH.path());
    // From the written regional tables: small, and computed once.
    long minRegions = Inequality.minRegions(regions.filter(col("region_code").notEqual(Contract.UNKNOWN_REGION)).count());
    List<Runnable> others = List.of(
        () -> progress.result("inequality", () -> writer.write(IndicatorTables.INEQUALITY, rounded(Inequality.comparable(
            Inequality.compute(RegionalIndicators.longFormat(year).unionByName(RegionalIndicators.longFormat(month)), regions),
            minRegions)))),
        () -> progress.result("service_availability_month", () -> writer.write(IndicatorTables.SERVICE_AVAILABILITY_MONTH,
            ServiceAvailability.compute(traffic, options.outage(), disclosure))),
        () -> progress.result("security_year", () -> writer.write(IndicatorTables.SECURITY_YEAR,
            SecurityIncidents.compute(ingested(Contract.SECURITY_INCIDENTS), options.notificationDeadlineHours()))),
        () -> progress.result("hearing_equivalence_year", () -> writer.write(IndicatorTables.HEARING_EQUIVALENCE_YEAR,
            HearingEquivalence.compute(districtCases, Period.YEAR, options.daysMargin(), options.appealRateMargin(),
                disclosure))),
        () -> progress.result("digital_justice_index", () -> writer.write(IndicatorTables.DIGITAL_JUSTICE_INDEX,
            DigitalJusticeIndex.compute(year, regions, options.indexWeights()))),
        () -> digitalImpact(cases, java.time.YearMonth.from(from), disclosure, writer),
        () -> progress.result("channel_comparison", () -> writer.write(IndicatorTables.CHANNEL_COMPARISON,
            ChannelComparison.compute(cases, regions, options.asOf(), disclosure))));
    Concurrently.run(others, threads);

    List<String> tables = new ArrayList<>();
    for (TableDeclaration t : IndicatorTables.ALL) {
      tables.addAll(TableWriter.names(t.path()));
    }
    store.complete(tables);
    store.writeText(Catalog.DATA_PACKAGE, Json.write(DataPackage.of(IndicatorTables.ALL, writer.schemas(), disclosure.k())));
    tables.add(Catalog.DATA_PACKAGE);
    cells.unpersist();
    disclosureSummary = protection.summary();
    return tables;
  }

  /** The court, region and national tables with their {@code quality_flag}; the others as they are. */
  private static Dataset<Row> qualityFlagged(TableDeclaration table, Dataset<Row> rows, Dataset<Row> lowQuality) {
    if (table.equals(IndicatorTables.COURT_YEAR) || table.equals(IndicatorTables.COURT_MONTH)) {
      return DataQuality.flagged(rows, lowQuality, List.of("court_id"));
    }
    if (table.equals(IndicatorTables.REGION_YEAR) || table.equals(IndicatorTables.REGION_MONTH)) {
      return DataQuality.flagged(rows, lowQuality, List.of("region_code"));
    }
    return table.equals(IndicatorTables.NATIONAL_YEAR) ? DataQuality.flagged(rows, lowQuality, List.of()) : rows;
  }

  /** The impact of digital programmes, from rollouts/ when it was delivered; empty tables, said so, when not. */
  private void digitalImpact(Dataset<Row> cases, java.time.YearMonth start, Disclosure disclosure, TableWriter writer) {
    Dataset<Row> rollouts = catalog.optionalIngestedTable(Contract.ROLLOUTS)
        .orElseGet(() -> spark.createDataFrame(List.of(), Contract.ROLLOUTS.storedSchema()));
    DigitalImpact.Tables impact = progress.result("digital_impact: estimate",
        () -> DigitalImpact.compute(cases, rollouts, start, options.asOf(), disclosure));
    progress.result("digital_impact", () -> writer.write(IndicatorTables.DIGITAL_IMPACT, impact.effects()));
    progress.result("digital_impact_event_time", () -> writer.write(IndicatorTables.DIGITAL_IMPACT_EVENT_TIME,
        impact.eventTime()));
    if (rollouts.isEmpty()) {
      progress.step("digital_impact", "no rollouts/ in the input: the impact tables are empty; deliver which court or region"
          + " adopted which programme when (docs/data-dictionary.md) to estimate what a programme changed");
    } else if (!impact.unitsWithoutCases().isEmpty()) {
      progress.step("digital_impact", "rollouts name units without cases, left out: "
          + String.join(", ", impact.unitsWithoutCases()));
    }
  }

  /** The periods {@link #run} published. */
  public PublicationWindow window() {
    return window;
  }

  /** What {@link #run} did for disclosure control, for {@code summary/disclosure.json}. */
  public DisclosureSummary disclosureSummary() {
    return disclosureSummary;
  }

  /** A table that shares cases with others, and how to compute it with primary suppression. */
  private record Linked(TableDeclaration table, Supplier<Dataset<Row>> compute) {}

  private static Map<String, Dataset<Row>> byTable(List<Linked> linked, List<Dataset<Row>> rows) {
    Map<String, Dataset<Row>> byTable = new LinkedHashMap<>();
    for (int i = 0; i < linked.size(); i++) {
      byTable.put(linked.get(i).table().path(), rows.get(i));
    }
    return byTable;
  }

  /** Case flow of the whole country by one attribute (a category, a level, a channel), per year. */
  private Linked nationalBreakdown(TableDeclaration table, Dataset<Row> cells, String key, LocalDate from,
      Disclosure disclosure) {
    Dataset<Row> groups = cells.select(key).distinct();
    return new Linked(table, () -> CaseFlowBreakdown.compute(table, cells, List.of(key), groups, Period.YEAR,
        Period.YEAR.labels(from, options.asOf()), window, disclosure));
  }

  private Dataset<Row> materialize(String name, Dataset<Row> rows) {
    return store.materialize("primary-" + name.replace('/', '-'), rows);
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
