package org.justicemonitor.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.JobFailure;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.contract.CourtReference;
import org.justicemonitor.contract.RegionReference;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.Paths;
import org.justicemonitor.io.TableRows;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.TableDeclaration;

/**
 * Every output a run publishes under its root: where each lives, who may see it, and how a later
 * stage reads it. Stages name their outputs here and nowhere else.
 *
 * <p>{@value #PUBLIC} outputs are aggregates under the disclosure rule, safe to publish;
 * {@value #RESTRICTED} ones hold rows or exact counts (the pseudonymized clean tables, the
 * quarantine, the flags and the models trained on the cases) and are for the data team and
 * reviewers with access to the cases. The run manifest records the access of every output.
 */
public final class Catalog {

  /** Aggregates under the disclosure rule: safe to publish. */
  public static final String PUBLIC = "public";
  /** Rows or exact counts: for the data team and for reviewers with access to the cases. */
  public static final String RESTRICTED = "restricted";

  public static final String INGESTED = "ingested";
  public static final String QUARANTINE = "quarantine";
  public static final String REGIONS = INGESTED + "/regions";
  /** The courts' names from the input's optional {@code courts/} file (none: an empty table). */
  public static final String COURTS = INGESTED + "/courts";

  public static final String INDICATORS = TableDeclaration.INDICATORS;

  /** Every indicator table, in the order the stage writes them; each has a {@code .csv} copy (declared in {@link IndicatorTables}). */
  public static final List<String> INDICATOR_TABLES = IndicatorTables.ALL.stream().map(TableDeclaration::path).toList();

  /** The indicator tables' CSV copies described as a Frictionless Data Package. */
  public static final String DATA_PACKAGE = INDICATORS + "/" + org.justicemonitor.tables.DataPackage.NAME;

  public static final String ANOMALIES = "anomalies";
  public static final String FLAGS = ANOMALIES + "/flags";
  public static final String MODELS = ANOMALIES + "/models";
  public static final String MODEL_RECORD = ANOMALIES + "/model-record.json";

  public static final String INGEST_SUMMARY = "summary/ingest.json";
  public static final String INDICATORS_SUMMARY = "summary/indicators.json";
  public static final String EVALUATION_SUMMARY = "summary/evaluation.json";
  public static final String DISCLOSURE_SUMMARY = "summary/disclosure.json";

  /** The report in the language {@code report --lang} chose; the same page in every language beside it. */
  public static final String REPORT_PAGE = "report/index.html";

  /** The report in one language, e.g. {@code report/index.ru.html}. */
  public static String reportPage(String lang) {
    return "report/index." + lang + ".html";
  }

  /** The clean table of an input dataset, e.g. {@code ingested/cases}. */
  public static String ingested(DatasetSpec spec) {
    return INGESTED + "/" + spec.name();
  }

  /** The rejected rows of an input dataset, e.g. {@code quarantine/cases}. */
  public static String quarantine(DatasetSpec spec) {
    return QUARANTINE + "/" + spec.name();
  }

  /** Who may see an output, by its name under the root: {@value #PUBLIC} or {@value #RESTRICTED}. */
  public static String access(String output) {
    boolean restricted = output.equals(INGESTED) || output.startsWith(INGESTED + "/")
        || output.equals(QUARANTINE) || output.startsWith(QUARANTINE + "/")
        || output.startsWith(ANOMALIES + "/");
    return restricted ? RESTRICTED : PUBLIC;
  }

  private final SparkSession spark;
  /** Where an output is read: a run's staged version or the published one. */
  private final Function<String, String> location;

  /** Reads what a run has staged, else what is published, under the run's store. */
  public Catalog(OutputStore store) {
    this(store.spark(), store::current);
  }

  private Catalog(SparkSession spark, Function<String, String> location) {
    this.spark = spark;
    this.location = location;
  }

  /** Reads only what is published under an output root: for commands that write nothing. */
  public static Catalog published(SparkSession spark, String root) {
    return new Catalog(spark, name -> Paths.join(root, name));
  }

  /** A clean table as a later stage reads it, with its schema; fails in plain words when ingest has not run. */
  public Dataset<Row> ingestedTable(DatasetSpec spec) {
    String path = location.apply(ingested(spec));
    if (!InputFiles.exists(spark, path)) {
      throw new JobFailure("no ingested table at " + path + "; run `justice-monitor ingest` with the same --output first");
    }
    return spark.read().schema(spec.storedSchema()).parquet(path);
  }

  /** An optional dataset's clean table (rollouts), empty when nothing of it was ever ingested. */
  public java.util.Optional<Dataset<Row>> optionalIngestedTable(DatasetSpec spec) {
    String path = location.apply(ingested(spec));
    return InputFiles.exists(spark, path)
        ? java.util.Optional.of(spark.read().schema(spec.storedSchema()).parquet(path)) : java.util.Optional.empty();
  }

  /** Rows of every ingested table there is, from the Parquet footers (no Spark job). */
  public long ingestedRows() {
    long rows = 0;
    for (DatasetSpec spec : Contract.INGESTED) {
      String path = location.apply(ingested(spec));
      if (InputFiles.exists(spark, path)) {
        rows += TableRows.parquetRows(spark, path);
      }
    }
    return rows;
  }

  /** A dataset's quarantine (rejected rows, as text), empty when ingest rejected none of it. */
  public Dataset<Row> quarantineTable(DatasetSpec spec) {
    String path = location.apply(quarantine(spec));
    if (InputFiles.exists(spark, path)) {
      return spark.read().parquet(path);
    }
    // No rejected row: the same columns a quarantine has, the reason among them.
    return spark.createDataFrame(java.util.List.of(), spec.rawSchema().add("reason", org.apache.spark.sql.types.DataTypes.StringType));
  }

  /** The region reference the ingest validated against. */
  public Dataset<Row> regions() {
    return spark.read().schema(RegionReference.SCHEMA).parquet(location.apply(REGIONS));
  }

  /** The courts' names the ingest read; no rows when the input had no courts file (or the output predates it). */
  public Dataset<Row> courts() {
    String path = location.apply(COURTS);
    return InputFiles.exists(spark, path) ? spark.read().schema(CourtReference.SCHEMA).parquet(path)
        : spark.createDataFrame(java.util.List.of(), CourtReference.SCHEMA);
  }

  /** A table a stage published, e.g. {@link #REGION_YEAR}; fails in plain words when that stage has not run. */
  public Dataset<Row> table(String name) {
    String path = location.apply(name);
    if (!InputFiles.exists(spark, path)) {
      throw new JobFailure("no table at " + path + "; run `justice-monitor " + producedBy(name)
          + "` with the same --output first");
    }
    return spark.read().parquet(path);
  }

  /** The CSV copy of a table, read with the table's own schema (never inferred). */
  public Dataset<Row> csvCopy(String table) {
    StructType schema = table(table).schema();
    return spark.read().schema(schema).option("header", "true").option("escape", "\"").csv(location.apply(table + ".csv"));
  }

  /** A small text output, such as the report page; empty when there is none. */
  public Optional<String> text(String name) {
    String path = location.apply(name);
    return InputFiles.exists(spark, path) ? Optional.of(InputFiles.readSmallText(spark, path)) : Optional.empty();
  }

  private static String producedBy(String name) {
    String top = name.substring(0, name.indexOf('/'));
    return top.equals(INGESTED) ? "ingest" : top;
  }
}
