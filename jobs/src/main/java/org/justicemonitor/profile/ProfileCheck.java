package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.justicemonitor.JobFailure;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.contract.RegionReference;
import org.justicemonitor.ingest.InputMapping;
import org.justicemonitor.ingest.PseudonymizationKey;
import org.justicemonitor.ingest.Pseudonymizer;
import org.justicemonitor.ingest.RawReader;
import org.justicemonitor.ingest.RowValidator;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.Paths;
import org.justicemonitor.io.TextTable;

/**
 * {@code profile check}: maps and validates a sample of an extract exactly as ingest would, and
 * reports, per contract column, how many rows got a value, how many fail and with which values,
 * so a data team can fix its profile before a full run. Nothing is written. Identifiers are
 * never shown; other failing values are shown masked, as the quarantine keeps them.
 */
public final class ProfileCheck {

  /** How many failing values are listed per column. */
  static final int VALUES_SHOWN = 5;

  /** One contract column's result. */
  public record ColumnResult(String column, String mappedFrom, long withValue, long failing, Map<String, Long> failingValues) {}

  /** The whole check: rows read, rows that would be quarantined, per column, per reason. */
  public record Report(String profile, String dataset, String directory, int files, long rows, long quarantined,
      List<ColumnResult> columns, Map<String, Long> reasons) {

    public String render() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "profile %s, dataset %s: %d rows sampled from %d file%s in %s%n%n", profile, dataset,
          rows, files, files == 1 ? "" : "s", directory));
      TextTable table = new TextTable("column", "mapped from", "with a value", "failing", "failing values (rows)");
      for (ColumnResult c : columns) {
        List<String> shown = new ArrayList<>();
        c.failingValues().forEach((v, n) -> shown.add(v + " (" + n + ")"));
        table.row(c.column(), shorten(c.mappedFrom()), c.withValue(), c.failing(), String.join(", ", shown));
      }
      out.append(table.render());
      out.append(String.format(Locale.ROOT, "%nrows that would be quarantined: %d of %d%s%n", quarantined, rows,
          reasons.isEmpty() ? "" : "; reasons:"));
      reasons.forEach((r, n) -> out.append(String.format(Locale.ROOT, "  %-60s %d%n", r, n)));
      return out.toString();
    }

    /** Long expressions cut for the table; the profile has them whole. */
    private static String shorten(String text) {
      return text.length() <= MAPPED_FROM_WIDTH ? text : text.substring(0, MAPPED_FROM_WIDTH - 1) + "…";
    }
  }

  /** Widest "mapped from" cell of the printed table. */
  static final int MAPPED_FROM_WIDTH = 60;

  private ProfileCheck() {}

  public static Report run(SparkSession spark, MappingProfile profile, String inputRoot, DatasetSpec spec, int sample,
      LocalDate asOf) {
    DatasetMapping mapping = profile.dataset(spec).orElseThrow(() -> new JobFailure(
        "the profile " + profile.name() + " does not map " + spec.name() + "; it maps " + profile.datasets().keySet().stream()
            .map(DatasetSpec::name).sorted().toList()));
    ProfileSource source = new ProfileSource(profile, mapping);
    String dir = Paths.join(inputRoot, mapping.directory());
    List<String> files = InputFiles.list(spark, dir);
    if (files.isEmpty()) {
      throw new JobFailure("no files in " + dir + "; the profile reads " + spec.name() + " from " + mapping.directory() + "/");
    }
    InputMapping input = profile.toInputMapping();
    RegionReference regions = RegionReference.forInput(spark, inputRoot, input.regionsFile());
    RawReader.RawInput raw = new RawReader(spark).read(source.layout(), dir, files);
    Dataset<Row> rows = raw.rows().filter(col(RawReader.BLANK).unary_$bang()).limit(sample).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // A key no one holds: the check shows no identifier, and nothing it computes can be linked.
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Pseudonymizer throwaway = new Pseudonymizer(PseudonymizationKey.of(HexFormat.of().formatHex(secret), "profile check"));
      RowValidator validator = new RowValidator(spec, new TreeSet<>(regions.codes()), asOf, input.earliestDate(), throwaway);
      Dataset<Row> validated = validator.validate(source.toContractText(rows, inputRoot)).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return report(profile, mapping, spec, dir, files.size(), validated);
      } finally {
        validated.unpersist();
      }
    } finally {
      rows.unpersist();
    }
  }

  private static Report report(MappingProfile profile, DatasetMapping mapping, DatasetSpec spec, String dir, int files,
      Dataset<Row> validated) {
    Column reason = col(RowValidator.REASON);
    List<Column> sums = new ArrayList<>();
    List<Column> failingValues = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      Column failing = failing(reason, c.name());
      Column kept = col(RowValidator.QUARANTINE_RECORD).getField(c.name());
      sums.add(sum(when(col(c.name()).isNotNull().or(failing.and(kept.isNotNull())), 1).otherwise(0)).as("value_" + c.name()));
      sums.add(sum(when(failing, 1).otherwise(0)).as("failing_" + c.name()));
      Column shown = c.identifier() ? lit("(identifier, not shown)") : kept;
      failingValues.add(when(failing, struct(lit(c.name()).as("column"), shown.cast("string").as("value"))));
    }
    sums.add(count("*").as("rows"));
    sums.add(count(reason).as("quarantined"));
    Row totals = validated.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)).first();

    Map<String, Map<String, Long>> values = new LinkedHashMap<>();
    Dataset<Row> counted = validated
        .select(explode(array(failingValues.toArray(Column[]::new))).as("f"))
        .filter(col("f").isNotNull())
        .groupBy(col("f.column").as("column"), col("f.value").as("value"))
        .agg(count("*").as("rows"));
    Column rank = row_number().over(Window.partitionBy("column").orderBy(col("rows").desc(), col("value").asc_nulls_first()));
    // At most VALUES_SHOWN rows per contract column reach the driver.
    for (Row r : counted.withColumn("rank", rank).filter(col("rank").leq(VALUES_SHOWN)).orderBy("column", "rank").collectAsList()) {
      values.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.isNullAt(1) ? "(empty)" : r.getString(1), r.getLong(2));
    }

    List<ColumnResult> columns = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      String from = mapping.column(c.name()).map(ColumnMapping::describe).orElse("(not mapped: empty)");
      columns.add(new ColumnResult(c.name(), from, totals.getAs("value_" + c.name()), totals.getAs("failing_" + c.name()),
          values.getOrDefault(c.name(), Map.of())));
    }
    Map<String, Long> reasons = new LinkedHashMap<>();
    Dataset<Row> byReason = validated.filter(reason.isNotNull())
        .select(explode(split(reason, "; ")).as("reason")).groupBy("reason").count()
        .orderBy(col("count").desc(), col("reason"));
    // Reasons are codes with a column name: a few dozen at most.
    for (Row r : byReason.limit(50).collectAsList()) {
      reasons.put(r.getString(0), r.getLong(1));
    }
    return new Report(profile.name(), spec.name(), dir, files, totals.getAs("rows"), totals.getAs("quarantined"), columns, reasons);
  }

  /** Whether a row's reason names the column: {@code code(column)}, in a list, or in a date order. */
  static Column failing(Column reason, String column) {
    return reason.isNotNull().and(reason.rlike("(^|[(,>])" + Pattern.quote(column) + "([),>]|$)"));
  }
}
