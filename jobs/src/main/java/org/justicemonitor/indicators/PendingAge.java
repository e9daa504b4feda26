package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.spark.DataFrames;

/**
 * The age profile of pending cases (CNJ's backlog age): the share of the cases pending at the end
 * of a period that were filed more than 6, 12 and 24 months before that end.
 *
 * <p>A case is "older than m months" at the end E of a period when {@code add_months(filed_at, m)
 * < E} and it is still pending then. So it counts from the period holding the day after its
 * m-month anniversary up to the period before the one it is decided in: one +1 and one −1 per
 * case, summed as running totals over the period grid, like {@code pending_end} itself.
 */
public final class PendingAge {

  /** The age thresholds, in months. */
  public static final List<Integer> MONTHS = List.of(6, 12, 24);

  private PendingAge() {}

  public static String share(int months) {
    return "share_pending_over_" + months + "_months";
  }

  /** The disclosure rules of the shares: each rests on the pending cases it divides. */
  static List<Disclosure.Rule> rules() {
    return MONTHS.stream().map(m -> Disclosure.Rule.of(share(m), "pending_end")).toList();
  }

  /**
   * @param flow the output of {@link CaseFlow#compute}: one row per group and period, with
   *     {@code pending_end}
   * @param cases the cases that flow was computed from, with the {@code keys} columns
   * @return {@code flow} with one {@code share_pending_over_<m>_months} column per threshold
   */
  public static Dataset<Row> addShares(Dataset<Row> flow, Dataset<Row> cases, List<String> keys, Period period) {
    List<String> byPeriod = new ArrayList<>(keys);
    byPeriod.add("period");
    Column decidedPeriod = period.of(col("decided_at"));

    // One pass over the cases: per threshold, a +1 when the case becomes old while pending and a
    // -1 when it is decided after that; exploded, then summed per group and period.
    List<Column> thresholds = new ArrayList<>();
    for (int m : MONTHS) {
      Column becomesOld = period.of(date_add(add_months(col("filed_at"), m), 1));
      Column counts = decidedPeriod.isNull().or(becomesOld.lt(decidedPeriod));
      thresholds.add(struct(lit(m).as("m"), when(counts, becomesOld).as("enter"), when(counts, decidedPeriod).as("leave")));
    }
    Dataset<Row> perCase = cases.select(columns(keys, explode(array(thresholds.toArray(Column[]::new))).as("t")))
        .filter(col("t.enter").isNotNull());
    Column moves = array(
        struct(col("t.enter").as("period"), lit(1).as("delta")),
        struct(col("t.leave").as("period"), lit(-1).as("delta")));
    Dataset<Row> changes = perCase.select(columns(keys, col("t.m").as("m"), explode(moves).as("move")))
        .filter(col("move.period").isNotNull())
        .select(columns(keys, col("m"), col("move.period").as("period"), col("move.delta").as("delta")));
    List<Column> perThreshold = new ArrayList<>();
    for (int m : MONTHS) {
      perThreshold.add(sum(when(col("m").equalTo(m), col("delta")).otherwise(0)).cast("long").as("_change_" + m));
    }
    Dataset<Row> perPeriod =
        changes.groupBy(byPeriod.stream().map(k -> col(k)).toArray(Column[]::new))
            .agg(perThreshold.get(0), perThreshold.subList(1, perThreshold.size()).toArray(Column[]::new));

    WindowSpec toDate =
        Window.partitionBy(keys.stream().map(k -> col(k)).toArray(Column[]::new))
            .orderBy("period")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> out = flow.join(perPeriod, DataFrames.joinKeys(byPeriod.toArray(String[]::new)), "left");
    for (int m : MONTHS) {
      Column older = sum(coalesce(col("_change_" + m), lit(0L))).over(toDate);
      out = out.withColumn(share(m), DataFrames.ratio(older, col("pending_end")));
    }
    for (int m : MONTHS) {
      out = out.drop("_change_" + m);
    }
    return out;
  }

  private static Column[] columns(List<String> keys, Column... more) {
    List<Column> all = new ArrayList<>();
    keys.forEach(k -> all.add(col(k)));
    all.addAll(List.of(more));
    return all.toArray(Column[]::new);
  }
}
