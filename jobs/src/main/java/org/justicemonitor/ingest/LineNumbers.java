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
 * A CSV record whose quoted fields hold line breaks spans several lines; the records after it
 * are numbered past them, so the number is always that of the record's first line.
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
    String[] position = {RawReader.SOURCE_FILE, RawReader.BLOCK, RawReader.SEQ};
    return rows.join(broadcast(offsets), new String[] {RawReader.SOURCE_FILE, RawReader.BLOCK})
        .join(breaksBefore(rows, allRows), position)
        .withColumn(LINE, line.plus(col(BREAKS_BEFORE)).cast("long"))
        .drop("_first_seq", "_rows", "_split_header_lines", "_rows_before", BREAKS_BEFORE);
  }

  private static final String BREAKS_BEFORE = "_breaks_before";

  /**
   * For each wanted row, the line breaks inside earlier records of its file. Only the few records
   * that span lines take part, beside the wanted rows, so no window runs over a whole dataset.
   */
  private static Dataset<Row> breaksBefore(Dataset<Row> rows, Dataset<Row> allRows) {
    Column[] position = {col(RawReader.SOURCE_FILE), col(RawReader.BLOCK), col(RawReader.SEQ)};
    Dataset<Row> wanted = rows.select(position).withColumn(RawReader.EXTRA_LINES, lit(0)).withColumn("_wanted", lit(0));
    Dataset<Row> spanning = allRows.filter(col(RawReader.EXTRA_LINES).gt(0))
        .select(col(RawReader.SOURCE_FILE), col(RawReader.BLOCK), col(RawReader.SEQ), col(RawReader.EXTRA_LINES))
        .withColumn("_wanted", lit(1));
    // A spanning row that is also wanted sorts after its own wanted copy: its breaks come after its first line.
    WindowSpec earlier = Window.partitionBy(RawReader.SOURCE_FILE)
        .orderBy(col(RawReader.BLOCK), col(RawReader.SEQ), col("_wanted"))
        .rowsBetween(Window.unboundedPreceding(), -1);
    return wanted.unionByName(spanning)
        .withColumn(BREAKS_BEFORE, coalesce(sum(RawReader.EXTRA_LINES).over(earlier), lit(0L)))
        .filter(col("_wanted").equalTo(0))
        .select(col(RawReader.SOURCE_FILE), col(RawReader.BLOCK), col(RawReader.SEQ), col(BREAKS_BEFORE));
  }

  private LineNumbers() {}
}
