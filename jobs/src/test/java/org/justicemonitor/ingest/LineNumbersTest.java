package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class LineNumbersTest {

  private static final StructType SCHEMA =
      new StructType()
          .add(RawReader.SOURCE_FILE, DataTypes.StringType)
          .add(RawReader.BLOCK, DataTypes.LongType)
          .add(RawReader.SEQ, DataTypes.LongType)
          .add(RawReader.HEADER_LINES, DataTypes.IntegerType)
          .add(RawReader.EXTRA_LINES, DataTypes.IntegerType)
          .add("tag", DataTypes.StringType);

  @Test
  void linesCountAcrossSplitsOfOneFile() {
    List<Row> rows = new ArrayList<>();
    // a.jsonl read in two splits: the split at byte 0 has 3 lines (positions 100..102), the split
    // at byte 4096 has 2 (positions 7..8, in another partition). b.csv: a header and 4 records,
    // the first spanning 2 lines and the third 3 (line breaks inside quoted fields).
    rows.add(RowFactory.create("a.jsonl", 0L, 100L, 0, 0, "a1"));
    rows.add(RowFactory.create("a.jsonl", 0L, 101L, 0, 0, "a2"));
    rows.add(RowFactory.create("a.jsonl", 0L, 102L, 0, 0, "a3"));
    rows.add(RowFactory.create("a.jsonl", 4096L, 7L, 0, 0, "a4"));
    rows.add(RowFactory.create("a.jsonl", 4096L, 8L, 0, 0, "a5"));
    rows.add(RowFactory.create("b.csv", 0L, 50L, 1, 1, "b1"));
    rows.add(RowFactory.create("b.csv", 0L, 51L, 1, 0, "b2"));
    rows.add(RowFactory.create("b.csv", 0L, 52L, 1, 2, "b3"));
    rows.add(RowFactory.create("b.csv", 0L, 53L, 1, 0, "b4"));
    Dataset<Row> all = SharedSpark.spark().createDataFrame(rows, SCHEMA);

    List<Row> numbered =
        LineNumbers.attach(all.filter(col("tag").isin("a2", "a4", "a5", "b1", "b2", "b3", "b4")), all)
            .orderBy("tag")
            .select("tag", LineNumbers.LINE)
            .collectAsList();
    // b1 on lines 2-3, b2 on 4, b3 on 5-7, b4 on 8.
    assertEquals("[[a2,2], [a4,4], [a5,5], [b1,2], [b2,4], [b3,5], [b4,8]]", numbered.toString());
  }
}
