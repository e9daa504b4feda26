package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.AccessToJustice;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlow;
import org.justicemonitor.measures.Period;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.TableDeclaration;

/**
 * The contract's {@code region_year}, {@code region_month} and {@code national_year} tables:
 * case flow over first-instance ({@code district}) cases of all categories, and service use, per
 * region and period, under disclosure control; then, after the contract's columns, the other
 * digital-adoption indicators ({@link DigitalAdoption}, assisted-desk share, e-notary use) and
 * access to justice ({@link AccessToJustice}).
 */
public final class RegionalIndicators {

  /** The indicators whose regional spread the inequality table measures. */
  public static final List<String> INEQUALITY_INDICATORS =
      List.of("e_filing_share", "online_hearing_share", "service_failure_rate", "median_days_to_decision", "clearance_rate",
          "disposition_time_days", "median_days_to_register_e_filing", "e_protocol_share", "publication_share",
          "service_center_share", "e_notary_requests_per_1000", "representation_rate", "appeal_rate");

  private RegionalIndicators() {}

  /**
   * @param districtCells first-instance cases counted ({@link CaseCells}), with {@code region_code} (the grouping)
   * @param events service events, with {@code region_code} and {@code event_month}
   * @param regions one row per region to report: {@code region_code} and its {@code population}
   */
  public static Dataset<Row> compute(TableDeclaration table,
      Dataset<Row> districtCells, Dataset<Row> events, Dataset<Row> regions, Period period, List<String> periodLabels,
      PublicationWindow window, Disclosure disclosure) {
    List<String> keys = List.of("region_code");
    Dataset<Row> flow = CaseFlow.fromCells(districtCells, keys, period, periodLabels, regions);
    Dataset<Row> joined =
        flow.join(ServiceUse.compute(events, keys, period), DataFrames.joinKeys("region_code", "period"), "left")
            .na().fill(0L, new String[] {"service_requests", "service_failures", "service_center_requests", "e_notary_requests"});
    // The window's periods, and only those where the region has cases or service users.
    joined = joined.filter(window.covers(period).and(col("pending_start").gt(0).or(col("incoming").gt(0))
            .or(col("service_requests").gt(0))));
    LinkedHashMap<String, Column> use = new LinkedHashMap<>();
    use.put("service_failure_rate", DataFrames.ratio(col("service_failures"), col("service_requests")));
    use.put("service_center_share", DataFrames.ratio(col("service_center_requests"), col("service_requests")));
    use.put("e_notary_requests_per_1000", DataFrames.ratio(col("e_notary_requests").multiply(1000), col("population")));
    joined = DataFrames.withColumns(joined, use);
    return DataFrames.publishable(disclosure.apply(joined, table), table.computedColumns());
  }

  /** The table in long format for {@link Inequality}: indicator, period, region_code, value. */
  public static Dataset<Row> longFormat(Dataset<Row> table) {
    // One scan of the table, each row repeated once per indicator (not a union of one scan each).
    Column[] values = INEQUALITY_INDICATORS.stream().map(i -> col(i).cast("double").as(i)).toArray(Column[]::new);
    return table.unpivot(new Column[] {col("period"), col("region_code")}, values, "indicator", "value")
        .select("indicator", "period", "region_code", "value");
  }

}
