package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Turns the reader's (file, split, position) into a 1-based line number. Each split's rows have
 * consecutive positions; the lines before a split are the rows of the file's earlier splits.
 * For CSV the number is that of the record's first line when no earlier field spans lines.
 */
public final class LineNumbers {

  public static final String LINE = "line";

  /**
   * @param rows the rows that need a line number
   * @param allRows every row read from the same files (blank lines included), for the offsets
   */
  public static Dataset<Row> attach(Dataset<Row> rows, Dataset<Row> allRows) {
    Dataset<Row> splits =
        allRows
            .groupBy(RawReader.SOURCE_FILE, RawReader.BLOCK)
            .agg(
                min(RawReader.SEQ).as("_first_seq"),
                max(RawReader.SEQ).minus(min(RawReader.SEQ)).plus(1).as("_rows"),
                first(RawReader.HEADER_LINES).as("_split_header_lines"));
    WindowSpec earlierSplits =
        Window.partitionBy(RawReader.SOURCE_FILE)
            .orderBy(RawReader.BLOCK)
            .rowsBetween(Window.unboundedPreceding(), -1);
    Dataset<Row> offsets =
        splits.withColumn("_rows_before", coalesce(sum("_rows").over(earlierSplits), lit(0L)));
    Column line =
        col("_split_header_lines")
            .plus(col("_rows_before"))
            .plus(col(RawReader.SEQ).minus(col("_first_seq")))
            .plus(1);
    return rows.join(broadcast(offsets), new String[] {RawReader.SOURCE_FILE, RawReader.BLOCK})
        .withColumn(LINE, line.cast("long"))
        .drop("_first_seq", "_rows", "_split_header_lines", "_rows_before");
  }

  private LineNumbers() {}
}
