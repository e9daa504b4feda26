package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
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
 * register an e-filing. Also the base counts each share rests on, for disclosure control.
 *
 * <p>Pending at the end of a period is every case filed up to then minus every case decided up
 * to then (a case is decided after it is filed), so it comes from running totals over a dense
 * grid of periods rather than from a scan per period.
 */
public final class CaseFlow {

  /** Case categories a party files itself: the population of the e-filing share. */
  public static final List<String> FILED_BY_PARTY = List.of("civil", "administrative");

  private CaseFlow() {}

  /**
   * @param cases typed cases with the grouping columns {@code keys} already present
   * @param keys names of the grouping columns, e.g. {@code region_code}
   * @param periodLabels every period to report, in order (a grid: periods without cases too)
   * @param groups one row per group to report: the {@code keys} columns
   */
  public static Dataset<Row> compute(
      Dataset<Row> cases, List<String> keys, Period period, List<String> periodLabels, Dataset<Row> groups) {
    Column filed = col("filed_at");
    Column decided = col("decided_at");
    Column partyFiled = col("case_category").isin(FILED_BY_PARTY.toArray());
    Column eFiling = col("filing_channel").equalTo("e_filing");
    Column format = col("hearing_format");

    List<Column> projected = DataFrames.columns(keys);
    projected.add(period.of(filed).as("filed_period"));
    projected.add(period.of(decided).as("decided_period"));
    projected.add(datediff(decided, filed).as("days_to_decision"));
    projected.add(when(eFiling, datediff(col("registered_at"), filed)).as("days_to_register"));
    projected.add(partyFiled.as("party_filed"));
    projected.add(partyFiled.and(eFiling).as("party_e_filed"));
    projected.add(format.isin("online", "mixed").as("online_hearing"));
    projected.add(format.isin("online", "mixed", "in_person").as("hearing_held"));
    Dataset<Row> c = cases.select(projected.toArray(Column[]::new));

    List<String> byPeriod = new ArrayList<>(keys);
    byPeriod.add("period");

    Dataset<Row> filedIn =
        c.withColumn("period", col("filed_period"))
            .groupBy(DataFrames.columns(byPeriod).toArray(Column[]::new))
            .agg(
                count("*").as("incoming"),
                sum(when(col("party_filed"), 1).otherwise(0)).as("e_filing_base"),
                sum(when(col("party_e_filed"), 1).otherwise(0)).as("e_filing_cases"));
    Dataset<Row> resolvedIn =
        c.filter(col("decided_period").isNotNull())
            .withColumn("period", col("decided_period"))
            .groupBy(DataFrames.columns(byPeriod).toArray(Column[]::new))
            .agg(
                count("*").as("resolved"),
                sum(when(col("online_hearing"), 1).otherwise(0)).as("online_hearings"),
                sum(when(col("hearing_held"), 1).otherwise(0)).as("hearings_base"));
    Dataset<Row> decisionDays =
        Percentiles.exact(
                c.filter(col("decided_period").isNotNull()).withColumn("period", col("decided_period")),
                byPeriod,
                col("days_to_decision"),
                List.of(new Percentiles.Output("median_days_to_decision", 0.5), new Percentiles.Output("p90_days_to_decision", 0.9)))
            .drop("n");
    Dataset<Row> registerDays =
        Percentiles.exact(
                c.withColumn("period", col("filed_period")),
                byPeriod,
                col("days_to_register"),
                List.of(new Percentiles.Output("median_days_to_register_e_filing", 0.5)))
            .withColumnRenamed("n", "register_base");

    SparkSession spark = cases.sparkSession();
    Dataset<Row> grid = groups.crossJoin(spark.createDataset(periodLabels, Encoders.STRING()).toDF("period"));
    String[] joinKeys = byPeriod.toArray(String[]::new);
    Dataset<Row> flow =
        grid.join(filedIn, DataFrames.joinKeys(joinKeys), "left")
            .join(resolvedIn, DataFrames.joinKeys(joinKeys), "left")
            .join(decisionDays, DataFrames.joinKeys(joinKeys), "left")
            .join(registerDays, DataFrames.joinKeys(joinKeys), "left");
    for (String count : List.of("incoming", "resolved", "e_filing_base", "e_filing_cases", "online_hearings", "hearings_base", "register_base")) {
      flow = flow.withColumn(count, coalesce(col(count), lit(0L)));
    }

    WindowSpec toDate =
        Window.partitionBy(DataFrames.columns(keys).toArray(Column[]::new))
            .orderBy("period")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    flow = flow.withColumn("pending_end", sum("incoming").over(toDate).minus(sum("resolved").over(toDate)));

    Column incoming = col("incoming");
    Column resolved = col("resolved");
    return flow
        .withColumn("clearance_rate", DataFrames.ratio(resolved, incoming))
        .withColumn("disposition_time_days", DataFrames.ratio(period.days(col("period")).multiply(col("pending_end")), resolved))
        .withColumn("e_filing_share", DataFrames.ratio(col("e_filing_cases"), col("e_filing_base")))
        .withColumn("online_hearing_share", DataFrames.ratio(col("online_hearings"), col("hearings_base")));
  }
}
