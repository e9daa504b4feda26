package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.spark.DataFrames;

/**
 * The count signals ({@link CountModel}) and the series they are judged on: a court's cases filed
 * (a surge) and decided (a stall, or a backlog decided at once), a region's failures of a
 * service's requests (an outage), and a judge's share of the court's cases assigned, decided and
 * pending.
 */
final class CountSignals {

  /** Fewest requests in a month before a region × service failure count is scored. */
  static final long MIN_REQUESTS = 10;

  /**
   * Fewest cases of the court in a month before a judge's share of them is scored: the disclosure
   * rule's k, so that no flag speaks of a judge on fewer cases than a published figure.
   */
  static final long MIN_JUDGE_CASES = 10;

  static final CountModel.Spec INCOMING = new CountModel.Spec(Signal.INCOMING.label(), CountModel.Family.POISSON,
      List.of("peer_group", "period"), "peer_group");
  static final CountModel.Spec RESOLVED = new CountModel.Spec(Signal.RESOLVED.label(), CountModel.Family.POISSON,
      List.of("peer_group", "period"), "peer_group");
  static final CountModel.Spec FAILURES = new CountModel.Spec(Signal.SERVICE_FAILURE_RATE.label(), CountModel.Family.BINOMIAL,
      List.of("peer_group", "period"), "peer_group");
  /** A judge against the judges of the same court: the court's month is the exposure. */
  static final CountModel.Spec JUDGE_ASSIGNED = new CountModel.Spec(Signal.JUDGE_ASSIGNED.label(), CountModel.Family.POISSON,
      List.of("peer_group"), "court_id");
  static final CountModel.Spec JUDGE_DECIDED = new CountModel.Spec(Signal.JUDGE_DECIDED.label(), CountModel.Family.POISSON,
      List.of("peer_group"), "court_id");
  /** A judge's cases pending at the month's end against the court's. */
  static final CountModel.Spec JUDGE_PENDING = new CountModel.Spec(Signal.JUDGE_PENDING.label(), CountModel.Family.POISSON,
      List.of("peer_group"), "court_id");

  private CountSignals() {}

  /**
   * @param courtFlow one row per court and month: {@code court_id}, {@code period}, {@code
   *     incoming}, {@code resolved}, {@code pending_end}
   * @param courts {@code court_id}, {@code court_level}
   */
  static Dataset<Row> incomingSeries(Dataset<Row> courtFlow, Dataset<Row> courts) {
    return courtFlow.join(courts, DataFrames.joinKeys("court_id"))
        .select(col("court_id").as("entity_id"), col("period"), col("court_level").as("peer_group"),
            col("incoming").cast("long").as("y"), lit(1.0).as("exposure"));
  }

  /** Decisions against the cases open in the month (pending at its start plus filed in it). */
  static Dataset<Row> resolvedSeries(Dataset<Row> courtFlow, Dataset<Row> courts) {
    return courtFlow.join(courts, DataFrames.joinKeys("court_id"))
        .select(col("court_id").as("entity_id"), col("period"), col("court_level").as("peer_group"),
            col("resolved").cast("long").as("y"), col("pending_end").plus(col("resolved")).cast("double").as("exposure"));
  }

  /**
   * @param serviceUse one row per region, service and month: {@code region_code}, {@code service},
   *     {@code period}, {@code service_requests}, {@code service_failures}
   */
  static Dataset<Row> failureSeries(Dataset<Row> serviceUse) {
    return serviceUse.select(concat_ws(":", col("region_code"), col("service")).as("entity_id"), col("period"),
        col("service").as("peer_group"), col("service_failures").cast("long").as("y"),
        col("service_requests").cast("double").as("exposure"));
  }

  /**
   * One row per judge and month from the judge's first case to the last: cases assigned (filed)
   * and decided, the judge's cases pending at the month's end (assigned so far less decided so
   * far, of the extract's cases), and the court's totals of the three; months without a case of
   * the judge count 0.
   *
   * @param cases the ingested cases: {@code judge_id}, {@code court_id}, {@code filed_at}
   * @param decidedCells the judges' decisions by court, category and month ({@link
   *     JudgeDays#decidedCells})
   * @param courts {@code court_id}, {@code court_level}
   */
  static Dataset<Row> judgeMonths(Dataset<Row> cases, Dataset<Row> decidedCells, Dataset<Row> courts, String lastMonth) {
    Dataset<Row> filed = cases.filter(col("judge_id").isNotNull())
        .groupBy(col("judge_id"), col("court_id"), date_format(col("filed_at"), "yyyy-MM").as("period"))
        .agg(count("*").as("assigned"));
    Dataset<Row> decided = decidedCells.groupBy("judge_id", "court_id", "period").agg(sum("decisions").as("decided"));
    Dataset<Row> perJudge = filed.join(decided, DataFrames.joinKeys("judge_id", "court_id", "period"), "full_outer")
        .filter(col("period").leq(lastMonth))
        .na().fill(0L, new String[] {"assigned", "decided"});
    Dataset<Row> span = perJudge.groupBy("judge_id", "court_id").agg(min("period").as("_first"), max("period").as("_last"));
    WindowSpec sofar = Window.partitionBy("judge_id", "court_id").orderBy("period")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec court = Window.partitionBy("court_id", "period");
    // Every month of the court with a case, for each judge within their span.
    return span.join(perJudge.select("court_id", "period").distinct(), DataFrames.joinKeys("court_id"))
        .filter(col("period").between(col("_first"), col("_last")))
        .join(perJudge, DataFrames.joinKeys("judge_id", "court_id", "period"), "left")
        .join(courts.select("court_id", "court_level"), DataFrames.joinKeys("court_id"))
        .select(col("judge_id"), col("court_id"), col("court_level"), col("period"),
            coalesce(col("assigned"), lit(0L)).as("assigned"), coalesce(col("decided"), lit(0L)).as("decided"))
        .withColumn("pending", sum(col("assigned").minus(col("decided"))).over(sofar))
        .withColumn("court_assigned", sum("assigned").over(court))
        .withColumn("court_decided", sum("decided").over(court))
        .withColumn("court_pending", sum("pending").over(court));
  }

  static Dataset<Row> judgeSeries(Dataset<Row> judgeMonths, String count) {
    return judgeMonths.select(col("judge_id").as("entity_id"), col("period"), col("court_level").as("peer_group"),
        col("court_id"), col(count).as("y"), col("court_" + count).cast("double").as("exposure"));
  }

  // Candidates: what each signal says, in words a reviewer can check.

  static Dataset<Row> incoming(CountModel.Assessment a, AnomalyOptions o) {
    Dataset<Row> rows = a.rows();
    return MonthlySignals.candidates(rows, Signal.INCOMING, col("y"), col("mu"), col("p_higher"),
        concat(format_string("filed %d cases against about %.0f expected", col("y"), col("mu")), levelWords(o, "courts of the same level"),
            lit("; "), chanceWords(col("p_higher"))));
  }

  static Dataset<Row> resolved(CountModel.Assessment a, AnomalyOptions o) {
    return MonthlySignals.candidates(a.rows(), Signal.RESOLVED, col("y"), col("mu"), col("p_lower"),
        concat(format_string("decided %d of %.0f open cases against about %.0f expected", col("y"), col("exposure"), col("mu")),
            levelWords(o, "courts of the same level"), lit("; "), chanceWords(col("p_lower"))));
  }

  /** A court deciding far more cases than usual in one month: a backlog decided at once (how were they closed?). */
  static Dataset<Row> resolvedBurst(CountModel.Assessment a, AnomalyOptions o) {
    return MonthlySignals.candidates(a.rows(), Signal.RESOLVED_BURST, col("y"), col("mu"), col("p_higher"),
        concat(format_string("decided %d of %.0f open cases against about %.0f expected, a backlog decided at once", col("y"),
            col("exposure"), col("mu")), levelWords(o, "courts of the same level"), lit("; "), chanceWords(col("p_higher"))));
  }

  static Dataset<Row> failures(CountModel.Assessment a, AnomalyOptions o) {
    Dataset<Row> rows = a.rows().filter(col("exposure").geq(MIN_REQUESTS));
    Column rate = col("y").divide(col("exposure"));
    Column expectedRate = col("mu").divide(col("exposure"));
    return MonthlySignals.candidates(rows, Signal.SERVICE_FAILURE_RATE, rate, expectedRate,
        col("p_higher"),
        concat(format_string("%d failures of %.0f requests (%.1f%%) against about %.1f expected (%.1f%%)", col("y"),
            col("exposure"), rate.multiply(100), col("mu"), expectedRate.multiply(100)),
            levelWords(o, "the same service in every region"), lit("; "), chanceWords(col("p_higher"))));
  }

  static Dataset<Row> judgeAssigned(CountModel.Assessment a, AnomalyOptions o) {
    return judge(a, o, Signal.JUDGE_ASSIGNED, "p_higher", "assigned %d of the court's %.0f new cases");
  }

  static Dataset<Row> judgeDecided(CountModel.Assessment a, AnomalyOptions o) {
    return judge(a, o, Signal.JUDGE_DECIDED, "p_lower", "decided %d of the court's %.0f decisions");
  }

  static Dataset<Row> judgePending(CountModel.Assessment a, AnomalyOptions o) {
    return judge(a, o, Signal.JUDGE_PENDING, "p_higher", "held %d of the court's %.0f pending cases at the month's end");
  }

  /** A judge's share of the court's month, in words that speak of this judge alone. */
  private static Dataset<Row> judge(CountModel.Assessment a, AnomalyOptions o, Signal signal, String tail, String counted) {
    Dataset<Row> rows = a.rows().filter(col("exposure").geq(MIN_JUDGE_CASES));
    return MonthlySignals.candidates(rows, signal, col("y"), col("mu"), col(tail),
        concat(format_string(counted + " against about %.0f expected from this judge's usual share", col("y"), col("exposure"),
            col("mu")), format_string(" (over the past %d months, %.0f%% their own and the rest that of the judges of the"
            + " same court)", lit(o.trailingMonths()), col("own_weight").multiply(100)), lit("; "), chanceWords(col(tail))));
  }

  /**
   * A backlog decided at once shows twice: more decisions than expected ({@code resolved_burst})
   * and older cases among them ({@code days_to_decision}). Under a usual month the two are close
   * to independent (how many cases a court decides says little of their mean age), so Fisher's
   * combination p₁p₂(1 − ln p₁p₂) (the chi-squared tail with 4 degrees of freedom) is the tail of
   * both at once: two signals each too weak to be told from chance may together be clear.
   */
  static Dataset<Row> backlogDecided(Dataset<Row> burst, Dataset<Row> days) {
    Dataset<Row> d = days.select(col("entity_id"), col("period"), col("p_value").as("_p_days"), col("actual").as("_days"),
        col("expected").as("_expected_days"), col("top_features"));
    // In logs: the product of two tiny tails underflows.
    Column logBoth = org.apache.spark.sql.functions.log(col("p_value")).plus(org.apache.spark.sql.functions.log(col("_p_days")));
    Column fisher = org.apache.spark.sql.functions.exp(logBoth).multiply(lit(1.0).minus(logBoth));
    Dataset<Row> joined = burst.drop("top_features").join(d, DataFrames.joinKeys("entity_id", "period"))
        .withColumn("_p", org.apache.spark.sql.functions.least(lit(1.0), fisher));
    return MonthlySignals.candidates(joined, Signal.BACKLOG_DECIDED, col("actual"), col("expected"), col("_p"),
        concat(format_string("decided %.0f cases against about %.0f expected, and slower ones: typical days to decision %.0f"
            + " against about %.0f for this court's case mix and past; a backlog decided at once; together ",
            col("actual"), col("expected"), col("_days"), col("_expected_days")), chanceWords(col("_p"))),
        col("top_features"));
  }

  /** Where the expected value comes from: the entity's own past, pooled with its peers', and the national month. */
  private static Column levelWords(AnomalyOptions o, String peers) {
    return format_string(" (its level over the past %d months, %.0f%% its own and the rest that of " + peers
        + ", in this month nationally)", lit(o.trailingMonths()), col("own_weight").multiply(100));
  }

  /** "about 1 in 4 million months would look like this by chance": a tail probability in words. */
  static Column chanceWords(Column p) {
    Column n = lit(1.0).divide(greatest(p, lit(MonthlySignals.LEAST_P)));
    Column in = when(p.isNull(), lit("no chance estimate"))
        .when(n.lt(1e3), format_string("about 1 in %.0f", n))
        .when(n.lt(1e6), format_string("about 1 in %.0f thousand", n.divide(1e3)))
        .when(n.lt(1e9), format_string("about 1 in %.0f million", n.divide(1e6)))
        .when(n.lt(1e12), format_string("about 1 in %.0f billion", n.divide(1e9)))
        .otherwise(lit("fewer than 1 in a trillion"));
    return concat(in, lit(" months would look like this by chance"));
  }
}
