package org.justicemonitor.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class DataFramesTest {

  private static Dataset<Row> table() {
    StructType schema = new StructType().add("a", DataTypes.LongType).add("b", DataTypes.LongType).add("c", DataTypes.LongType);
    return SharedSpark.spark().createDataFrame(List.of(RowFactory.create(1L, 4L, 7L), RowFactory.create(2L, 0L, 9L)), schema);
  }

  @Test
  void columnsSetAtOnceKeepTheirPlacesAndNewOnesFollowInTheMapsOrder() {
    LinkedHashMap<String, Column> set = new LinkedHashMap<>();
    // Enough new columns that an unordered map would shuffle them.
    for (String name : List.of("z", "y", "x", "w", "v", "u")) {
      set.put(name, lit(name));
    }
    set.put("b", col("b").multiply(10));
    Dataset<Row> out = DataFrames.withColumns(table(), set);
    assertEquals(List.of("a", "b", "c", "z", "y", "x", "w", "v", "u"), List.of(out.columns()));
    assertEquals(List.of(40L, 0L), out.orderBy("a").select("b").as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
  }

  @Test
  void everyExpressionReadsTheTableAsItWasNotAnotherEntry() {
    LinkedHashMap<String, Column> set = new LinkedHashMap<>();
    set.put("a", col("a").plus(100));
    // Reads the old a (1 and 2), not the 101 and 102 set beside it.
    set.put("a_twice", col("a").multiply(2));
    set.put("share", DataFrames.ratio(col("a"), col("b")));
    List<Row> rows = DataFrames.withColumns(table(), set).orderBy("a").select("a", "a_twice", "share").collectAsList();
    assertEquals(RowFactory.create(101L, 2L, 0.25), rows.get(0));
    // A ratio over a zero base is null, not infinite.
    assertEquals(RowFactory.create(102L, 4L, null), rows.get(1));
  }
}
