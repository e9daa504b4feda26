package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** How many rows a written output holds, for the run manifest. */
final class TableRows {

  private TableRows() {}

  /** Rows of the Parquet table at {@code path}; -1 for anything else (a file, a saved model). */
  static long count(SparkSession spark, FileSystem fs, String path) {
    try {
      Path p = new Path(path);
      boolean table = fs.getFileStatus(p).isDirectory() && fs.exists(new Path(p, OutputStore.SUCCESS))
          && !fs.exists(new Path(p, "metadata")); // a saved ML model also has _SUCCESS files inside
      if (!table) {
        return -1;
      }
      // An empty table (a dataset the input root lacks) has no data file to read a schema from.
      return hasDataFile(fs, p) ? spark.read().parquet(path).count() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the rows of " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasDataFile(FileSystem fs, Path table) throws IOException {
    var files = fs.listFiles(table, true);
    while (files.hasNext()) {
      if (files.next().getPath().getName().endsWith(".parquet")) {
        return true;
      }
    }
    return false;
  }
}
