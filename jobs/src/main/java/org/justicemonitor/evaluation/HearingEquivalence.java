package org.justicemonitor.evaluation;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.Percentiles;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

/**
 * Do remote and in-person hearings lead to the same results? The law promises both formats the
 * same guarantees; per case category and year of decision, this compares first-instance cases
 * heard {@code online} with those heard {@code in_person} ({@code mixed} and {@code written}
 * left out) on median days to decision and on the appeal rate.
 *
 * <ul>
 *   <li>Median difference: online − in-person, with a 95% interval from the McKean–Schrader
 *       standard error of each median, SE = (Y_(n−c+1) − Y_(c)) / (2 × 1.96), c = round((n + 1)/2
 *       − 1.96 √(n/4)), combined as √(SE₁² + SE₂²).
 *   <li>Appeal rate: appealed / decisions whose {@code appealed} is known; the difference with a
 *       Wald 95% interval, √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂).
 *   <li>Verdict per measure: {@code equivalent} when the whole interval lies inside ±margin,
 *       {@code different} when it lies wholly beyond the margin, else {@code inconclusive};
 *       {@code differs_beyond_margin} flags a row with any {@code different} verdict.
 * </ul>
 * This is a screening table for human review: differences in case mix within a category are not
 * adjusted for.
 */
public final class HearingEquivalence {

  private static final double Z = 1.959963984540054;

  private HearingEquivalence() {}

  /**
   * @param districtCases first-instance cases
   * @param daysMargin the margin of the median difference, in days
   * @param appealRateMargin the margin of the appeal-rate difference, as a share
   */
  public static Dataset<Row> compute(Dataset<Row> districtCases, Period period, double daysMargin, double appealRateMargin,
      Disclosure disclosure) {
    List<String> keys = List.of("case_category", "period", "hearing_format");
    Dataset<Row> decided =
        districtCases.filter(col("decided_at").isNotNull().and(col("hearing_format").isin("online", "in_person")))
            .withColumn("period", period.of(col("decided_at")));

    Column c = greatest(lit(1L), round(col("n").plus(1).divide(2).minus(sqrt(col("n").divide(4)).multiply(Z))).cast("long"));
    Dataset<Row> days =
        Percentiles.atRanks(decided, keys, datediff(col("decided_at"), col("filed_at")), List.of(
                new Percentiles.Rank("_mid_lo", n -> floor(n.minus(1).divide(2)).plus(1)),
                new Percentiles.Rank("_mid_hi", n -> ceil(n.minus(1).divide(2)).plus(1)),
                new Percentiles.Rank("_c_lo", n -> c),
                new Percentiles.Rank("_c_hi", n -> n.minus(c).plus(1))))
            .select(col("case_category"), col("period"), col("hearing_format"), col("n").as("decisions"),
                col("_mid_lo").plus(col("_mid_hi")).divide(2.0).as("median_days"),
                col("_c_hi").minus(col("_c_lo")).divide(2 * Z).as("median_se"));
    Dataset<Row> appeals =
        decided.groupBy(keys.stream().map(k -> col(k)).toArray(Column[]::new))
            .agg(count(col("appealed")).as("appeal_base"), sum(when(col("appealed"), 1).otherwise(0)).cast("long").as("appeals"));
    Dataset<Row> perFormat = days.join(appeals, DataFrames.joinKeys(keys.toArray(String[]::new)), "full");

    Dataset<Row> online = side(perFormat, "online");
    Dataset<Row> inPerson = side(perFormat, "in_person");
    Dataset<Row> both = online.join(inPerson, DataFrames.joinKeys("case_category", "period"), "full")
        .na().fill(0L, new String[] {"online_decisions", "in_person_decisions", "online_appeal_base", "in_person_appeal_base"});

    Column daysDiff = col("median_days_online").minus(col("median_days_in_person"));
    Column daysSe = sqrt(col("median_se_online").multiply(col("median_se_online"))
        .plus(col("median_se_in_person").multiply(col("median_se_in_person"))));
    Column pOnline = DataFrames.ratio(col("online_appeals"), col("online_appeal_base"));
    Column pInPerson = DataFrames.ratio(col("in_person_appeals"), col("in_person_appeal_base"));
    Dataset<Row> table = both
        .withColumn("days_difference", daysDiff)
        .withColumn("days_difference_ci_low", daysDiff.minus(daysSe.multiply(Z)))
        .withColumn("days_difference_ci_high", daysDiff.plus(daysSe.multiply(Z)))
        .withColumn("appeal_rate_online", pOnline)
        .withColumn("appeal_rate_in_person", pInPerson);
    Column rateDiff = col("appeal_rate_online").minus(col("appeal_rate_in_person"));
    Column rateSe = sqrt(variance(col("appeal_rate_online"), col("online_appeal_base"))
        .plus(variance(col("appeal_rate_in_person"), col("in_person_appeal_base"))));
    table = table
        .withColumn("appeal_rate_difference", rateDiff)
        .withColumn("appeal_rate_difference_ci_low", rateDiff.minus(rateSe.multiply(Z)))
        .withColumn("appeal_rate_difference_ci_high", rateDiff.plus(rateSe.multiply(Z)));
    table = table
        .withColumn("days_verdict", verdict(col("days_difference_ci_low"), col("days_difference_ci_high"), daysMargin))
        .withColumn("appeal_verdict",
            verdict(col("appeal_rate_difference_ci_low"), col("appeal_rate_difference_ci_high"), appealRateMargin));
    table = table.withColumn("differs_beyond_margin",
        coalesce(col("days_verdict").equalTo("different"), lit(false))
            .or(coalesce(col("appeal_verdict").equalTo("different"), lit(false))));
    return DataFrames.publishable(disclosure.apply(table, IndicatorTables.HEARING_EQUIVALENCE_YEAR),
        IndicatorTables.HEARING_EQUIVALENCE_YEAR.computedColumns());
  }

  /** One format's figures, named for it: {@code online_decisions}, {@code median_days_online}, ... */
  private static Dataset<Row> side(Dataset<Row> perFormat, String format) {
    return perFormat.filter(col("hearing_format").equalTo(format)).select(
        col("case_category"), col("period"),
        col("decisions").as(format + "_decisions"),
        col("median_days").as("median_days_" + format),
        col("median_se").as("median_se_" + format),
        col("appeal_base").as(format + "_appeal_base"),
        col("appeals").as(format + "_appeals"));
  }

  private static Column variance(Column p, Column n) {
    return p.multiply(lit(1.0).minus(p)).divide(n);
  }

  /** equivalent: the interval inside ±margin; different: wholly beyond it; else inconclusive. */
  static Column verdict(Column low, Column high, double margin) {
    return when(low.isNull().or(high.isNull()), lit(null).cast("string"))
        .when(low.gt(-margin).and(high.lt(margin)), lit("equivalent"))
        .when(low.gt(margin).or(high.lt(-margin)), lit("different"))
        .otherwise(lit("inconclusive"));
  }
}
