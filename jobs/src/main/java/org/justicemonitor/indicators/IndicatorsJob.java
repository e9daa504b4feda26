package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.JobFailure;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.contract.RegionReference;
import org.justicemonitor.ingest.IngestJob;
import org.justicemonitor.io.InputFiles;
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
    Dataset<Row> regionCodes = regions.select("region_code", "population");

    TableWriter writer = new TableWriter(store);
    List<String> byRegion = List.of("region_code", "period");
    Dataset<Row> year = progress.result("region_year", () -> writer.writeWithCsv(Catalog.REGION_YEAR,
        RegionalIndicators.compute(districtCases, events, regionCodes, Period.YEAR, Period.YEAR.labels(from, options.asOf()),
            disclosure), byRegion));
    Dataset<Row> month = progress.result("region_month", () -> writer.writeWithCsv(Catalog.REGION_MONTH,
        RegionalIndicators.compute(districtCases, events, regionCodes, Period.MONTH, Period.MONTH.labels(from, options.asOf()),
            disclosure), byRegion));
    progress.result("national_year", () -> writer.writeWithCsv(Catalog.NATIONAL_YEAR,
        RegionalIndicators.compute(
            districtCases.withColumn("region_code", lit(NATIONAL)),
            events.withColumn("region_code", lit(NATIONAL)),
            regions.agg(sum("population").as("population")).select(lit(NATIONAL).as("region_code"), col("population")),
            Period.YEAR, Period.YEAR.labels(from, options.asOf()), disclosure), byRegion));
    // From the written regional tables: small, and computed once.
    long minRegions = Inequality.minRegions(regions.filter(col("region_code").notEqual(Contract.UNKNOWN_REGION)).count());
    progress.result("inequality", () -> writer.writeWithCsv(Catalog.INEQUALITY, rounded(Inequality.comparable(
        Inequality.compute(RegionalIndicators.longFormat(year).unionByName(RegionalIndicators.longFormat(month)), regions),
        minRegions)), List.of("indicator", "period")));

    List<String> courtKeys = List.of("court_id", "court_level", "region_code");
    Dataset<Row> courts = cases.select("court_id", "court_level", "region_code").distinct();
    for (Period period : Period.values()) {
      String table = period == Period.YEAR ? Catalog.COURT_YEAR : Catalog.COURT_MONTH;
      progress.result(table.substring(table.indexOf('/') + 1), () -> writer.writeWithCsv(table,
          CaseFlowBreakdown.compute(cases, courtKeys, courts, period, period.labels(from, options.asOf()), disclosure),
          List.of("court_id", "period")));
    }
    writeNationalBreakdown(writer, Catalog.CATEGORY_YEAR, districtCases, "case_category", from, disclosure);
    writeNationalBreakdown(writer, Catalog.LEVEL_YEAR, cases, "court_level", from, disclosure);
    writeNationalBreakdown(writer, Catalog.CHANNEL_YEAR, districtCases, "filing_channel", from, disclosure);

    progress.result("service_reliability_month", () -> writer.writeWithCsv(Catalog.SERVICE_RELIABILITY_MONTH,
        ServiceReliability.compute(events, options.outageFailureRate(), disclosure), ServiceReliability.KEYS));
    progress.result("service_users_year", () -> writer.writeWithCsv(Catalog.SERVICE_USERS_YEAR,
        ServiceUse.byUserType(events, Period.YEAR, disclosure), List.of("period", "service", "user_type")));
    progress.result("security_year", () -> writer.writeWithCsv(Catalog.SECURITY_YEAR,
        SecurityIncidents.compute(ingested(Contract.SECURITY_INCIDENTS), options.notificationDeadlineHours()),
        List.of("period", "system")));
    progress.result("hearing_equivalence_year", () -> writer.writeWithCsv(Catalog.HEARING_EQUIVALENCE_YEAR,
        HearingEquivalence.compute(districtCases, Period.YEAR, options.daysMargin(), options.appealRateMargin(), disclosure),
        List.of("case_category", "period")));
    progress.result("digital_justice_index", () -> writer.writeWithCsv(Catalog.DIGITAL_JUSTICE_INDEX,
        DigitalJusticeIndex.compute(year, regions, options.indexWeights()), List.of("period", "region_code")));

    List<String> tables = new ArrayList<>();
    for (String t : Catalog.INDICATOR_TABLES) {
      tables.addAll(TableWriter.names(t));
    }
    store.complete(tables);
    return tables;
  }

  /** Case flow of the whole country by one attribute (a category, a level, a channel), per year. */
  private void writeNationalBreakdown(
      TableWriter writer, String table, Dataset<Row> cases, String key, LocalDate from, Disclosure disclosure) {
    Dataset<Row> groups = cases.select(key).distinct();
    progress.result(table.substring(table.indexOf('/') + 1), () -> writer.writeWithCsv(table,
        CaseFlowBreakdown.compute(cases, List.of(key), groups, Period.YEAR, Period.YEAR.labels(from, options.asOf()), disclosure),
        List.of(key, "period")));
  }

  private Dataset<Row> ingested(DatasetSpec spec) {
    return catalog.ingestedTable(spec);
  }


  private static Dataset<Row> rounded(Dataset<Row> table) {
    return DataFrames.publishable(table, List.of(table.columns()));
  }
}
