package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;

/** How many rows a written output holds, from its Parquet footers: for the run manifest and the ingest's counts. */
public final class TableRows {

  private TableRows() {}

  /** Rows of the Parquet table at {@code path}; -1 for anything else (a file, a saved model). */
  static long count(SparkSession spark, FileSystem fs, String path) {
    try {
      Path p = fs.makeQualified(new Path(path));
      boolean table = fs.getFileStatus(p).isDirectory() && fs.exists(new Path(p, OutputStore.SUCCESS))
          && !fs.exists(new Path(p, "metadata")); // a saved ML model also has _SUCCESS files inside
      if (!table) {
        return -1;
      }
      return parquetRows(spark, fs, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the rows of " + path + ": " + e.getMessage(), e);
    }
  }

  /** Rows of the Parquet files under {@code path} as Spark reads them, from their footers (no Spark job). */
  public static long parquetRows(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return parquetRows(spark, fs, fs.makeQualified(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the rows of " + path + ": " + e.getMessage(), e);
    }
  }

  // From the footers of its data files: a Spark job per table would cost more than the count.
  private static long parquetRows(SparkSession spark, FileSystem fs, Path table) throws IOException {
    long rows = 0;
    var files = fs.listFiles(table, true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      if (file.getPath().getName().endsWith(".parquet") && !hidden(table, file.getPath())) {
        try (ParquetFileReader reader = ParquetFileReader.open(
            HadoopInputFile.fromStatus(file, spark.sparkContext().hadoopConfiguration()))) {
          rows += reader.getRecordCount();
        }
      }
    }
    return rows;
  }

  /** A file Spark does not read as part of the table: under a folder or with a name starting with _ or . */
  private static boolean hidden(Path table, Path file) {
    for (Path p = file; p != null && !p.equals(table); p = p.getParent()) {
      if (p.getName().startsWith("_") || p.getName().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
