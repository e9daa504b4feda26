package org.justicemonitor.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expm1;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseDurations;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

/**
 * What needs no rollout: e-filed against paper cases of the same court, case category and
 * filing month, per region and year (and the whole country, {@code 00}), in days to decision and
 * days to registration. Within such a stratum, court speed, case mix and the season are the same
 * for both channels, so they do not pose as a channel effect; what remains may still be
 * selection (who files electronically), so this is a comparison, not the effect of a programme.
 *
 * <p>Per stratum s with n_e e-filed and n_p paper cases, d_s is the difference of their mean log
 * days; the estimate is Σ w_s d_s / Σ w_s with w_s = n_e n_p / (n_e + n_p), published as
 * exp(·) − 1. Its variance is σ² / Σ w_s, σ² the pooled within-stratum, within-channel variance of
 * log days (cases independent within a stratum); 95% interval ± 1.96 standard errors.
 */
public final class ChannelComparison {

  private static final double Z = 1.959963984540054;

  private ChannelComparison() {}

  /**
   * @param cases the ingested cases, every level
   * @param regions the region reference: its internet-users share goes beside each region's row
   */
  public static Dataset<Row> compute(Dataset<Row> cases, Dataset<Row> regions, LocalDate asOf, Disclosure disclosure) {
    Dataset<Row> decision = byRegionAndNation(CaseDurations.decided(cases, asOf), CaseDurations.LOG_DAYS_TO_DECISION,
        "e_filed_decisions", "paper_decisions", "relative_difference_days_to_decision", "ci_low", "ci_high", true);
    Dataset<Row> register = byRegionAndNation(CaseDurations.registered(cases, asOf), CaseDurations.LOG_DAYS_TO_REGISTER,
        "e_filed_registrations", "paper_registrations",
        "relative_difference_days_to_register", "register_ci_low", "register_ci_high", false);
    Dataset<Row> internet = regions.select(col("region_code"), col("internet_users_share"))
        .unionByName(regions.agg(sum(col("internet_users_share").multiply(col("population"))).divide(
            sum(when(col("internet_users_share").isNotNull(), col("population")))).as("internet_users_share"))
            .withColumn("region_code", lit(IndicatorTables.NATIONAL)));
    Dataset<Row> table = decision.join(register, DataFrames.joinKeys("region_code", "period"), "full_outer")
        .join(internet, DataFrames.joinKeys("region_code"), "left");
    return DataFrames.publishable(disclosure.apply(table, IndicatorTables.CHANNEL_COMPARISON),
        IndicatorTables.CHANNEL_COMPARISON.computedColumns());
  }

  private static Dataset<Row> byRegionAndNation(Dataset<Row> cases, Column logDays, String eCount, String paperCount,
      String estimate, String low, String high, boolean withCourts) {
    Dataset<Row> strata = strata(cases, logDays);
    Dataset<Row> regional = pooled(strata, eCount, paperCount, estimate, low, high, withCourts);
    Dataset<Row> national = pooled(strata.withColumn("region_code", lit(IndicatorTables.NATIONAL)), eCount, paperCount,
        estimate, low, high, withCourts);
    return regional.unionByName(national);
  }

  /** Per court, category and filing month: each channel's cases, sum and sum of squares of log days. */
  private static Dataset<Row> strata(Dataset<Row> cases, Column logDays) {
    Column e = col("filing_channel").equalTo("e_filing");
    Column p = col("filing_channel").equalTo("paper");
    Column y = col("_y");
    return cases.filter(e.or(p)).withColumn("_y", logDays)
        .groupBy(col("region_code"), col("court_id"), col("case_category"), year(col("filed_at")).cast("string").as("period"),
            month(col("filed_at")).as("_month"))
        .agg(count(when(e, 1)).as("n_e"), sum(when(e, y)).as("s_e"), sum(when(e, y.multiply(y))).as("q_e"),
            count(when(p, 1)).as("n_p"), sum(when(p, y)).as("s_p"), sum(when(p, y.multiply(y))).as("q_p"))
        .filter(col("n_e").gt(0).and(col("n_p").gt(0)));
  }

  private static Dataset<Row> pooled(Dataset<Row> strata, String eCount, String paperCount, String estimate, String low,
      String high, boolean withCourts) {
    Column ne = col("n_e");
    Column np = col("n_p");
    Column w = ne.multiply(np).divide(ne.plus(np));
    Column d = col("s_e").divide(ne).minus(col("s_p").divide(np));
    // Squares about each channel's stratum mean: Σy² − (Σy)²/n.
    Column sse = col("q_e").minus(col("s_e").multiply(col("s_e")).divide(ne))
        .plus(col("q_p").minus(col("s_p").multiply(col("s_p")).divide(np)));
    Dataset<Row> g = strata.groupBy("region_code", "period").agg(
        sum(w.multiply(d)).as("_wd"), sum(w).as("_w"), sum(sse).as("_sse"), sum(ne.plus(np).minus(2)).as("_df"),
        sum(ne).as(eCount), sum(np).as(paperCount), countDistinct("court_id").as("courts"));
    Column diff = col("_wd").divide(col("_w"));
    Column se = sqrt(when(col("_df").gt(0), col("_sse").divide(col("_df"))).divide(col("_w")));
    List<Column> out = new java.util.ArrayList<>(List.of(col("region_code"), col("period"), col(eCount), col(paperCount),
        expm1(diff).as(estimate), exp(diff.minus(se.multiply(Z))).minus(1).as(low), exp(diff.plus(se.multiply(Z))).minus(1).as(high)));
    if (withCourts) {
      out.add(col("courts"));
    }
    return g.select(out.toArray(Column[]::new));
  }
}
