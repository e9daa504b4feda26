package org.justicemonitor.measures;

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
class PercentilesTest {

  private static Dataset<Row> values(Object[][] rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    StructType schema = new StructType().add("g", DataTypes.StringType).add("days", DataTypes.IntegerType);
    return SharedSpark.spark().createDataFrame(list, schema);
  }

  private static final List<Percentiles.Output> MEDIAN_P90 =
      List.of(new Percentiles.Output("median", 0.5), new Percentiles.Output("p90", 0.9));

  @Test
  void evenAndOddCountsAndTies() {
    Dataset<Row> rows = values(new Object[][] {
      {"even", 4}, {"even", 1}, {"even", 3}, {"even", 2},  // 1 2 3 4: median (2+3)/2 = 2.5; p90 at rank 2.7: 3 + 0.7 = 3.7
      {"odd", 5}, {"odd", 1}, {"odd", 3},                  // 1 3 5: median 3; p90 at rank 1.8: 3 + 0.8 * 2 = 4.6
      {"ties", 2}, {"ties", 2}, {"ties", 2}, {"ties", 10}, // 2 2 2 10: median 2; p90 at rank 2.7: 2 + 0.7 * 8 = 7.6
      {"one", 7},                                          // 7
      {"nulls", null}, {"nulls", 9}                        // the null is left out: 9
    });
    List<Row> out = Percentiles.exact(rows, List.of("g"), col("days"), MEDIAN_P90).orderBy("g").collectAsList();
    assertEquals("[even,4,2.5,3.7]", round(out.get(0)));
    assertEquals("[nulls,1,9.0,9.0]", round(out.get(1)));
    assertEquals("[odd,3,3.0,4.6]", round(out.get(2)));
    assertEquals("[one,1,7.0,7.0]", round(out.get(3)));
    assertEquals("[ties,4,2.0,7.6]", round(out.get(4)));
  }

  @Test
  void agreesWithSparksPercentile() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(new Object[] {"g" + (i % 3), (i * 37) % 101});
    }
    Dataset<Row> df = values(rows.toArray(Object[][]::new));
    List<Row> ours = Percentiles.exact(df, List.of("g"), col("days"), MEDIAN_P90).orderBy("g").collectAsList();
    List<Row> sparks = df.groupBy("g").agg(org.apache.spark.sql.functions.expr("percentile(days, 0.5)"),
        org.apache.spark.sql.functions.expr("percentile(days, 0.9)")).orderBy("g").collectAsList();
    for (int i = 0; i < 3; i++) {
      assertEquals(sparks.get(i).getDouble(1), ours.get(i).getDouble(2), 1e-9);
      assertEquals(sparks.get(i).getDouble(2), ours.get(i).getDouble(3), 1e-9);
    }
  }

  private static String round(Row r) {
    return "[" + r.get(0) + "," + r.get(1) + "," + Math.round(r.getDouble(2) * 1000) / 1000.0 + ","
        + Math.round(r.getDouble(3) * 1000) / 1000.0 + "]";
  }
}
