package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlowTest;
import org.justicemonitor.measures.Period;
import org.justicemonitor.tables.IndicatorTables;

/** The CNJ pair on the five cases of {@link CaseFlowTest}. */
@ExtendWith(SharedSpark.class)
class CaseFlowBreakdownTest {

  private static List<Row> months(int k) {
    var groups = SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
    return CaseFlowBreakdown.compute(IndicatorTables.CATEGORY_YEAR, CaseCells.of(CaseFlowTest.cases(), List.of("region_code")), List.of("region_code"), groups, Period.MONTH,
        List.of("2025-01", "2025-02", "2025-03"), new org.justicemonitor.measures.PublicationWindow(2000), new Disclosure(k)).orderBy("period").collectAsList();
  }

  @Test
  void congestionRateAndDemandServiceIndex() {
    List<Row> m = months(1);
    // January: 1 resolved, 1 pending at the end, 2 incoming.
    assertEquals(0.5, m.get(0).<Double>getAs("congestion_rate"), 1e-12);      // 1 / (1 + 1)
    assertEquals(0.5, m.get(0).<Double>getAs("demand_service_index"), 1e-12); // 1 / 2
    // February: 1 resolved, 2 pending, 2 incoming.
    assertEquals(2.0 / 3, m.get(1).<Double>getAs("congestion_rate"), 1e-6);
    // March: 2 resolved, 1 pending, 1 incoming.
    assertEquals(1.0 / 3, m.get(2).<Double>getAs("congestion_rate"), 1e-6);
    assertEquals(2.0, m.get(2).<Double>getAs("demand_service_index"), 1e-12);
    assertEquals(List.of("region_code", "period"), List.of(CaseFlowBreakdownTest.columns()).subList(0, 2));
  }

  @Test
  void smallCellsAreSuppressed() {
    Row march = months(2).get(2);
    assertNull(march.getAs("incoming"));                 // 1 < 2
    assertEquals(2L, (long) march.getAs("resolved"));
    assertNull(march.getAs("demand_service_index"));     // rests on incoming
    assertNull(march.getAs("congestion_rate"));          // rests on pending_end = 1
    assertEquals(true, march.getAs("suppressed"));
  }

  private static String[] columns() {
    var groups = SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
    return CaseFlowBreakdown.compute(IndicatorTables.CATEGORY_YEAR, CaseCells.of(CaseFlowTest.cases(), List.of("region_code")), List.of("region_code"), groups, Period.YEAR, List.of("2025"), new org.justicemonitor.measures.PublicationWindow(2000),
        new Disclosure(1)).columns();
  }
}
