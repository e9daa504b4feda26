package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.spark.DataFrames;

/**
 * From scored candidates to the published {@code anomalies/flags}: candidates at or above the
 * threshold, without the known aftermath of a stall, after earlier reviews, ranked by score.
 */
final class Flags {

  /** The contract's columns, then the project's. */
  static final List<String> COLUMNS =
      List.of("entity_type", "entity_id", "period", "signal", "actual", "expected", "score", "rank", "explanation",
          "top_features", "review");

  /** Months after a flagged stall or surge in which its known consequences are not flagged again. */
  static final int AFTERMATH_MONTHS = 3;

  private Flags() {}

  /**
   * @param candidates every signal's candidates ({@link MonthlySignals#candidates})
   * @param reviews earlier reviews ({@link Reviews#SCHEMA}), possibly empty
   * @param courtRegions {@code court_id}, {@code region_code}: where each court is
   */
  static Dataset<Row> select(Dataset<Row> candidates, Dataset<Row> reviews, Dataset<Row> courtRegions, double threshold) {
    Dataset<Row> raised = candidates.filter(col("score").geq(threshold));
    raised = withoutAftermath(raised, courtRegions);
    raised = Reviews.apply(raised, reviews);
    raised = onePerEntityAndMonth(raised);
    Column order = row_number().over(Window.orderBy(col("score").desc(), col("entity_type"), col("entity_id"),
        col("period"), col("signal")));
    List<Column> out = new ArrayList<>();
    for (String c : COLUMNS) {
      out.add(switch (c) {
        case "rank" -> order.as("rank");
        case "actual", "expected", "score" -> round(col(c), 4).as(c);
        default -> col(c);
      });
    }
    return raised.select(out.toArray(Column[]::new));
  }

  /**
   * The contract's one row per flagged entity and month: the highest-scoring signal speaks, and
   * the explanation names the others that also fired.
   */
  static Dataset<Row> onePerEntityAndMonth(Dataset<Row> raised) {
    WindowSpec entityMonth = Window.partitionBy("entity_type", "entity_id", "period");
    Dataset<Row> ordered = raised.withColumn("_n", row_number().over(entityMonth.orderBy(col("score").desc(), col("signal"))));
    Column others = array_sort(collect_list(when(col("_n").gt(1), format_string("%s (score %.1f)", col("signal"), col("score"))))
        .over(entityMonth));
    return ordered.withColumn("_others", others)
        .filter(col("_n").equalTo(1))
        .withColumn("explanation", when(size(col("_others")).gt(0),
            concat(col("explanation"), lit("; also flagged: "), array_join(col("_others"), ", "))).otherwise(col("explanation")))
        .drop("_n", "_others");
  }

  /**
   * Known consequences of an anomaly already flagged, in the 1 to {@value #AFTERMATH_MONTHS}
   * months after it, are not raised again: a stalled court decides its delayed cases afterwards,
   * so it looks slow and busy then, and so does its region's profile; a court that received a
   * surge of filings decides more cases afterwards.
   */
  static Dataset<Row> withoutAftermath(Dataset<Row> raised, Dataset<Row> courtRegions) {
    Dataset<Row> causes = raised.filter(col("signal").isin(Signal.RESOLVED.label(), Signal.INCOMING.label()))
        .join(courtRegions, col("entity_id").equalTo(courtRegions.col("court_id")), "left")
        .select(col("signal").as("_cause"), col("entity_id").as("_court"), col("region_code").as("_region"),
            monthIndex(col("period")).as("_month"));
    Column after = monthIndex(col("period")).minus(col("_month")).between(1, AFTERMATH_MONTHS);
    Column stall = col("_cause").equalTo(Signal.RESOLVED.label());
    Column sameCourt = col("entity_type").equalTo("court").and(col("entity_id").equalTo(col("_court")));
    Column backlog = stall.and(sameCourt).and(col("signal").isin(Signal.DAYS_TO_DECISION.label(), Signal.RESOLVED_BURST.label()));
    Column regionProfile = stall.and(col("signal").equalTo(Signal.INDICATOR_PROFILE.label())).and(col("entity_id").equalTo(col("_region")));
    Column surgeWorkedThrough = col("_cause").equalTo(Signal.INCOMING.label()).and(sameCourt)
        .and(col("signal").equalTo(Signal.RESOLVED_BURST.label()));
    Dataset<Row> aftermath = raised.join(causes, after.and(backlog.or(regionProfile).or(surgeWorkedThrough)), "left_semi");
    return raised.join(aftermath.select("entity_type", "entity_id", "period", "signal"),
        DataFrames.joinKeys("entity_type", "entity_id", "period", "signal"), "left_anti");
  }

  /** Months since year 0 of a {@code yyyy-MM} label, for month arithmetic. */
  static Column monthIndex(Column period) {
    return substring(period, 1, 4).cast("int").multiply(12).plus(substring(period, 6, 2).cast("int"));
  }
}
