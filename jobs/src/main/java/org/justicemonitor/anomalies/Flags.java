package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;

/**
 * From candidates to the published {@code anomalies/flags}: candidates whose false-discovery
 * adjusted tail probability is within the level ({@link FalseDiscovery}), without the known
 * aftermath of a stall or what a specific flag already explains, after earlier reviews, ranked by
 * score.
 */
final class Flags {

  /** The contract's columns, then the project's. */
  static final List<String> COLUMNS =
      List.of("entity_type", "entity_id", "period", "signal", "actual", "expected", "score", "rank", "explanation",
          "top_features", "review", "p_value", "q_value");

  /** Months after a flagged stall or surge in which its known consequences are not flagged again. */
  static final int AFTERMATH_MONTHS = 3;

  /** The signals of a backlog being decided: many decisions, old ones, or both. */
  private static final Object[] BACKLOG_SIGNALS = {Signal.RESOLVED_BURST.label(), Signal.DAYS_TO_DECISION.label(),
      Signal.BACKLOG_DECIDED.label()};

  /** A court deciding at most this share of its expected decisions has stalled, not slowed down. */
  static final double STALL_SHARE = 0.25;

  private Flags() {}

  /**
   * @param candidates every signal's candidates ({@link MonthlySignals#candidates})
   * @param reviews earlier reviews ({@link Reviews#SCHEMA}), possibly empty
   * @param courtRegions {@code court_id}, {@code region_code}: where each court is
   */
  static Dataset<Row> select(Dataset<Row> candidates, Dataset<Row> reviews, Dataset<Row> courtRegions, double fdr) {
    Dataset<Row> raised = FalseDiscovery.adjust(candidates).filter(col("q_value").leq(fdr));
    raised = withoutAftermath(raised, courtRegions);
    raised = withoutExplainedProfiles(raised, courtRegions);
    raised = Reviews.apply(raised, reviews);
    raised = onePerEntityAndMonth(raised);
    Column order = row_number().over(Window.orderBy(col("score").desc(), col("entity_type"), col("entity_id"),
        col("period"), col("signal")));
    List<Column> out = new ArrayList<>();
    for (String c : COLUMNS) {
      out.add(switch (c) {
        case "rank" -> order.as("rank");
        case "actual", "expected", "score" -> round(col(c), 4).as(c);
        // Probabilities far below 1e-4 are the point: three significant digits, not four decimals.
        case "p_value", "q_value" -> expr("cast(format_string('%.3g', " + c + ") as double)").as(c);
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
   * months after it, are not raised again: a stalled court (decisions below {@value #STALL_SHARE}
   * of expected) decides its delayed cases afterwards, so it looks slow and busy then, and so does
   * its region's profile; a court that received a surge of filings decides more cases afterwards,
   * and more slowly.
   * A partial slowdown followed within those months by a backlog decided at once (or by slow
   * decisions) is one episode, raised once, where the backlog is decided: the slowdown's months
   * are not raised.
   */
  static Dataset<Row> withoutAftermath(Dataset<Row> raised, Dataset<Row> courtRegions) {
    Column stallDepth = col("actual").leq(col("expected").multiply(STALL_SHARE));
    Dataset<Row> causes = raised.filter(col("signal").equalTo(Signal.RESOLVED.label()).and(stallDepth)
            .or(col("signal").equalTo(Signal.INCOMING.label())))
        .join(courtRegions, col("entity_id").equalTo(courtRegions.col("court_id")), "left")
        .select(col("signal").as("_cause"), col("entity_id").as("_court"), col("region_code").as("_region"),
            Period.monthNumber(col("period")).as("_month"));
    Column after = Period.monthNumber(col("period")).minus(col("_month")).between(1, AFTERMATH_MONTHS);
    Column stall = col("_cause").equalTo(Signal.RESOLVED.label());
    Column sameCourt = col("entity_type").equalTo("court").and(col("entity_id").equalTo(col("_court")));
    Column backlog = stall.and(sameCourt).and(col("signal").isin(BACKLOG_SIGNALS));
    Column regionProfile = stall.and(col("signal").equalTo(Signal.INDICATOR_PROFILE.label())).and(col("entity_id").equalTo(col("_region")));
    // Filings pulled forward wait longer and are decided in the months after: more, and slower.
    Column surgeWorkedThrough = col("_cause").equalTo(Signal.INCOMING.label()).and(sameCourt)
        .and(col("signal").isin(BACKLOG_SIGNALS));
    Dataset<Row> aftermath = raised.join(causes, after.and(backlog.or(regionProfile).or(surgeWorkedThrough)), "left_semi");

    Dataset<Row> backlogs = raised.filter(col("entity_type").equalTo("court")
            .and(col("signal").isin(BACKLOG_SIGNALS)))
        .select(col("entity_id").as("_court"), Period.monthNumber(col("period")).as("_month"));
    Dataset<Row> slowdowns = raised.filter(col("signal").equalTo(Signal.RESOLVED.label()).and(stallDepth.unary_$bang()))
        .join(backlogs, col("entity_id").equalTo(col("_court"))
            .and(col("_month").minus(Period.monthNumber(col("period"))).between(1, AFTERMATH_MONTHS)), "left_semi");
    return raised.join(aftermath.unionByName(slowdowns).select("entity_type", "entity_id", "period", "signal"),
        DataFrames.joinKeys("entity_type", "entity_id", "period", "signal"), "left_anti");
  }

  /**
   * A region's {@code indicator_profile} is raised only for what no specific flag explains: not in
   * a month when one of its courts, its region × services or the region itself has a flag of
   * another signal (a court's stall lowers its region's clearance rate, an outage raises its
   * failure rate). The reviewer is sent to the specific flag, once.
   */
  static Dataset<Row> withoutExplainedProfiles(Dataset<Row> raised, Dataset<Row> courtRegions) {
    Column profile = col("signal").equalTo(Signal.INDICATOR_PROFILE.label());
    Dataset<Row> explained = raised.filter(profile.unary_$bang())
        .join(courtRegions, col("entity_id").equalTo(courtRegions.col("court_id")), "left")
        .select(when(col("entity_type").equalTo("court"), col("region_code"))
                .when(col("entity_type").equalTo("region"), col("entity_id"))
                .when(col("entity_type").equalTo("region_service"), substring_index(col("entity_id"), ":", 1)).as("_region"),
            col("period").as("_period"))
        .filter(col("_region").isNotNull())
        .distinct();
    Dataset<Row> profiles = raised.filter(profile)
        .join(explained, col("entity_id").equalTo(col("_region")).and(col("period").equalTo(col("_period"))), "left_anti");
    return raised.filter(profile.unary_$bang()).unionByName(profiles);
  }

}
