package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * register an e-filing; the digital-adoption measures of {@code DigitalAdoption}, the pending
 * age of {@link PendingAge} and the access-to-justice shares of {@link AccessToJustice}. Also
 * the base counts each share rests on, for disclosure control.
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

  /** A day measure of {@link CaseCells}: the name its count of cases is published under, and its percentiles. */
  private record DayMeasure(String measure, String count, List<Percentiles.Output> percentiles) {}

  private static final List<DayMeasure> DAY_MEASURES = List.of(
      new DayMeasure(CaseCells.DECISION_DAYS, "resolved", List.of(new Percentiles.Output("median_days_to_decision", 0.5),
          new Percentiles.Output("p90_days_to_decision", 0.9))),
      new DayMeasure(CaseCells.REGISTER_DAYS, "register_base",
          List.of(new Percentiles.Output("median_days_to_register_e_filing", 0.5))),
      new DayMeasure(CaseCells.PROTOCOL_DAYS, "e_protocol_decisions",
          List.of(new Percentiles.Output("median_days_protocol_to_decision", 0.5))),
      new DayMeasure(CaseCells.PUBLICATION_DAYS, "published_decisions",
          List.of(new Percentiles.Output("median_days_to_publication", 0.5))));

  /** The measure of the grid's marker cells. */
  private static final String GRID = "_grid";

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
   * @param groups one row per group to report: the {@code keys} columns, and any other column
   *     to carry along (a region's population)
   * @return one row per group and period: the keys, {@code period}, every count, share,
   *     percentile and pending-age share, and the base counts they rest on
   */
  public static Dataset<Row> fromCells(
      Dataset<Row> cells, List<String> keys, Period period, List<String> periodLabels, Dataset<Row> groups) {
    List<String> byPeriod = new ArrayList<>(keys);
    byPeriod.add("period");
    List<String> carried = Arrays.stream(groups.columns()).filter(c -> !keys.contains(c)).toList();

    // The grid (every group, every period) as one marker cell each, so that periods without
    // cases get a row and cells outside the grid none, without a join.
    SparkSession spark = cells.sparkSession();
    List<Column> marker = DataFrames.columns(keys);
    marker.add(col("period"));
    marker.add(lit(GRID).as("measure"));
    marker.add(lit(null).cast("int").as("value"));
    marker.add(lit(0L).as("n"));
    carried.forEach(c -> marker.add(col(c)));
    Dataset<Row> grid = groups.crossJoin(spark.createDataset(periodLabels, Encoders.STRING()).toDF("period"))
        .select(marker.toArray(Column[]::new));
    List<Column> cell = DataFrames.columns(keys);
    cell.add(period.ofMonthLabel(col("month")).as("period"));
    cell.addAll(DataFrames.columns(List.of("measure", "value", "n")));

    // One shuffle, by group: every aggregation and window below is within a group.
    Dataset<Row> all = cells.select(cell.toArray(Column[]::new)).unionByName(grid, true)
        .repartition(DataFrames.columns(keys).toArray(Column[]::new));
    List<String> byValue = new ArrayList<>(byPeriod);
    byValue.addAll(List.of("measure", "value"));
    List<Column> perValue = new ArrayList<>();
    perValue.add(sum("n").as("n"));
    carried.forEach(c -> perValue.add(max(c).as(c)));
    Dataset<Row> counted = all.groupBy(DataFrames.columns(byValue).toArray(Column[]::new))
        .agg(perValue.get(0), perValue.subList(1, perValue.size()).toArray(Column[]::new));
    Column[] measureKeys = DataFrames.columns(byValue.subList(0, byValue.size() - 1)).toArray(Column[]::new);
    Dataset<Row> ranked = counted
        .withColumn("_cum", sum("n").over(Window.partitionBy(measureKeys).orderBy("value")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
        .withColumn("_total", sum("n").over(Window.partitionBy(measureKeys)));

    List<Column> aggregates = new ArrayList<>();
    aggregates.add(sum(when(col("measure").equalTo(GRID), 1)).as("_in_grid"));
    for (String measure : CaseCells.COUNTS) {
      aggregates.add(count(measure, measure));
    }
    for (CaseCells.YesNo a : CaseCells.YES_NO) {
      Column of = col("measure").equalTo(a.measure());
      aggregates.add(sum(when(of.and(a.recordedIf()), col("n"))).as(a.recorded()));
      aggregates.add(sum(when(of.and(a.yesIf()), col("n"))).as(a.yes()));
    }
    for (int m : PendingAge.THRESHOLDS) {
      aggregates.add(sum(when(col("measure").equalTo(CaseCells.olderThan(m)), col("value").multiply(col("n")))).as(older(m)));
    }
    for (DayMeasure d : DAY_MEASURES) {
      aggregates.add(count(d.measure(), d.count()));
      Column of = col("measure").equalTo(d.measure());
      for (Percentiles.Output o : d.percentiles()) {
        // The value at a 1-based rank is the first whose cumulative count reaches it.
        aggregates.add(min(when(of.and(col("_cum").geq(Percentiles.lowRank(col("_total"), o.fraction()))), col("value")))
            .as("_lo_" + o.name()));
        aggregates.add(min(when(of.and(col("_cum").geq(Percentiles.highRank(col("_total"), o.fraction()))), col("value")))
            .as("_hi_" + o.name()));
      }
    }
    carried.forEach(c -> aggregates.add(max(c).as(c)));
    Dataset<Row> flow = ranked.groupBy(DataFrames.columns(byPeriod).toArray(Column[]::new))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
        .filter(col("_in_grid").gt(0))
        .drop("_in_grid");
    // Each step sets its columns in one projection (DataFrames.withColumns): a withColumn per
    // column would analyse this plan of a hundred columns again every time (about a second per table).
    List<String> zeroIfAbsent = new ArrayList<>(CaseCells.COUNTS);
    DAY_MEASURES.forEach(d -> zeroIfAbsent.add(d.count()));
    PendingAge.THRESHOLDS.forEach(m -> zeroIfAbsent.add(older(m)));
    CaseCells.YES_NO.forEach(a -> zeroIfAbsent.addAll(List.of(a.recorded(), a.yes())));
    LinkedHashMap<String, Column> zeros = new LinkedHashMap<>();
    zeroIfAbsent.forEach(c -> zeros.put(c, coalesce(col(c), lit(0L))));
    flow = DataFrames.withColumns(flow, zeros);
    LinkedHashMap<String, Column> percentiles = new LinkedHashMap<>();
    List<String> ranks = new ArrayList<>();
    for (DayMeasure d : DAY_MEASURES) {
      for (Percentiles.Output o : d.percentiles()) {
        percentiles.put(o.name(), Percentiles.interpolate(col("_lo_" + o.name()), col("_hi_" + o.name()),
            col(d.count()), o.fraction()));
        ranks.addAll(List.of("_lo_" + o.name(), "_hi_" + o.name()));
      }
    }
    flow = DataFrames.withColumns(flow, percentiles).drop(ranks.toArray(String[]::new));

    WindowSpec toDate =
        Window.partitionBy(DataFrames.columns(keys).toArray(Column[]::new))
            .orderBy("period")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    LinkedHashMap<String, Column> running = new LinkedHashMap<>();
    running.put("pending_end", sum("incoming").over(toDate).minus(sum("resolved").over(toDate)));
    for (int m : PendingAge.THRESHOLDS) {
      running.put(older(m), sum(older(m)).over(toDate));
    }
    flow = DataFrames.withColumns(flow, running)
        .withColumn("pending_start", col("pending_end").minus(col("incoming")).plus(col("resolved")));
    // The shares' numerators stay as columns: the disclosure rule looks at them.
    LinkedHashMap<String, Column> measures = new LinkedHashMap<>();
    for (int m : PendingAge.MONTHS) {
      measures.put(PendingAge.count(m), col(older(m)));
      measures.put(PendingAge.share(m), DataFrames.ratio(col(older(m)), col("pending_end")));
    }
    for (PendingAge.Band b : PendingAge.BANDS) {
      Column from = b.fromMonths() == 0 ? col("pending_end") : col(older(b.fromMonths()));
      Column past = b.toMonths() == null ? from : from.minus(col(older(b.toMonths())));
      measures.put(b.count(), past);
      measures.put(b.column(), DataFrames.ratio(past, col("pending_end")));
    }

    Column incoming = col("incoming");
    Column resolved = col("resolved");
    measures.put("clearance_rate", DataFrames.ratio(resolved, incoming));
    measures.put("disposition_time_days", DataFrames.ratio(period.days(col("period")).multiply(col("pending_end")), resolved));
    measures.put("e_filing_share", DataFrames.ratio(col("e_filing_cases"), col("e_filing_base")));
    measures.put("online_hearing_share", DataFrames.ratio(col("online_hearings"), col("hearings_base")));
    measures.put("e_protocol_share", DataFrames.ratio(col("e_protocol_offences"), col("administrative_offences")));
    measures.put("publication_share", DataFrames.ratio(col("published_decisions"), resolved));
    measures.putAll(AccessToJustice.shares());
    return DataFrames.withColumns(flow, measures)
        .drop(PendingAge.THRESHOLDS.stream().map(CaseFlow::older).toArray(String[]::new));
  }

  /** The cases with a fact of one measure in a group and period. */
  private static Column count(String measure, String name) {
    return sum(when(col("measure").equalTo(measure), col("n"))).as(name);
  }

  private static String older(int months) {
    return "_older_" + months;
  }
}
