package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expm1;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/**
 * A judge's days to decision against the other judges of the same court, on cases of the same
 * category decided in the same month: the judge's peers share the court's procedure, staff and
 * month, so what is left is the judge's own pace.
 *
 * <p>Per judge, court, category and month, the judge's n_c decisions have mean log(1 + days) ȳ_c
 * and the peers' n'_c have mean ȳ'_c. The judge's month compares the mean ȳ = Σ n_c ȳ_c / n with
 * the peers' means weighted by the judge's own mix, e = Σ n_c ȳ'_c / n (a judge given harder
 * categories is compared on those). Under no difference, ȳ − e has variance σ² (1/n + Σ n_c² /
 * (n'_c n²)), σ² the spread of single decisions about their judge's cell mean in the court (pooled
 * over its cells). The tail is Student's t at the nearest material change (ȳ − e − log(1 + δ),
 * δ = {@link AnomalyOptions#minChange}) with the pooled spread's degrees of freedom. Cases decided
 * by one judge are taken as independent given the cell: a judge's slow month from one long trial
 * is what a reviewer would then find.
 *
 * <p>Scored only on at least {@link CountSignals#MIN_JUDGE_CASES} decisions of the judge and as
 * many of the peers in the month (categories without a peer that month are left out).
 */
final class JudgeDays {

  private JudgeDays() {}

  /**
   * The judges' decisions by court, case category and month of decision: {@code judge_id}, {@code
   * court_id}, {@code case_category}, {@code period}, {@code decisions}, and the sum and sum of
   * squares of their log(1 + days to decision), {@code log_days} and {@code log_days_squared}. Also
   * what a judge's months count as decided ({@link CountSignals#judgeMonths}).
   *
   * @param cases the ingested cases: {@code judge_id}, {@code court_id}, {@code case_category},
   *     {@code filed_at}, {@code decided_at}
   */
  static Dataset<Row> decidedCells(Dataset<Row> cases, String lastMonth) {
    Column period = date_format(col("decided_at"), "yyyy-MM");
    Column logDays = DecisionTimeModel.logDays();
    return cases.filter(col("judge_id").isNotNull().and(col("decided_at").isNotNull()).and(period.leq(lastMonth)))
        .groupBy(col("judge_id"), col("court_id"), col("case_category"), period.as("period"))
        .agg(count("*").as("decisions"), sum(logDays).as("log_days"), sum(pow(logDays, 2)).as("log_days_squared"));
  }

  /** @param decidedCells the output of {@link #decidedCells} */
  static Dataset<Row> candidates(Dataset<Row> decidedCells, AnomalyOptions o) {
    Dataset<Row> judgeCells = decidedCells.select(col("judge_id"), col("court_id"), col("case_category"), col("period"),
        col("decisions").as("_n"), col("log_days").as("_s"), col("log_days_squared").as("_ss"));
    Dataset<Row> cells = judgeCells.groupBy("court_id", "case_category", "period")
        .agg(sum("_n").as("_cell_n"), sum("_s").as("_cell_s"));
    // The spread of single decisions about their judge's cell mean, pooled over the court's cells.
    Dataset<Row> spread = judgeCells.groupBy("court_id")
        .agg(sum(col("_ss").minus(pow(col("_s"), 2).divide(col("_n")))).as("_within"), sum(col("_n").minus(1)).as("_df"))
        .filter(col("_df").gt(0))
        .select(col("court_id"), col("_within").divide(col("_df")).as("_variance"), col("_df"));
    Dataset<Row> months = judgeCells.join(cells, DataFrames.joinKeys("court_id", "case_category", "period"))
        .withColumn("_peer_n", col("_cell_n").minus(col("_n")))
        .filter(col("_peer_n").gt(0))
        .withColumn("_peer_mean", col("_cell_s").minus(col("_s")).divide(col("_peer_n")))
        .groupBy("judge_id", "court_id", "period")
        .agg(sum("_n").as("decisions"), sum("_peer_n").as("peer_decisions"), sum("_s").as("_s"),
            sum(col("_n").multiply(col("_peer_mean"))).as("_e"), sum(pow(col("_n"), 2).divide(col("_peer_n"))).as("_mix"))
        .filter(col("decisions").geq(CountSignals.MIN_JUDGE_CASES).and(col("peer_decisions").geq(CountSignals.MIN_JUDGE_CASES)))
        .join(spread, DataFrames.joinKeys("court_id"));
    Column n = col("decisions");
    Column actual = col("_s").divide(n);
    Column expected = col("_e").divide(n);
    Column sd = sqrt(col("_variance").multiply(lit(1.0).divide(n).plus(col("_mix").divide(pow(n, 2)))));
    Column t = actual.minus(expected).minus(lit(Math.log1p(o.minChange()))).divide(sd);
    Dataset<Row> scored = months.select(col("judge_id").as("entity_id"), col("period"), n, col("peer_decisions"),
        expm1(actual).as("_actual_days"), expm1(expected).as("_expected_days"),
        when(sd.gt(0), Tails.STUDENT_ABOVE.apply(t, col("_df").cast("double"))).as("_p"));
    Column p = col("_p");
    return MonthlySignals.candidates(scored, Signal.JUDGE_DAYS_TO_DECISION, col("_actual_days"),
        col("_expected_days"), p,
        concat(format_string("typical days to decision %.0f over %d decisions against about %.0f for the other judges of the"
            + " same court on cases of the same categories that month (%d decisions); ", col("_actual_days"), n,
            col("_expected_days"), col("peer_decisions")), CountSignals.chanceWords(p)));
  }
}
