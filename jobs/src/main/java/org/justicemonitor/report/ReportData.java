package org.justicemonitor.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.justicemonitor.spark.DataFrames.sortedInOnePartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.indicators.DecisionDaysHistogram;
import org.justicemonitor.io.Fingerprint;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.tables.IndicatorTables;

/**
 * Everything the report shows, read from a run's outputs into one JSON document: the small
 * published tables, the run summaries and the model record. Only small, aggregated tables are
 * brought to the driver (at most regions × months rows); the one figure not published as a
 * table, the distribution of days to decision, is aggregated from the cases by Spark first.
 */
public final class ReportData {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FLAGS = 100;
  /**
   * What the public report shows of a flag: where, when, which signal, how strong. Not its
   * actual and expected values, nor the explanation that quotes them: those are exact counts,
   * for reviewers only (the flags table is restricted).
   */
  /** How many months of each court the court card shows. */
  static final int COURT_MONTHS = 36;

  static final Column[] FLAG_COLUMNS = {col("rank"), col("entity_type"), col("entity_id"), col("period"), col("signal"),
      col("score"), col("review")};

  private final SparkSession spark;
  private final OutputStore store;
  private final Catalog catalog;

  public ReportData(OutputStore store) {
    this.spark = store.spark();
    this.store = store;
    this.catalog = new Catalog(store);
  }

  public ObjectNode collect() {
    ObjectNode root = JSON.createObjectNode();
    root.set("ingest", text(Catalog.INGEST_SUMMARY));
    root.set("indicator_settings", text(Catalog.INDICATORS_SUMMARY));
    root.set("disclosure", text(Catalog.DISCLOSURE_SUMMARY));
    root.set("model_record", text(Catalog.MODEL_RECORD));
    ObjectNode fingerprints = root.putObject("ingested_fingerprints");
    for (var spec : Contract.INGESTED) {
      fingerprints.put(spec.name(), Fingerprint.of(catalog.ingestedTable(spec)));
    }
    root.set("regions", rows(sortedInOnePartition(catalog.regions()
        .select("region_code", "name_en", "name_ru", "name_kk", "group", "population"), "region_code")));
    // The courts' names (from the input's optional courts file); an output from before they were published has none.
    String courts = store.current(IndicatorTables.COURTS.path());
    root.set("courts", InputFiles.exists(spark, courts) ? rows(sortedInOnePartition(spark.read().parquet(courts), "court_id")) : JSON.createArrayNode());
    root.set("national_year", rows(sortedInOnePartition(catalog.table(IndicatorTables.NATIONAL_YEAR.path()), "period")));
    root.set("region_year", rows(sortedInOnePartition(catalog.table(IndicatorTables.REGION_YEAR.path()), "region_code", "period")));
    root.set("failure_by_region_month", rows(sortedInOnePartition(catalog.table(IndicatorTables.REGION_MONTH.path())
        .select("region_code", "period", "service_failure_rate"), "region_code", "period")));
    root.set("inequality", rows(sortedInOnePartition(catalog.table(IndicatorTables.INEQUALITY.path()).filter(col("period").rlike("^[0-9]{4}$"))
        .select("indicator", "period", "gini", "theil", "theil_between", "theil_within"), "indicator", "period")));
    root.set("digital_justice_index", rows(sortedInOnePartition(catalog.table(IndicatorTables.DIGITAL_JUSTICE_INDEX.path()), "period", "region_code")));
    root.put("impact_few_courts", org.justicemonitor.evaluation.DigitalImpact.FEW_UNITS);
    root.set("digital_impact", rows(sortedInOnePartition(catalog.table(IndicatorTables.DIGITAL_IMPACT.path()).drop("method", "note"), "program", "outcome")));
    root.set("digital_impact_event_time", rows(sortedInOnePartition(catalog.table(IndicatorTables.DIGITAL_IMPACT_EVENT_TIME.path())
        .filter(col("outcome").equalTo("days_to_decision")), "program", "months_since_adoption")));
    root.set("channel_comparison", rows(sortedInOnePartition(catalog.table(IndicatorTables.CHANNEL_COMPARISON.path())
        .filter(col("region_code").equalTo(org.justicemonitor.tables.IndicatorTables.NATIONAL)), "period")));
    root.set("security_year", rows(sortedInOnePartition(catalog.table(IndicatorTables.SECURITY_YEAR.path()).filter(col("system").equalTo("all")), "period")));
    root.set("availability", rows(sortedInOnePartition(catalog.table(IndicatorTables.SERVICE_AVAILABILITY_MONTH.path())
        .filter(col("region_code").equalTo(org.justicemonitor.measures.ServiceTraffic.ALL_REGIONS)), "service", "period")));
    root.set("court_year", rows(sortedInOnePartition(latestYear(catalog.table(IndicatorTables.COURT_YEAR.path())), "court_id")));
    root.set("court_month", rows(sortedInOnePartition(lastMonths(catalog.table(IndicatorTables.COURT_MONTH.path()), COURT_MONTHS)
        .select("court_id", "period", "incoming", "resolved", "median_days_to_decision", "suppressed", "suppression_reason"),
        "court_id", "period")));
    root.set("hearing_equivalence_year", rows(sortedInOnePartition(latestYear(catalog.table(IndicatorTables.HEARING_EQUIVALENCE_YEAR.path())), "case_category")));
    root.set("data_quality_court", rows(sortedInOnePartition(latestYear(catalog.table(IndicatorTables.DATA_QUALITY_COURT.path())), "court_id")));
    root.set("data_quality_column", rows(sortedInOnePartition(latestYear(catalog.table(IndicatorTables.DATA_QUALITY_COLUMN.path())), "court_id", "column")));
    root.set("service_users_year", rows(sortedInOnePartition(latestYear(catalog.table(IndicatorTables.SERVICE_USERS_YEAR.path())), "service", "user_type")));
    root.set("days_histogram", daysHistogram());
    String flags = store.current(Catalog.FLAGS);
    root.set("flags", InputFiles.exists(spark, flags)
        // A judge's flag is about a person: for reviewers, never on a public page.
        ? rows(spark.read().parquet(flags).filter(col("entity_type").notEqual("judge")).orderBy("rank").limit(MAX_FLAGS)
            .select(FLAG_COLUMNS))
        : JSON.createArrayNode());
    return root;
  }

  /**
   * First-instance decisions of the latest year by category and band of days to decision, from the
   * published histogram: suppressed where the table is.
   */
  private ArrayNode daysHistogram() {
    return rows(sortedInOnePartition(latestYear(catalog.table(IndicatorTables.DECISION_DAYS_HISTOGRAM.path()))
        .select(col("case_category"), col("bin"), col("decisions"), col("period").cast("int").as("year")),
        "case_category", "bin"));
  }

  /** The rows of a monthly table's last {@code months} months: a court's recent course, its size bounded for hundreds of courts. */
  private static Dataset<Row> lastMonths(Dataset<Row> monthly, int months) {
    Row latest = monthly.agg(max(col("period"))).first();
    if (latest.isNullAt(0)) {
      return monthly.limit(0);
    }
    String from = java.time.YearMonth.parse(latest.getString(0)).minusMonths(months - 1L).toString();
    return monthly.filter(col("period").geq(from));
  }

  /** The rows of a yearly table's latest year (none when the table is empty). */
  private static Dataset<Row> latestYear(Dataset<Row> yearly) {
    Row latest = yearly.agg(max(col("period"))).first();
    return latest.isNullAt(0) ? yearly.limit(0) : yearly.filter(col("period").equalTo(latest.getString(0)));
  }

  /** A small table as a JSON array of objects (nulls kept: a suppressed cell must show as such). */
  private static ArrayNode rows(Dataset<Row> small) {
    ArrayNode out = JSON.createArrayNode();
    for (String line : small.toJSON().collectAsList()) {
      try {
        ObjectNode row = (ObjectNode) JSON.readTree(line);
        for (String c : small.columns()) {
          if (!row.has(c)) {
            row.putNull(c);
          }
        }
        out.add(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private JsonNode text(String relativePath) {
    Path path = new Path(store.current(relativePath));
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return JSON.nullNode();
      }
      try (InputStream in = fs.open(path)) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  static List<String> binLabels() {
    return DecisionDaysHistogram.labels();
  }
}
