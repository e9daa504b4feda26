package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.JobFailure;
import org.justicemonitor.io.CsvLine;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.Paths;

/**
 * A code table a profile joins to the source rows, e.g. the Development Data Lab's
 * {@code keys/type_name_key.csv}, which gives each numeric {@code type_name} of a year its name.
 * After the join, the table's row is a struct named after the lookup: a column mapping reads
 * {@code type_names.type_name_s}. A code the table does not list is {@code unknown_code(<name>)},
 * never a guess; a key listed twice is refused, since it would multiply the rows it meets.
 *
 * @param name how mappings refer to the joined row
 * @param file a CSV with a header, one record per line; beside the profile, or under the input root
 * @param on the table's key columns, each with the source column (or expression) it equals
 */
public record Lookup(String name, String file, Map<String, String> on) {

  /** A code table is read on the driver and sent to every task: it must stay small. */
  static final int MAX_ROWS = 1_000_000;
  static final String MISS_PREFIX = "_lookup_miss_";
  private static final String KEY_PREFIX = "_lookup_key_";

  public Lookup {
    on = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(on));
  }

  /** The file this lookup reads: beside the profile first, then under the input root. */
  String resolve(SparkSession spark, String profileFile, String inputRoot) {
    String beside = MappingProfile.resolve(profileFile, file);
    if (InputFiles.exists(spark, beside)) {
      return beside;
    }
    String underRoot = Paths.join(inputRoot, file);
    if (InputFiles.exists(spark, underRoot)) {
      return underRoot;
    }
    throw new JobFailure("the lookup " + name + " reads " + file + ", which is neither beside the profile (" + beside
        + ") nor under the input root (" + underRoot + ")");
  }

  /**
   * {@code source} with the table's matching row as the struct {@code name} (null when none) and
   * {@value #MISS_PREFIX}{@code name}: whether the row has a code the table does not list.
   */
  Dataset<Row> join(Dataset<Row> source, String resolvedFile) {
    SparkSession spark = source.sparkSession();
    List<String> lines = InputFiles.readSmallText(spark, resolvedFile).lines().toList();
    if (lines.isEmpty()) {
      throw new JobFailure(InputFiles.shown(resolvedFile) + " is empty; the lookup " + name + " needs a header and rows");
    }
    List<String> header = CsvLine.split(lines.get(0)).stream().map(String::strip).toList();
    List<Integer> keyIndex = new ArrayList<>();
    for (String key : on.keySet()) {
      if (!header.contains(key)) {
        throw new JobFailure(InputFiles.shown(resolvedFile) + " has no column " + key + "; the lookup " + name + " joins on "
            + on.keySet() + " and the file's header has " + header.size() + " columns");
      }
      keyIndex.add(header.indexOf(key));
    }
    List<Row> rows = new ArrayList<>();
    Map<List<String>, Integer> seen = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> fields = CsvLine.split(lines.get(i)).stream().map(String::strip).toList();
      int lineNumber = i + 1;
      if (fields.size() != header.size()) {
        throw new JobFailure(InputFiles.shown(resolvedFile) + " line " + lineNumber + " has " + fields.size()
            + " fields and its header " + header.size());
      }
      List<String> key = keyIndex.stream().map(fields::get).toList();
      Integer before = seen.put(key, lineNumber);
      if (before != null) {
        throw new JobFailure(InputFiles.shown(resolvedFile) + " line " + lineNumber + " repeats the key " + on.keySet()
            + " of line " + before + ": a lookup gives each code one row");
      }
      if (rows.size() >= MAX_ROWS) {
        throw new JobFailure(InputFiles.shown(resolvedFile) + " has more than " + MAX_ROWS + " rows: a lookup is a code table,"
            + " read on the driver; join bigger tables before the extract is delivered");
      }
      rows.add(RowFactory.create(fields.toArray()));
    }
    StructType schema = new StructType();
    for (String column : header) {
      schema = schema.add(column, DataTypes.StringType);
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    List<Column> keyed = new ArrayList<>();
    keyed.add(struct(header.stream().map(h -> col("`" + h + "`")).toArray(Column[]::new)).as(name));
    Column matches = lit(true);
    Column sourceHasKey = lit(true);
    int k = 0;
    for (Map.Entry<String, String> e : on.entrySet()) {
      String alias = KEY_PREFIX + name + "_" + k++;
      keyed.add(col("`" + e.getKey() + "`").as(alias));
      Column sourceKey = trim(expr(e.getValue()).cast("string"));
      matches = matches.and(sourceKey.equalTo(col(alias)));
      sourceHasKey = sourceHasKey.and(sourceKey.isNotNull()).and(sourceKey.notEqual(""));
    }
    Dataset<Row> joined = source.join(broadcast(table.select(keyed.toArray(Column[]::new))), matches, "left");
    for (int i = 0; i < on.size(); i++) {
      joined = joined.drop(KEY_PREFIX + name + "_" + i);
    }
    return joined.withColumn(MISS_PREFIX + name, sourceHasKey.and(col(name).isNull()));
  }
}
