package org.justicemonitor.measures;

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
import java.util.function.Function;
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
    List<Rank> ranks = new ArrayList<>();
    for (Output o : outputs) {
      ranks.add(new Rank("_lo_" + o.name(), n -> lowRank(n, o.fraction())));
      ranks.add(new Rank("_hi_" + o.name(), n -> highRank(n, o.fraction())));
    }
    Dataset<Row> grouped = atRanks(rows, keys, value, ranks);
    List<Column> out = new ArrayList<>(keys.stream().map(k -> col(k)).toList());
    out.add(col("n"));
    for (Output o : outputs) {
      out.add(interpolate(col("_lo_" + o.name()), col("_hi_" + o.name()), col("n"), o.fraction()).as(o.name()));
    }
    return grouped.select(out.toArray(Column[]::new));
  }

  /**
   * Order statistics: per group, the value at a 1-based rank that may depend on the group's size,
   * as confidence intervals of a median need.
   *
   * @param ranks output names and the rank as a function of the group's count {@code n}
   * @return one row per group: the keys, {@code n} and one column per rank (null when the rank is
   *     above n; the smallest value for a rank below 1)
   */
  public static Dataset<Row> atRanks(Dataset<Row> rows, List<String> keys, Column value, List<Rank> ranks) {
    List<Column> keyCols = keys.stream().map(k -> col(k)).toList();
    List<Column> groupWithValue = new ArrayList<>(keyCols);
    groupWithValue.add(value.as("_v"));
    Dataset<Row> counts = rows.filter(value.isNotNull()).groupBy(groupWithValue.toArray(Column[]::new)).agg(count("*").as("_c"));

    Column[] partition = keyCols.toArray(Column[]::new);
    WindowSpec upTo = Window.partitionBy(partition).orderBy("_v").rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec all = Window.partitionBy(partition);
    Dataset<Row> ranked = counts.withColumn("_cum", sum("_c").over(upTo)).withColumn("n", sum("_c").over(all));

    List<Column> aggregates = new ArrayList<>();
    aggregates.add(first("n").as("n"));
    for (Rank r : ranks) {
      // The value at 1-based rank r is the first whose cumulative count reaches r.
      aggregates.add(min(when(col("_cum").geq(r.rank().apply(col("n"))), col("_v"))).as(r.name()));
    }
    return ranked.groupBy(partition).agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }

  /**
   * The 1-based rank of the lower of the two values a percentile lies between, for n observations:
   * linear interpolation between the values at 0-based ranks floor(p) and ceil(p), p = (n − 1) × fraction.
   */
  public static Column lowRank(Column n, double fraction) {
    return floor(n.minus(1).multiply(fraction)).plus(1);
  }

  /** The 1-based rank of the higher of the two. */
  public static Column highRank(Column n, double fraction) {
    return ceil(n.minus(1).multiply(fraction)).plus(1);
  }

  /** The percentile from the values at {@link #lowRank} and {@link #highRank}. */
  public static Column interpolate(Column lo, Column hi, Column n, double fraction) {
    Column p = n.minus(1).multiply(fraction);
    return lo.plus(hi.minus(lo).multiply(p.minus(floor(p)))).cast("double");
  }

  /** An order statistic to compute: the output column's name and its 1-based rank given the count n. */
  public record Rank(String name, Function<Column, Column> rank) {}

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
