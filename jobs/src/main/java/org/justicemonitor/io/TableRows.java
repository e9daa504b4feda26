package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;

/** How many rows a written output holds, for the run manifest. */
final class TableRows {

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
      // From the footers of its data files: a Spark job per table would cost more than the count.
      long rows = 0;
      var files = fs.listFiles(p, true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        if (file.getPath().getName().endsWith(".parquet") && !hidden(p, file.getPath())) {
          try (ParquetFileReader reader = ParquetFileReader.open(
              HadoopInputFile.fromStatus(file, spark.sparkContext().hadoopConfiguration()))) {
            rows += reader.getRecordCount();
          }
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the rows of " + path + ": " + e.getMessage(), e);
    }
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
