package org.justicemonitor.spark;


import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;

/** Small DataFrame helpers every stage uses: ratios, join keys, columns by name, columns set in one projection, publishable rounding, one sorted partition. */
public final class DataFrames {

  /** Decimals kept of a published double: enough for any share or day count, stable from run to run. */
  static final int PUBLISHED_DECIMALS = 6;

  private DataFrames() {}

  /** a / b as a double, null when b is 0. */
  public static Column ratio(Column a, Column b) {
    return when(b.notEqual(0), a.cast("double").divide(b));
  }

  /** Column names as the Scala sequence {@code Dataset.join} takes. */
  public static scala.collection.immutable.Seq<String> joinKeys(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toSeq();
  }

  /** The named columns, in order. */
  public static List<Column> columns(List<String> names) {
    List<Column> columns = new ArrayList<>();
    names.forEach(n -> columns.add(col(n)));
    return columns;
  }

  /**
   * The table with the given columns set at once, as calls of {@code withColumn} in the map's
   * order would: an existing column keeps its place, a new one comes after the others. One
   * projection, analysed once: each {@code withColumn} analyses the whole plan again, seconds on
   * a plan of a hundred columns. Every expression reads the table as it was, not another entry.
   * ({@code Dataset.withColumns} of a Java map loses the map's order.)
   */
  public static Dataset<Row> withColumns(Dataset<Row> table, LinkedHashMap<String, Column> columns) {
    List<String> existing = Arrays.asList(table.columns());
    List<Column> out = new ArrayList<>();
    for (String c : existing) {
      out.add(columns.containsKey(c) ? columns.get(c).as(c) : col(c));
    }
    columns.forEach((name, column) -> {
      if (!existing.contains(name)) {
        out.add(column.as(name));
      }
    });
    return table.select(out.toArray(Column[]::new));
  }

  /**
   * The named columns, in order, with doubles rounded to {@value #PUBLISHED_DECIMALS} decimals,
   * so a rerun writes the same CSV bytes; and the true counts that disclosure control keeps
   * until complementary suppression has used them ({@link Disclosure#TRUE_VALUE}, never written).
   */
  public static Dataset<Row> publishable(Dataset<Row> table, List<String> columns) {
    List<Column> out = new ArrayList<>();
    for (String c : columns) {
      boolean isDouble = table.schema().apply(c).dataType().typeName().equals("double");
      out.add(isDouble ? round(col(c), PUBLISHED_DECIMALS).as(c) : col(c));
    }
    for (String c : table.columns()) {
      if (c.startsWith(Disclosure.TRUE_VALUE)) {
        out.add(col(c));
      }
    }
    return table.select(out.toArray(Column[]::new));
  }

  /**
   * Rows bound for one file, in one partition, sorted: their whole order without the job a global
   * sort runs to sample its range bounds. Hashed on a constant, not round-robin, which would first
   * sort every row to make the split repeatable.
   */
  public static Dataset<Row> sortedInOnePartition(Dataset<Row> rows, String... order) {
    return rows.repartition(1, lit(0)).sortWithinPartitions(columns(List.of(order)).toArray(Column[]::new));
  }
}
