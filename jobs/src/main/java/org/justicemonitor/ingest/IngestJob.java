package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.justicemonitor.JobFailure;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.contract.CourtReference;
import org.justicemonitor.contract.RegionReference;
import org.justicemonitor.io.FileFingerprints;
import org.justicemonitor.io.FileFingerprints.FileFingerprint;
import org.justicemonitor.io.DatasetListing;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.TableRows;
import org.justicemonitor.io.Paths;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.spark.Progress;

/**
 * Stage 1: the contract's input files to validated, pseudonymized, partitioned Parquet, every bad
 * row to {@code quarantine/<dataset>} with its reason, file and line.
 *
 * <p>Each dataset is parsed and validated once, into a scratch Parquet table; the counts, the
 * quarantine and the clean table are all read from there, so the text is parsed only once.
 */
public final class IngestJob {

  private static final int MAX_RECORDS_PER_FILE = 5_000_000;
  /** Pseudonymized to tell keys apart in the manifest without revealing them. */
  private static final String KEY_ID_TEXT = "justice-monitor key id";

  private final SparkSession spark;
  private final OutputStore store;
  private final Catalog catalog;
  private final IngestOptions options;
  private final Progress progress;

  public IngestJob(OutputStore store, IngestOptions options, Progress progress) {
    this.spark = store.spark();
    this.store = store;
    this.catalog = new Catalog(store);
    this.options = options;
    this.progress = progress;
  }

  /**
   * Ingests the new input files of every dataset (all of them in a full ingest) and stages the
   * tables for publishing; nothing is staged when a check fails.
   */
  public IngestReport run() {
    long started = System.nanoTime();
    if (!InputFiles.exists(spark, options.inputRoot())) {
      throw new JobFailure("the input directory " + options.inputRoot() + " does not exist; pass --input DIR");
    }
    InputMapping mapping = options.mapping();
    Map<DatasetSpec, DatasetListing> listings = new LinkedHashMap<>();
    List<String> toFingerprint = new ArrayList<>();
    for (DatasetSpec spec : Contract.INGESTED) {
      DatasetListing listing =
          DatasetListing.of(spark, Paths.join(options.inputRoot(), mapping.directory(spec)), options.inputRoot());
      listings.put(spec, listing);
      toFingerprint.addAll(listing.files());
    }
    if (listings.get(Contract.CASES).files().isEmpty()) {
      throw new JobFailure("no case files in " + Paths.join(options.inputRoot(), mapping.directory(Contract.CASES))
          + "; an input root needs at least " + mapping.directory(Contract.CASES) + "/ (see docs/data-dictionary.md)");
    }
    RegionReference regions = RegionReference.forInput(spark, options.inputRoot(), mapping.regionsFile());
    CourtReference courtNames = CourtReference.load(spark, options.inputRoot());
    Pseudonymizer pseudonymizer = new Pseudonymizer(options.key());

    boolean shippedRegions = regions.isShipped();
    if (!shippedRegions) {
      toFingerprint.add(regions.source());
    }
    if (courtNames.source() != null) {
      toFingerprint.add(courtNames.source());
    }
    List<String> lookupFiles = mapping.datasets().values().stream()
        .flatMap(s -> s.lookupFiles(spark, options.inputRoot()).stream()).toList();
    toFingerprint.addAll(lookupFiles);
    Map<String, FileFingerprint> fingerprints =
        progress.result("fingerprints of " + toFingerprint.size() + " files", () -> FileFingerprints.of(spark, toFingerprint));
    Map<String, FileFingerprint> byName = new TreeMap<>();
    listings.forEach((spec, listing) -> listing.files().forEach(f -> byName.put(relative(spec, listing, f), fingerprints.get(f))));
    IngestPlan.Settings settings = new IngestPlan.Settings(
        Pseudonymizer.pseudonym(options.key(), KEY_ID_TEXT),
        shippedRegions ? "shipped" : fingerprints.get(regions.source()).sha256(),
        options.asOf(),
        // Rows mapped through a code table depend on its content as on the profile's.
        mapping.id() + lookupFiles.stream().map(f -> " lookup sha256:" + fingerprints.get(f).sha256())
            .reduce("", String::concat));
    // Seen while hashing: the CSV files that can be read in splits.
    Set<String> oneRecordPerLine = new TreeSet<>();
    fingerprints.forEach((file, fp) -> {
      if (fp.oneRecordPerLine()) {
        oneRecordPerLine.add(file);
      }
    });
    IngestPlan plan = IngestPlan.decide(store.manifest().previous().path("inputs"), byName, settings,
        options.full(), InputFiles.exists(spark, store.published(Catalog.ingested(Contract.CASES))));
    progress.step("plan", (plan.full() ? "full ingest: " : "incremental ingest: ") + plan.reason());

    List<DatasetReport> reports = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (DatasetSpec spec : Contract.INGESTED) {
      DatasetListing listing = listings.get(spec);
      List<String> toRead = listing.files().stream().filter(f -> plan.reads(relative(spec, listing, f))).toList();
      List<DatasetReport.FileAnswer> notRead = new ArrayList<>();
      listing.notRead().forEach(n -> notRead.add(DatasetReport.FileAnswer.notRead(spec.name() + "/" + n.name(), n.refused(), n.why())));
      listing.files().stream().map(f -> relative(spec, listing, f)).filter(f -> !plan.reads(f))
          .forEach(f -> notRead.add(DatasetReport.FileAnswer.notRead(f, false, DatasetReport.FileAnswer.INGESTED_BEFORE)));
      int skipped = listing.files().size() - toRead.size();
      if (!plan.full() && toRead.isEmpty()) {
        reports.add(DatasetReport.unchanged(spec.name(), skipped, sorted(notRead)));
        continue;
      }
      // A dataset first delivered into an output made before it existed (rollouts/, say) starts afresh.
      boolean fresh = plan.full() || !InputFiles.exists(spark, store.published(Catalog.ingested(spec)));
      reports.add(ingest(spec, listing, toRead, skipped, notRead, fresh, regions, pseudonymizer, oneRecordPerLine));
      tables.add(Catalog.ingested(spec));
      tables.add(Catalog.quarantine(spec));
    }
    if (plan.full()) {
      regions.toDataFrame(spark).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(store.staging(Catalog.REGIONS));
      tables.add(Catalog.REGIONS);
      courtNames.toDataFrame(spark).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(store.staging(Catalog.COURTS));
      tables.add(Catalog.COURTS);
    }

    List<String> warnings = new ArrayList<>();
    for (DatasetReport r : reports) {
      if (!r.rowsConserved()) {
        throw new IllegalStateException(
            r.dataset() + ": rows read " + r.rowsRead() + " != written " + r.rowsWritten() + " + quarantined "
                + r.rowsQuarantined() + " + superseded " + r.versionsSuperseded() + "; this is a bug, please report it");
      }
      if (r.files() == 0 && !plan.full()) {
        continue; // nothing delivered: the dataset's tables stay as they were published
      }
      BadShare share = BadShare.of(r, plan.previousFiles());
      if (share.fraction() > options.maxBadFraction()) {
        progress.block(IngestReportWriter.toTable(report(plan, regions, reports, warnings, started)));
        throw new TooManyBadRows(String.format(Locale.ROOT,
            "%s: %d of %d rows (%.1f%%) failed validation%s, more than --max-bad-fraction %.3f allows; nothing"
                + " was published. See the reasons above, fix the extract, or raise --max-bad-fraction",
            r.dataset(), share.quarantined(), share.read(), 100 * share.fraction(),
            plan.full() ? "" : ", counting the rows published before with this delivery's", options.maxBadFraction()));
      }
      share.deliveryWarning(r.dataset(), options.maxBadFraction()).ifPresent(warnings::add);
    }
    warnings.forEach(w -> progress.step("warning", w));
    if (!tables.isEmpty()) {
      store.complete(tables);
      store.manifest().inputs(inputs(plan, settings, reports, byName));
    }
    return report(plan, regions, reports, warnings, started);
  }

  private IngestReport report(
      IngestPlan plan, RegionReference regions, List<DatasetReport> reports, List<String> warnings, long started) {
    return new IngestReport(options.asOf(), regions.source(), options.key().isDemo(), plan.full(), plan.reason(),
        reports, warnings, (System.nanoTime() - started) / 1e9);
  }

  private static List<DatasetReport.FileAnswer> sorted(List<DatasetReport.FileAnswer> answers) {
    return answers.stream().sorted(java.util.Comparator.comparing(DatasetReport.FileAnswer::file)).toList();
  }

  /** The manifest's record of the files the tables now hold: those kept from before, then this run's. */
  private IngestedInputs inputs(
      IngestPlan plan, IngestPlan.Settings settings, List<DatasetReport> reports, Map<String, FileFingerprint> byName) {
    List<IngestedInputs.File> files = new ArrayList<>(plan.previousFiles());
    for (DatasetReport r : reports) {
      Map<String, DatasetReport.FileAnswer> answers = new TreeMap<>();
      r.fileAnswers().forEach(f -> answers.put(f.file(), f));
      byName.forEach((name, fp) -> {
        if (name.startsWith(r.dataset() + "/") && plan.reads(name)) {
          DatasetReport.FileAnswer counted = answers.get(name);
          files.add(new IngestedInputs.File(name, fp.bytes(), fp.sha256(), counted.rowsRead(), counted.rowsQuarantined(),
              store.runId()));
        }
      });
    }
    return settings.inputs(options.inputRoot(), files);
  }

  /** A file's name as the manifest and the quarantine know it: {@code <dataset>/<path under its directory>}. */
  private static String relative(DatasetSpec spec, DatasetListing listing, String file) {
    return spec.name() + "/" + listing.name(file);
  }

  private DatasetReport ingest(DatasetSpec spec, DatasetListing listing, List<String> files, int skipped,
      List<DatasetReport.FileAnswer> notRead, boolean full, RegionReference regions, Pseudonymizer pseudonymizer,
      Set<String> oneRecordPerLine) {
    long started = System.nanoTime();
    Optional<SourceMapping> source = options.mapping().of(spec);
    String dir = Paths.join(options.inputRoot(), options.mapping().directory(spec));
    RawReader.Layout layout = source.map(SourceMapping::layout).orElse(RawReader.Layout.contract(spec));
    RawReader.RawInput raw = new RawReader(spark).read(layout, dir, files, oneRecordPerLine);
    progress.step(spec.name(), String.format("%d files, %s%s", raw.files().size(), Progress.bytes(raw.bytes()),
        source.map(s -> ", mapped by the profile " + s.describe()).orElse("")));

    RowValidator validator = new RowValidator(
        spec, new TreeSet<>(regions.codes()), options.asOf(), options.mapping().earliestDate(), pseudonymizer);
    String scratch = store.scratch(spec.name() + "-validated");
    Dataset<Row> contractText = source.map(s -> s.toContractText(raw.rows(), options.inputRoot())).orElse(raw.rows());
    Dataset<Row> validated = validator.validate(contractText);
    progress.job(spec.name() + ": parse and validate",
        () -> InputException.reading(() -> validated.write().mode(SaveMode.Overwrite).parquet(scratch)));

    // Read back with the schema in hand: an empty table has no file to take it from.
    Dataset<Row> staged = spark.read().schema(validated.schema()).parquet(scratch);
    Dataset<Row> rows = staged.filter(col(RawReader.BLANK).unary_$bang());
    Map<String, long[]> rowsByFile = new TreeMap<>();
    long copiesSuperseded = 0;
    Column copy = when(col(RowValidator.REASON).isNull().and(col(RawReader.SUPERSEDED)), lit(1));
    // One row per input file.
    for (Row r : rows.groupBy(RawReader.SOURCE_FILE).agg(count("*"), count(RowValidator.REASON), count(copy)).collectAsList()) {
      rowsByFile.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
      copiesSuperseded += r.getLong(3);
    }
    List<DatasetReport.FileAnswer> answers = new ArrayList<>(notRead);
    for (String file : files) {
      long[] counted = rowsByFile.getOrDefault(relative(spec, listing, file), new long[2]);
      answers.add(DatasetReport.FileAnswer.read(relative(spec, listing, file), counted[0], counted[1]));
    }
    long read = rowsByFile.values().stream().mapToLong(c -> c[0]).sum();
    long quarantined = rowsByFile.values().stream().mapToLong(c -> c[1]).sum();

    // New rows join the published ones as older than any of them: a later delivery is newer.
    List<Column> kept = DataFrames.columns(spec.columnNames());
    RawReader.LINEAGE_ORDER.forEach(n -> kept.add(col(n)));
    // A copy a profile's deduplication found a newer one of is valid, and superseded.
    Dataset<Row> valid = rows.filter(col(RowValidator.REASON).isNull().and(col(RawReader.SUPERSEDED).unary_$bang()))
        .select(kept.toArray(Column[]::new));
    Dataset<Row> before = full ? null : publishedClean(spec);
    Dataset<Row> candidates = full ? valid : valid.unionByName(before);
    long superseded = copiesSuperseded
        + spec.versionKey().map(key -> CaseVersions.supersededCount(candidates, key)).orElse(0L);
    Dataset<Row> clean = spec.versionKey().map(key -> CaseVersions.newest(candidates, key)).orElse(candidates);
    progress.job(spec.name() + ": write clean table", () -> writeClean(spec, clean));
    progress.job(spec.name() + ": write quarantine", () -> writeQuarantine(spec, rows, staged, full));
    long written = TableRows.parquetRows(spark, store.staging(Catalog.ingested(spec)))
        - (full ? 0 : TableRows.parquetRows(spark, store.published(Catalog.ingested(spec))));

    return new DatasetReport(
        spec.name(),
        raw.files().size(),
        skipped,
        raw.emptyFiles(),
        raw.bytes(),
        read,
        written,
        quarantined,
        superseded,
        quarantinedByReason(rows),
        extraColumns(raw, rows),
        sorted(answers),
        (System.nanoTime() - started) / 1e9);
  }

  /** The published clean rows, with empty lineage so that they rank before any new row. */
  private Dataset<Row> publishedClean(DatasetSpec spec) {
    List<Column> columns = DataFrames.columns(spec.columnNames());
    columns.add(lit(null).cast(DataTypes.StringType).as(RawReader.SOURCE_FILE));
    columns.add(lit(null).cast(DataTypes.LongType).as(RawReader.BLOCK));
    columns.add(lit(null).cast(DataTypes.LongType).as(RawReader.SEQ));
    return catalog.ingestedTable(spec).select(columns.toArray(Column[]::new));
  }

  /**
   * A partitioned table is written one task per partition value, an unpartitioned one as one
   * file; rows in the spec's order, ties broken by where each row was read.
   */
  private void writeClean(DatasetSpec spec, Dataset<Row> clean) {
    List<Column> columns = DataFrames.columns(spec.columnNames());
    List<Column> order = new ArrayList<>();
    spec.sortKeys().forEach(k -> order.add(col(k)));
    RawReader.LINEAGE_ORDER.forEach(k -> order.add(col(k)));
    Dataset<Row> out = spec.partition()
        .map(p -> clean.withColumn(p.column(), p.value()).repartition(col(p.column())))
        .orElseGet(() -> clean.coalesce(1))
        .sortWithinPartitions(order.toArray(Column[]::new));
    spec.partition().ifPresent(p -> columns.add(col(p.column())));
    var writer = out.select(columns.toArray(Column[]::new)).write().mode(SaveMode.ErrorIfExists)
        .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE);
    if (spec.partition().isPresent()) {
      writer = writer.partitionBy(spec.partition().get().column());
    }
    writer.parquet(store.staging(Catalog.ingested(spec)));
  }

  private void writeQuarantine(DatasetSpec spec, Dataset<Row> rows, Dataset<Row> staged, boolean full) {
    Dataset<Row> bad = rows.filter(col(RowValidator.REASON).isNotNull());
    List<Column> columns = new ArrayList<>();
    spec.columnNames().forEach(n -> columns.add(col(RowValidator.QUARANTINE_RECORD + "." + n).as(n)));
    columns.add(col(RowValidator.QUARANTINE_RECORD + "." + RowValidator.RAW_RECORD).as(RowValidator.RAW_RECORD));
    columns.add(col(RowValidator.REASON));
    columns.add(col(RawReader.SOURCE_FILE));
    columns.add(col(LineNumbers.LINE));
    Dataset<Row> quarantine = LineNumbers.attach(bad, staged).select(columns.toArray(Column[]::new));
    if (!full) {
      quarantine = quarantine.unionByName(
          spark.read().schema(quarantine.schema()).parquet(store.published(Catalog.quarantine(spec))));
    }
    DataFrames.sortedInOnePartition(quarantine, RawReader.SOURCE_FILE, LineNumbers.LINE)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(store.staging(Catalog.quarantine(spec)));
  }

  private static TreeMap<String, Long> quarantinedByReason(Dataset<Row> rows) {
    Column codes =
        array_distinct(transform(split(col(RowValidator.REASON), "; "), e -> regexp_extract(e, "^[a-z_]+", 0)));
    TreeMap<String, Long> byReason = new TreeMap<>();
    // One row per reason code: at most as many rows as ReasonCode has values.
    for (Row r : rows.filter(col(RowValidator.REASON).isNotNull())
        .select(explode(codes).as("code"))
        .groupBy("code")
        .count()
        .collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    return byReason;
  }

  private static List<String> extraColumns(RawReader.RawInput raw, Dataset<Row> rows) {
    TreeSet<String> extra = new TreeSet<>(raw.extraCsvColumns());
    // Distinct JSON keys outside the contract; capped so a file with a new key per line stays small.
    for (Row r : rows.select(explode(col(RawReader.EXTRA_KEYS)).as("k")).distinct().limit(100).collectAsList()) {
      extra.add(r.getString(0));
    }
    return List.copyOf(extra);
  }

}
