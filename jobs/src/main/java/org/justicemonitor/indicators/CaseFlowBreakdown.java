package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.AccessToJustice;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlow;
import org.justicemonitor.measures.PendingAge;
import org.justicemonitor.measures.Period;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

/**
 * Case flow by any grouping (a court, a category, a court level, a filing channel), per period:
 * the CEPEJ pair and the CNJ (Justiça em Números) pair, under disclosure control.
 *
 * <p>CNJ congestion rate = pending_end / (resolved + pending_end): the share of the cases a
 * court had to deal with that it did not resolve. CNJ demand-service index (Índice de
 * Atendimento à Demanda) = resolved / incoming, the same ratio as CEPEJ's clearance rate. And the
 * age profile of the pending cases ({@link PendingAge}); then access to justice ({@link AccessToJustice}).
 */
public final class CaseFlowBreakdown {

  private CaseFlowBreakdown() {}

  /**
   * @param cells the cases to count ({@link CaseCells}), with the {@code keys} columns
   * @param groups one row per group to report (the {@code keys} columns)
   */
  public static Dataset<Row> compute(TableDeclaration table,
      Dataset<Row> cells, List<String> keys, Dataset<Row> groups, Period period, List<String> periodLabels,
      PublicationWindow window, Disclosure disclosure) {
    // The window's periods, and only those where the group has cases.
    Dataset<Row> flow = CaseFlow.fromCells(cells, keys, period, periodLabels, groups)
        .filter(window.covers(period).and(col("pending_start").gt(0).or(col("incoming").gt(0))));
    LinkedHashMap<String, Column> cnj = new LinkedHashMap<>();
    cnj.put("congestion_rate", DataFrames.ratio(col("pending_end"), col("resolved").plus(col("pending_end"))));
    cnj.put("demand_service_index", DataFrames.ratio(col("resolved"), col("incoming")));
    flow = DataFrames.withColumns(flow, cnj);
    List<String> out = new ArrayList<>(keys);
    out.add("period");
    List<String> declaredKeys = table.keys().stream().map(Measure::column).toList();
    table.computedColumns().stream().filter(c -> !declaredKeys.contains(c)).forEach(out::add);
    return DataFrames.publishable(disclosure.apply(flow, table), out);
  }
}
