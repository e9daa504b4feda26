package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Exact percentiles of whole numbers of days, through counts per value: days are small integers,
 * so each group keeps one row per distinct value instead of sorting every case. The result is
 * Spark's {@code percentile} (linear interpolation between the two nearest ranks), so the
 * median of an even count is the mean of the middle two.
 */
public final class Percentiles {

  /**
   * @param rows one row per observation
   * @param keys the grouping columns (names)
   * @param value an integer column of {@code rows}
   * @param outputs pairs of output name and percentile in [0, 1], e.g. ("median", 0.5)
   * @return one row per group: the keys, {@code n} observations, and each output
   */
  public static Dataset<Row> exact(Dataset<Row> rows, List<String> keys, Column value, List<Output> outputs) {
    List<Column> keyCols = keys.stream().map(k -> col(k)).toList();
    List<Column> groupWithValue = new ArrayList<>(keyCols);
    groupWithValue.add(value.as("_v"));
    Dataset<Row> counts = rows.filter(value.isNotNull()).groupBy(groupWithValue.toArray(Column[]::new)).agg(count("*").as("_c"));

    Column[] partition = keyCols.toArray(Column[]::new);
    WindowSpec upTo = Window.partitionBy(partition).orderBy("_v").rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec all = Window.partitionBy(partition);
    Dataset<Row> ranked = counts.withColumn("_cum", sum("_c").over(upTo)).withColumn("_n", sum("_c").over(all));

    List<Column> aggregates = new ArrayList<>();
    aggregates.add(first("_n").as("n"));
    for (Output o : outputs) {
      Column position = col("_n").minus(1).multiply(o.fraction());
      // The value at 0-based rank r is the first whose cumulative count exceeds r.
      aggregates.add(min(when(col("_cum").gt(floor(position)), col("_v"))).as("_lo_" + o.name()));
      aggregates.add(min(when(col("_cum").gt(ceil(position)), col("_v"))).as("_hi_" + o.name()));
      aggregates.add(first(position.minus(floor(position))).as("_w_" + o.name()));
    }
    Dataset<Row> grouped = ranked.groupBy(partition).agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    List<Column> out = new ArrayList<>(keyCols);
    out.add(col("n"));
    for (Output o : outputs) {
      Column lo = col("_lo_" + o.name());
      Column hi = col("_hi_" + o.name());
      out.add(lo.plus(hi.minus(lo).multiply(col("_w_" + o.name()))).cast("double").as(o.name()));
    }
    return grouped.select(out.toArray(Column[]::new));
  }

  /** One percentile to compute: the output column's name and the fraction, 0.5 for the median. */
  public record Output(String name, double fraction) {
    public Output {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("a percentile must be in [0, 1], cannot be: " + fraction);
      }
    }
  }


  private Percentiles() {}
}
