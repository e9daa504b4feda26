package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.JobFailure;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.contract.Region;
import org.justicemonitor.io.Paths;
import org.justicemonitor.spark.CodeGeneration;
import org.justicemonitor.spark.Progress;

/**
 * Writes a contract-conformant input root: cases (with older versions of some cases in files
 * that sort first), service events, security incidents, the regions file, and the labels of
 * what was injected ({@code labels/anomalies.csv}, {@code labels/bad_rows.csv},
 * {@code labels/row_counts.csv}).
 */
public final class GenerateJob {

  private final SparkSession spark;
  private final GeneratorOptions options;
  private final String root;
  private final Progress progress;
  private final FileSystem fs;

  public GenerateJob(SparkSession spark, GeneratorOptions options, String root, Progress progress) {
    this.spark = spark;
    this.options = options;
    this.root = root.replaceAll("/+$", "");
    this.progress = progress;
    try {
      this.fs = new Path(this.root).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Row counts of what was written, for the summary and the labels. */
  public record Counts(String dataset, long rows, long bad, long superseded) {}

  public List<Counts> run() {
    refuseToOverwrite();
    Scenario scenario = Scenario.of(options);
    CaseTable caseTable = new CaseTable(scenario);
    boolean json = options.format().equals("jsonl");

    Dataset<Row> cases =
        materialize("cases", BadRows.inject(asText(caseTable.build(spark, files(options.cases()))),
            BadRows.caseDefects(options.seed(), options.asOf()), options.badFraction(),
            new Draws(options.seed() ^ 0xBADL, col("generator_row")), json));
    Draws dup = new Draws(options.seed() ^ 0xD00L, col("generator_row"));
    Dataset<Row> olderVersions =
        cases.filter(col(BadRows.LABEL).isNull().and(col("decided_at").isNotNull()).and(dup.chance(1, options.duplicateFraction())))
            .withColumn("decided_at", lit(null).cast("string"))
            .withColumn("outcome", lit(null).cast("string"))
            .withColumn("appealed", lit(null).cast("string"))
            .withColumn("published_at", lit(null).cast("string"));
    progress.job("cases: older versions", () ->
        write(olderVersions, Contract.CASES, "cases-0", options.cases(), Math.max(1, files(options.cases()) / 10)));
    progress.job("cases: files", () -> write(cases, Contract.CASES, "cases-1", options.cases(), files(options.cases())));
    long superseded = olderVersions.count();
    Dataset<Row> badRows = labelsOf(cases, Contract.CASES);

    if (options.events() > 0) {
      Dataset<Row> events =
          materialize("service_events", BadRows.inject(asText(new EventTable(scenario).build(spark, files(options.events()))),
              BadRows.eventDefects(options.seed()), options.badFraction(),
              new Draws(options.seed() ^ 0xBAD2L, col("generator_row")), json));
      progress.job("service_events: files", () -> write(events, Contract.SERVICE_EVENTS, "service-events", options.events(), files(options.events())));
      badRows = badRows.unionByName(labelsOf(events, Contract.SERVICE_EVENTS));
    }

    Dataset<Row> incidents =
        materialize("security_incidents", BadRows.inject(asText(new IncidentTable(scenario).build(spark)),
            BadRows.incidentDefects(), options.badFraction(), new Draws(options.seed() ^ 0xBAD3L, col("generator_row")), false));
    progress.job("security_incidents: files", () -> write(incidents, Contract.SECURITY_INCIDENTS, "security-incidents", IncidentTable.count(options), 1));
    badRows = badRows.unionByName(labelsOf(incidents, Contract.SECURITY_INCIDENTS));

    writeRegions(scenario.regions);
    writeCourts(scenario.courtNames());
    writeRollouts(scenario);
    writeAnomalyLabels(scenario);
    Dataset<Row> allBadRows = badRows;
    progress.job("labels", () -> writeBadRowLabels(allBadRows));
    Map<String, Long> bad = badRowCounts();
    List<Counts> counts = List.of(
        new Counts("cases", options.cases() + superseded, bad.getOrDefault("cases", 0L), superseded),
        new Counts("service_events", options.events(), bad.getOrDefault("service_events", 0L), 0),
        new Counts("security_incidents", IncidentTable.count(options), bad.getOrDefault("security_incidents", 0L), 0));
    writeCountLabels(counts);
    removeChecksumFiles();
    return counts;
  }

  private void refuseToOverwrite() {
    try {
      Path path = new Path(root);
      if (fs.exists(path) && fs.listStatus(path).length > 0) {
        throw new JobFailure(root + " is not empty; generate writes a new input root: choose another --output or remove it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Computes a generated table once into scratch Parquet and reads it back. The table's
   * expressions are large; planning a filter over them directly makes Catalyst inline them many
   * times over, and each use would compute the rows again.
   */
  private Dataset<Row> materialize(String name, Dataset<Row> generated) {
    String path = Paths.join(root, "_tmp", "generated-" + name);
    // One fused method for all of a table's expressions outgrows what Janino compiles; compiled
    // projections without whole-stage fusion are as fast here and compile reliably.
    String wholeStage = spark.conf().get(CodeGeneration.WHOLE_STAGE);
    spark.conf().set(CodeGeneration.WHOLE_STAGE, "false");
    try {
      progress.job(name + ": generate", () -> generated.write().mode(SaveMode.ErrorIfExists).parquet(path));
    } finally {
      spark.conf().set(CodeGeneration.WHOLE_STAGE, wholeStage);
    }
    return spark.read().parquet(path);
  }

  private int files(long rows) {
    return (int) Math.max(1, (rows + options.rowsPerFile() - 1) / options.rowsPerFile());
  }

  /** Every column as the text a file holds; {@code generator_row} stays a number for labels. */
  private static Dataset<Row> asText(Dataset<Row> typed) {
    List<Column> out = new ArrayList<>();
    for (var f : typed.schema().fields()) {
      if (f.name().equals("generator_row")) {
        out.add(col(f.name()));
      } else if (f.dataType().typeName().equals("date")) {
        out.add(CaseTable.iso(col(f.name())).as(f.name()));
      } else {
        out.add(col(f.name()).cast("string").as(f.name()));
      }
    }
    return typed.select(out.toArray(Column[]::new));
  }

  /**
   * Writes rows into {@code files} files by ranges of {@code generator_row}, in row order: the
   * same files whatever the partitioning, named {@code <prefix>-00000<ext>} in the dataset's
   * directory.
   */
  private void write(Dataset<Row> rows, DatasetSpec spec, String prefix, long totalRows, int files) {
    String tmp = Paths.join(root, "_tmp", prefix);
    Column fileNo = floor(col("generator_row").multiply((double) files / totalRows)).cast("int").as("file_no");
    Column[] contractColumns = spec.columnNames().stream().map(n -> col(n)).toArray(Column[]::new);
    Dataset<Row> ordered =
        rows.withColumn("file_no", fileNo).repartition(files, col("file_no")).sortWithinPartitions("file_no", "generator_row");
    if (options.format().equals("csv")) {
      Column[] out = java.util.stream.Stream.concat(java.util.Arrays.stream(contractColumns), java.util.stream.Stream.of(col("file_no")))
          .toArray(Column[]::new);
      ordered.select(out)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .partitionBy("file_no")
          .option("header", "true")
          .option("escape", "\"")
          .option("compression", options.gzip() ? "gzip" : "none")
          .csv(tmp);
    } else {
      Column line = to_json(struct(contractColumns));
      Column malformed = col(BadRows.LABEL).equalTo(Defect.MALFORMED);
      ordered.select(
              when(malformed, substring(line, lit(1), length(line).divide(2).cast("int"))).otherwise(line).as("value"),
              col("file_no"))
          .write()
          .mode(SaveMode.ErrorIfExists)
          .partitionBy("file_no")
          .option("compression", options.gzip() ? "gzip" : "none")
          .text(tmp);
    }
    moveParts(tmp, Paths.join(root, spec.name()), prefix);
  }

  /** {@code file_no=K/part-*} becomes {@code <prefix>-0000K<ext>}. */
  private void moveParts(String tmp, String dir, String prefix) {
    try {
      fs.mkdirs(new Path(dir));
      for (FileStatus partition : fs.listStatus(new Path(tmp), p -> p.getName().startsWith("file_no="))) {
        int fileNo = Integer.parseInt(partition.getPath().getName().substring("file_no=".length()));
        FileStatus[] parts = fs.listStatus(partition.getPath(), p -> p.getName().startsWith("part-"));
        if (parts.length != 1) {
          throw new IOException("expected one part file in " + partition.getPath() + ", found " + parts.length);
        }
        Path target = new Path(dir, String.format("%s-%05d%s", prefix, fileNo, options.extension()));
        if (!fs.rename(parts[0].getPath(), target)) {
          throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
        }
      }
      fs.delete(new Path(tmp), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bad rows per dataset, read back from the labels file (a small file: one row per bad row). */
  private Map<String, Long> badRowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    StructType schema = new StructType().add("dataset", "string").add("generator_row", "long").add("reason", "string");
    // One row per dataset: three at most.
    for (Row r : spark.read().option("header", "true").schema(schema).csv(Paths.join(root, "labels", "bad_rows.csv"))
        .groupBy("dataset").count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private void writeRegions(List<Region> regions) {
    StringBuilder sb = new StringBuilder("region_code,name_en,name_ru,name_kk,group,population,internet_users_share,internet_users_share_note\n");
    for (Region r : regions) {
      sb.append(String.join(",", r.code(), r.nameEn(), r.nameRu(), r.nameKk(), r.group(), Long.toString(r.population()),
          Double.toString(r.internetUsersShare()), "illustrative")).append('\n');
    }
    writeText("regions/regions.csv", sb.toString());
  }

  /** {@code courts/courts.csv}: the courts' names, as a court registry would give them. */
  private void writeCourts(List<org.justicemonitor.contract.CourtReference.Court> courts) {
    StringBuilder sb = new StringBuilder("court_id,name_en,name_ru,name_kk\n");
    for (org.justicemonitor.contract.CourtReference.Court c : courts) {
      sb.append(String.join(",", c.id(), c.nameEn(), c.nameRu(), c.nameKk())).append('\n');
    }
    writeText("courts/courts.csv", sb.toString());
  }

  /** {@code rollouts/rollouts.csv}, and the effect injected with it in {@code labels/digital_impact.csv}. */
  private void writeRollouts(Scenario scenario) {
    if (scenario.rollouts().isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("program,court_id,region_code,started_on\n");
    scenario.rollouts().forEach((court, on) ->
        sb.append(Scenario.PROGRAM).append(',').append(court).append(",,").append(on).append('\n'));
    writeText("rollouts/rollouts.csv", sb.toString());
    writeText("labels/digital_impact.csv", "program,outcome,true_relative_effect\n" + Scenario.PROGRAM + ",days_to_decision,"
        + options.rolloutEffect() + "\n");
  }

  private static Dataset<Row> labelsOf(Dataset<Row> rows, DatasetSpec spec) {
    return rows.filter(col(BadRows.LABEL).isNotNull())
        .select(lit(spec.name()).as("dataset"), col("generator_row"), col(BadRows.LABEL).as("reason"));
  }

  private void writeBadRowLabels(Dataset<Row> badRows) {
    String tmp = Paths.join(root, "_tmp", "bad-rows");
    badRows.coalesce(1).sortWithinPartitions("dataset", "generator_row")
        .write().mode(SaveMode.ErrorIfExists).option("header", "true").csv(tmp);
    try {
      FileStatus[] parts = fs.listStatus(new Path(tmp), p -> p.getName().startsWith("part-"));
      if (!fs.rename(parts[0].getPath(), new Path(Paths.join(root, "labels", "bad_rows.csv")))) {
        throw new IOException("cannot move the bad-row labels into " + root + "/labels");
      }
      fs.delete(new Path(Paths.join(root, "_tmp")), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeAnomalyLabels(Scenario scenario) {
    StringBuilder anomalies = new StringBuilder("entity_type,entity_id,period,signal,kind\n");
    for (Anomaly a : scenario.anomalies) {
      anomalies.append(String.join(",", a.entityType(), a.entityId(), a.period().toString(), a.signal(), a.kind())).append('\n');
      if (a.kind().equals(Anomaly.STALLED_COURT)) {
        anomalies.append(String.join(",", a.entityType(), a.entityId(), a.period().plusMonths(1).toString(), a.signal(), a.kind()))
            .append('\n');
      }
    }
    writeText("labels/anomalies.csv", anomalies.toString());
  }

  private void writeCountLabels(List<Counts> counts) {
    StringBuilder rowCounts = new StringBuilder("dataset,rows_in_files,rows_bad,versions_superseded,rows_clean\n");
    for (Counts c : counts) {
      rowCounts.append(String.join(",", c.dataset(), Long.toString(c.rows()), Long.toString(c.bad()),
          Long.toString(c.superseded()), Long.toString(c.rows() - c.bad() - c.superseded()))).append('\n');
    }
    writeText("labels/row_counts.csv", rowCounts.toString());
  }

  /** Hadoop's local file system leaves a {@code .crc} beside each file; an input root needs none. */
  private void removeChecksumFiles() {
    try {
      // A checksummed file system hides its .crc files from listings: ask the raw one beneath.
      FileSystem raw = fs instanceof org.apache.hadoop.fs.ChecksumFileSystem c ? c.getRawFileSystem() : fs;
      var files = raw.listFiles(new Path(root), true);
      List<Path> checksums = new ArrayList<>();
      while (files.hasNext()) {
        Path p = files.next().getPath();
        if (p.getName().endsWith(".crc")) {
          checksums.add(p);
        }
      }
      for (Path p : checksums) {
        raw.delete(p, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeText(String relative, String content) {
    try (FSDataOutputStream out = fs.create(new Path(Paths.join(root, relative)), false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
