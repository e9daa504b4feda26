package org.justicemonitor.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.TableDeclaration;

/**
 * Writes a small analyst-facing table into a run's staging area: Parquet in {@code <table>/} and
 * a CSV copy in {@code <table>.csv}, both sorted by the table's key, so a rerun on the same
 * input writes the same bytes.
 */
public final class TableWriter {

  private final OutputStore store;
  /** The schema of every table written, by name: what the data package describes. */
  private final Map<String, StructType> schemas = new java.util.concurrent.ConcurrentHashMap<>();

  public TableWriter(OutputStore store) {
    this.store = store;
  }

  /**
   * Computes the table once into staged Parquet, copies that to CSV, and returns the staged
   * table read back, so later steps reuse it instead of computing it again. Publish
   * {@link #names} of the table.
   */
  public Dataset<Row> writeWithCsv(String table, Dataset<Row> rows, List<String> sortBy) {
    DataFrames.sortedInOnePartition(rows, sortBy.toArray(String[]::new)).write().mode(SaveMode.ErrorIfExists)
        .parquet(store.staging(table));
    Dataset<Row> written = store.spark().read().schema(rows.schema()).parquet(store.staging(table));
    schemas.put(table, rows.schema());
    String scratch = store.scratch(table.replace('/', '-') + "-csv");
    written.write().mode(SaveMode.ErrorIfExists).option("header", "true").option("escape", "\"").csv(scratch);
    moveSingleFile(scratch, store.staging(table + ".csv"));
    return written;
  }

  /**
   * Writes a declared table: its declared columns in their order (a column the computation did
   * not make fails here, not in an analyst's notebook), sorted by its declared order.
   */
  public Dataset<Row> write(TableDeclaration declaration, Dataset<Row> rows) {
    Column[] columns = declaration.columns().stream().map(c -> col(c)).toArray(Column[]::new);
    return writeWithCsv(declaration.path(), rows.select(columns), declaration.sortBy());
  }

  /** The schemas of the tables written so far, by name. */
  public Map<String, StructType> schemas() {
    return Map.copyOf(schemas);
  }

  /** What to publish for a table written by {@link #writeWithCsv}: the table and its CSV copy. */
  public static List<String> names(String table) {
    return List.of(table, table + ".csv");
  }

  private void moveSingleFile(String dir, String target) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(store.spark().sparkContext().hadoopConfiguration());
      FileStatus[] parts = fs.listStatus(path, p -> p.getName().startsWith("part-"));
      if (parts.length != 1) {
        throw new IOException("expected one CSV part in " + dir + ", found " + parts.length);
      }
      fs.mkdirs(new Path(target).getParent());
      if (!fs.rename(parts[0].getPath(), new Path(target))) {
        throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
