package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.spark.DataFrames;

/**
 * The flow of cases through a group of courts, per period, with the contract's definitions:
 * incoming (filed in the period), resolved (decided in it), pending at its end, CEPEJ clearance
 * rate and disposition time, days to decision, e-filing and online-hearing shares and days to
 * register an e-filing; the digital-adoption measures of {@link DigitalAdoption} and the pending
 * age of {@link PendingAge}. Also the base counts each share rests on, for disclosure control.
 *
 * <p>Everything comes from {@link CaseCells}, the cases counted once: a table sums cells of its
 * groups and periods, and takes exact percentiles from their per-value counts.
 *
 * <p>Pending at the end of a period is every case filed up to then minus every case decided up
 * to then (a case is decided after it is filed), so it comes from running totals over a dense
 * grid of periods rather than from a scan per period; so do the pending-age counts.
 */
public final class CaseFlow {

  /** Case categories a party files itself: the population of the e-filing share. */
  public static final List<String> FILED_BY_PARTY = List.of("civil", "administrative");

  /** The percentiles published of each day measure. */
  private static final Map<String, List<Percentiles.Output>> PERCENTILES = Map.of(
      CaseCells.DECISION_DAYS, List.of(new Percentiles.Output("median_days_to_decision", 0.5),
          new Percentiles.Output("p90_days_to_decision", 0.9)),
      CaseCells.REGISTER_DAYS, List.of(new Percentiles.Output("median_days_to_register_e_filing", 0.5)),
      CaseCells.PROTOCOL_DAYS, List.of(new Percentiles.Output("median_days_protocol_to_decision", 0.5)),
      CaseCells.PUBLICATION_DAYS, List.of(new Percentiles.Output("median_days_to_publication", 0.5)));

  /** The number of observations behind each day measure's percentiles, by its published name. */
  private static final Map<String, String> DAY_COUNTS = Map.of(
      CaseCells.REGISTER_DAYS, "register_base",
      CaseCells.PROTOCOL_DAYS, "e_protocol_decisions",
      CaseCells.PUBLICATION_DAYS, "published_decisions");

  private CaseFlow() {}

  /**
   * @param cases typed cases with the grouping columns {@code keys} already present
   * @param keys names of the grouping columns, e.g. {@code region_code}
   * @param periodLabels every period to report, in order (a grid: periods without cases too)
   * @param groups one row per group to report: the {@code keys} columns
   */
  public static Dataset<Row> compute(
      Dataset<Row> cases, List<String> keys, Period period, List<String> periodLabels, Dataset<Row> groups) {
    return fromCells(CaseCells.of(cases, keys), keys, period, periodLabels, groups);
  }

  /**
   * @param cells {@link CaseCells} with the {@code keys} columns
   * @return one row per group and period: the keys, {@code period}, every count, share,
   *     percentile and pending-age share, and the base counts they rest on
   */
  public static Dataset<Row> fromCells(
      Dataset<Row> cells, List<String> keys, Period period, List<String> periodLabels, Dataset<Row> groups) {
    List<String> byPeriod = new ArrayList<>(keys);
    byPeriod.add("period");
    List<Column> group = DataFrames.columns(keys);
    group.add(period.ofMonthLabel(col("month")).as("period"));
    group.add(col("measure"));
    group.add(col("value"));
    Dataset<Row> perPeriod = cells.groupBy(group.toArray(Column[]::new)).agg(sum("n").as("n"));

    List<Column> counts = new ArrayList<>();
    for (String measure : CaseCells.COUNTS) {
      counts.add(sum(when(col("measure").equalTo(measure), col("n"))).as(measure));
    }
    DAY_COUNTS.forEach((measure, name) -> counts.add(sum(when(col("measure").equalTo(measure), col("n"))).as(name)));
    for (int m : PendingAge.MONTHS) {
      counts.add(sum(when(col("measure").equalTo(CaseCells.olderThan(m)), col("value").multiply(col("n")))).as(older(m)));
    }
    Column[] periodKeys = DataFrames.columns(byPeriod).toArray(Column[]::new);
    Dataset<Row> totals = perPeriod.groupBy(periodKeys).agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new));

    // Every day measure's percentiles in one pass, the measure as one more key, then side by side.
    List<String> byMeasure = new ArrayList<>(byPeriod);
    byMeasure.add("measure");
    List<Percentiles.Output> outputs = List.of(new Percentiles.Output("_median", 0.5), new Percentiles.Output("_p90", 0.9));
    Dataset<Row> percentiles = Percentiles.exact(perPeriod.filter(col("measure").isin(CaseCells.DAYS.toArray())),
        byMeasure, col("value"), col("n"), outputs);
    List<Column> sideBySide = new ArrayList<>();
    PERCENTILES.forEach((measure, published) -> {
      for (Percentiles.Output o : published) {
        String source = o.fraction() == 0.5 ? "_median" : "_p90";
        sideBySide.add(max(when(col("measure").equalTo(measure), col(source))).as(o.name()));
      }
    });
    sideBySide.sort(java.util.Comparator.comparing(Column::toString));
    Dataset<Row> days = percentiles.groupBy(periodKeys).agg(sideBySide.get(0), sideBySide.subList(1, sideBySide.size()).toArray(Column[]::new));

    SparkSession spark = cells.sparkSession();
    Dataset<Row> grid = groups.crossJoin(spark.createDataset(periodLabels, Encoders.STRING()).toDF("period"));
    String[] joinKeys = byPeriod.toArray(String[]::new);
    Dataset<Row> flow =
        grid.join(totals, DataFrames.joinKeys(joinKeys), "left").join(days, DataFrames.joinKeys(joinKeys), "left");
    List<String> zeroIfAbsent = new ArrayList<>(CaseCells.COUNTS);
    zeroIfAbsent.addAll(DAY_COUNTS.values());
    PendingAge.MONTHS.forEach(m -> zeroIfAbsent.add(older(m)));
    for (String count : zeroIfAbsent) {
      flow = flow.withColumn(count, coalesce(col(count), lit(0L)));
    }

    WindowSpec toDate =
        Window.partitionBy(DataFrames.columns(keys).toArray(Column[]::new))
            .orderBy("period")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    flow = flow.withColumn("pending_end", sum("incoming").over(toDate).minus(sum("resolved").over(toDate)));
    for (int m : PendingAge.MONTHS) {
      flow = flow.withColumn(PendingAge.share(m), DataFrames.ratio(sum(older(m)).over(toDate), col("pending_end")));
    }

    Column incoming = col("incoming");
    Column resolved = col("resolved");
    flow = flow
        .withColumn("clearance_rate", DataFrames.ratio(resolved, incoming))
        .withColumn("disposition_time_days", DataFrames.ratio(period.days(col("period")).multiply(col("pending_end")), resolved))
        .withColumn("e_filing_share", DataFrames.ratio(col("e_filing_cases"), col("e_filing_base")))
        .withColumn("online_hearing_share", DataFrames.ratio(col("online_hearings"), col("hearings_base")))
        .withColumn("e_protocol_share", DataFrames.ratio(col("e_protocol_offences"), col("administrative_offences")))
        .withColumn("publication_share", DataFrames.ratio(col("published_decisions"), resolved));
    for (int m : PendingAge.MONTHS) {
      flow = flow.drop(older(m));
    }
    return flow;
  }

  private static String older(int months) {
    return "_older_" + months;
  }
}
