package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

/**
 * How long first-instance decisions took, as a histogram: decisions per case category, year of
 * decision and band of days to decision, under the same disclosure control as every table (the
 * bands of a category add up to its resolved cases in {@code category_year}).
 */
public final class DecisionDaysHistogram {

  /** Upper bounds of the bands in days; the last band is open. */
  public static final int[] BINS = {7, 14, 30, 60, 90, 180, 365};

  private DecisionDaysHistogram() {}

  /** The bands as people read them: {@code 0–7}, {@code 8–14}, …, {@code >365}. */
  public static List<String> labels() {
    List<String> labels = new ArrayList<>();
    int from = 0;
    for (int upper : BINS) {
      labels.add(from + "–" + upper);
      from = upper + 1;
    }
    labels.add(">" + BINS[BINS.length - 1]);
    return labels;
  }

  /** @param districtCells first-instance cases counted ({@link CaseCells}), with {@code case_category} */
  public static Dataset<Row> compute(Dataset<Row> districtCells, Period period, Disclosure disclosure) {
    Column days = col("value");
    Column bin = lit(BINS.length);
    for (int i = BINS.length - 1; i >= 0; i--) {
      bin = when(days.leq(BINS[i]), i).otherwise(bin);
    }
    Dataset<Row> counts = districtCells.filter(col("measure").equalTo(CaseCells.DECISION_DAYS))
        .groupBy(col("case_category"), period.ofMonthLabel(col("month")).as("period"), bin.as("bin"))
        .agg(sum("n").as("decisions"))
        .withColumn("days", element_at(array(labels().stream().map(l -> lit(l)).toArray(Column[]::new)), col("bin").plus(1)));
    return DataFrames.publishable(disclosure.apply(counts, IndicatorTables.DECISION_DAYS_HISTOGRAM),
        IndicatorTables.DECISION_DAYS_HISTOGRAM.computedColumns());
  }
}
