package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
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
import org.justicemonitor.contract.Contract;

/**
 * Population-weighted inequality of a regional indicator across the regions, with the
 * contract's formulas. With population shares s_i, values x_i and weighted mean μ:
 * Gini = ΣΣ s_i s_j |x_i − x_j| / (2μ); Theil T = Σ s_i (x_i/μ) ln(x_i/μ), split into a
 * between-group part Σ_g S_g (μ_g/μ) ln(μ_g/μ) over the regions' macro-region groups and the
 * within-group rest; CV = weighted standard deviation / μ; max/min ratio. Regions whose value is
 * null (suppressed) and the unknown region {@code 00} are left out.
 */
public final class Inequality {

  /** Fewest regions with a value for a row to be published: three in four of the 20, as in {@link #minRegions}. */
  static final int MAX_MIN_REGIONS = 15;
  /**
   * Indicators whose regional values are medians of whole days: a region's value moves in steps of
   * a day, so their inequality means something only where the mean is many such steps.
   */
  static final List<String> WHOLE_DAY_MEDIANS = List.of("median_days_to_decision", "median_days_to_register_e_filing");
  /** The least weighted mean of a whole-day median for its indices to be published: a day is then at most a tenth of it. */
  static final double MIN_DAYS_FOR_MEDIANS = 10;

  private Inequality() {}

  /**
   * The fewest regions with a value that a row must rest on: three quarters of the reference's
   * regions (rounded up), at most {@value #MAX_MIN_REGIONS}; 15 of Kazakhstan's 20.
   */
  static long minRegions(long referenceRegions) {
    return Math.min(MAX_MIN_REGIONS, (referenceRegions * 3 + 3) / 4);
  }

  /**
   * The rows of {@link #compute} that compare like with like: resting on at least {@code minRegions}
   * regions, and for a median of whole days, on a weighted mean of at least {@value #MIN_DAYS_FOR_MEDIANS} days.
   */
  public static Dataset<Row> comparable(Dataset<Row> indices, long minRegions) {
    Column coarse = col("indicator").isin(WHOLE_DAY_MEDIANS.toArray()).and(col("weighted_mean").lt(MIN_DAYS_FOR_MEDIANS));
    return indices.filter(col("regions_included").geq(minRegions).and(coarse.unary_$bang()));
  }

  /**
   * @param values long format: {@code indicator}, {@code period}, {@code region_code}, {@code value}
   * @param regions the region reference: {@code region_code}, {@code group}, {@code population}
   */
  public static Dataset<Row> compute(Dataset<Row> values, Dataset<Row> regions) {
    Dataset<Row> x =
        values.filter(col("value").isNotNull().and(col("region_code").notEqual(Contract.UNKNOWN_REGION)))
            .join(regions.select("region_code", "group", "population"), "region_code");
    WindowSpec cell = Window.partitionBy("indicator", "period");
    Column share = col("population").cast("double").divide(sum("population").over(cell));
    x = x.withColumn("s", share);
    x = x.withColumn("mu", sum(col("s").multiply(col("value"))).over(cell));

    Column relative = col("value").divide(col("mu"));
    Column theilTerm = when(col("value").gt(0), col("s").multiply(relative).multiply(log(relative))).otherwise(0.0);
    Dataset<Row> perCell =
        x.groupBy("indicator", "period")
            .agg(
                first("mu").as("mu"),
                count("*").as("regions_included"),
                sum(theilTerm).as("theil"),
                sum(col("s").multiply(pow(col("value").minus(col("mu")), 2))).as("variance"),
                min("value").as("min_value"),
                max("value").as("max_value"),
                // Ties go to the smaller region code, so the answer does not depend on row order.
                min(struct(col("value"), col("region_code"))).getField("region_code").as("lowest_region"),
                min(struct(col("value").multiply(-1), col("region_code"))).getField("region_code").as("highest_region"));

    Dataset<Row> a = x.select(col("indicator"), col("period"), col("s").as("s_i"), col("value").as("x_i"));
    Dataset<Row> b = x.select(col("indicator"), col("period"), col("s").as("s_j"), col("value").as("x_j"));
    Dataset<Row> gini =
        a.join(b, DataFrames.joinKeys("indicator", "period"))
            .groupBy("indicator", "period")
            .agg(sum(col("s_i").multiply(col("s_j")).multiply(abs(col("x_i").minus(col("x_j"))))).as("pair_sum"));

    Dataset<Row> byGroup =
        x.groupBy("indicator", "period", "group")
            .agg(sum("s").as("S_g"), sum(col("s").multiply(col("value"))).as("weighted"), first("mu").as("mu"));
    Column groupMean = col("weighted").divide(col("S_g"));
    Column groupRelative = groupMean.divide(col("mu"));
    Dataset<Row> between =
        byGroup.groupBy("indicator", "period")
            .agg(sum(when(groupMean.gt(0), col("S_g").multiply(groupRelative).multiply(log(groupRelative))).otherwise(0.0))
                .as("theil_between"));

    Column mu = col("mu");
    Column meaningful = mu.gt(0);
    List<Column> out = new ArrayList<>();
    out.add(col("indicator"));
    out.add(col("period"));
    out.add(when(meaningful, col("pair_sum").divide(mu.multiply(2))).as("gini"));
    out.add(when(meaningful, col("theil")).as("theil"));
    out.add(when(meaningful, col("theil_between")).as("theil_between"));
    out.add(when(meaningful, col("theil").minus(col("theil_between"))).as("theil_within"));
    out.add(when(meaningful, sqrt(col("variance")).divide(mu)).as("cv"));
    out.add(when(col("min_value").gt(0), col("max_value").divide(col("min_value"))).as("max_min_ratio"));
    out.add(col("lowest_region"));
    out.add(col("highest_region"));
    out.add(col("regions_included"));
    out.add(mu.as("weighted_mean"));
    return perCell.join(gini, DataFrames.joinKeys("indicator", "period"))
        .join(between, DataFrames.joinKeys("indicator", "period"))
        .select(out.toArray(Column[]::new));
  }

}
