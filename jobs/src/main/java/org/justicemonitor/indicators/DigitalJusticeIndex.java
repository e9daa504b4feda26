package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.spark.DataFrames;

/**
 * A composite Digital Justice Index per region and year, built the way the UN E-Government
 * Development Index is: each component is standardized across the regions of the year (z-score,
 * population standard deviation), the z-scores are scaled to 0–1 by their minimum and maximum,
 * and the index is the weighted mean of the scaled components (equal weights unless configured).
 *
 * <p>Components: e-filing share, online-hearing share, service success rate (1 − failure rate)
 * and the internet-users share of the region reference. A region whose component is suppressed
 * or missing gets no index that year, and the row says which component is missing. A component
 * equal in every region says nothing about their difference: every region scores 0.5 on it.
 */
public final class DigitalJusticeIndex {

  public static final List<String> COMPONENTS =
      List.of("e_filing_share", "online_hearing_share", "service_success_rate", "internet_users_share");

  public static final List<Double> EQUAL_WEIGHTS = Collections.nCopies(COMPONENTS.size(), 1.0);

  private DigitalJusticeIndex() {}

  public static String scaled(String component) {
    return component + "_scaled";
  }

  /**
   * @param regionYear the published {@code region_year} table
   * @param regions the region reference ({@code region_code}, {@code internet_users_share})
   * @param weights one weight per component, in the order of {@link #COMPONENTS}
   */
  public static Dataset<Row> compute(Dataset<Row> regionYear, Dataset<Row> regions, List<Double> weights) {
    Dataset<Row> x =
        regionYear.join(regions.select("region_code", "internet_users_share"), "region_code")
            .select(col("region_code"), col("period"), col("e_filing_share"), col("online_hearing_share"),
                lit(1.0).minus(col("service_failure_rate")).as("service_success_rate"), col("internet_users_share"));
    WindowSpec year = Window.partitionBy("period");
    for (String c : COMPONENTS) {
      Column sd = stddev_pop(col(c)).over(year);
      x = x.withColumn("_z_" + c, when(sd.gt(0), col(c).minus(avg(col(c)).over(year)).divide(sd)));
      Column z = col("_z_" + c);
      Column zMin = min(z).over(year);
      x = x.withColumn(scaled(c), when(z.isNotNull(), z.minus(zMin).divide(max(z).over(year).minus(zMin)))
          .when(col(c).isNotNull(), lit(0.5)));
    }

    Column weighted = lit(0.0);
    double total = 0;
    List<Column> missing = new ArrayList<>();
    for (int i = 0; i < COMPONENTS.size(); i++) {
      double w = weights.get(i);
      String c = COMPONENTS.get(i);
      if (w > 0) {
        weighted = weighted.plus(col(scaled(c)).multiply(w));
        total += w;
        missing.add(when(col(scaled(c)).isNull(), lit(c)));
      }
    }
    Column missingList = concat_ws(", ", missing.toArray(Column[]::new));
    x = x.withColumn("digital_justice_index", weighted.divide(total))
        .withColumn("suppression_reason", when(missingList.notEqual(""), concat(lit("no index: "), missingList,
            lit(" suppressed or missing"))));
    Column rank = row_number().over(Window.partitionBy("period").orderBy(col("digital_justice_index").desc_nulls_last(),
        col("region_code")));
    x = x.withColumn("rank", when(col("digital_justice_index").isNotNull(), rank))
        .withColumn("suppressed", col("suppression_reason").isNotNull());

    List<String> out = new ArrayList<>(List.of("region_code", "period"));
    out.addAll(COMPONENTS);
    COMPONENTS.forEach(c -> out.add(scaled(c)));
    out.addAll(List.of("digital_justice_index", "rank", "suppressed", "suppression_reason"));
    return DataFrames.publishable(x, out);
  }
}
