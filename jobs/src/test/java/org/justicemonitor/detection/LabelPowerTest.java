package org.justicemonitor.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.anomalies.PowerTable;

/** Labelled anomalies against their power lines, on months written out here. */
@ExtendWith(SharedSpark.class)
class LabelPowerTest {

  private static final Map<String, Long> QUEUES = Map.of("court", 7_960L, "region_service", 4_493L);
  private static final StructType CASES = StructType.fromDDL(
      "region_code STRING, court_id STRING, filing_channel STRING, filed_at DATE, registered_at DATE, decided_at DATE");

  private static Row aCase(String region, String court, String channel, String filed, String registered, String decided) {
    return RowFactory.create(region, court, channel, java.sql.Date.valueOf(filed),
        registered == null ? null : java.sql.Date.valueOf(registered), decided == null ? null : java.sql.Date.valueOf(decided));
  }

  /** Twelve months of 2024 at a fixed count, then the label's month 2025-01 (and 2025-02). */
  private static List<Row> courtYear(String court, long incoming, long resolved) {
    List<Row> rows = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      rows.add(RowFactory.create(court, String.format("2024-%02d", m), incoming, resolved));
    }
    return rows;
  }

  @Test
  void eachCountKindIsHeldToItsSignalsLineAtTheTrailingMean() {
    List<Row> courts = new ArrayList<>();
    courts.addAll(courtYear("SMALL", 10, 10));
    courts.add(RowFactory.create("SMALL", "2025-01", 25L, 10L));
    courts.addAll(courtYear("LARGE", 100, 40));
    courts.add(RowFactory.create("LARGE", "2025-01", 200L, 0L));
    courts.add(RowFactory.create("LARGE", "2025-02", 100L, 0L));
    Dataset<Row> courtMonths = SharedSpark.spark().createDataFrame(courts,
        StructType.fromDDL("court_id STRING, `period` STRING, incoming LONG, resolved LONG"));
    List<Row> services = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      String month = String.format("2024-%02d", m);
      services.add(RowFactory.create("A", "e_filing", month, 100L, 1L));
      services.add(RowFactory.create("B", "e_filing", month, 100L, 3L));
    }
    services.add(RowFactory.create("A", "e_filing", "2025-01", 100L, 20L));
    Dataset<Row> serviceMonths = SharedSpark.spark().createDataFrame(services,
        StructType.fromDDL("region_code STRING, service STRING, `period` STRING, service_requests LONG, service_failures LONG"));
    Dataset<Row> labels = SharedSpark.spark().createDataFrame(List.of(
            RowFactory.create("court", "SMALL", "2025-01", "incoming", "filing_surge"),
            RowFactory.create("court", "LARGE", "2025-01", "incoming", "filing_surge"),
            RowFactory.create("court", "LARGE", "2025-01", "resolved", "stalled_court"),
            RowFactory.create("court", "LARGE", "2025-02", "resolved", "stalled_court"),
            RowFactory.create("region_service", "A:e_filing", "2025-01", "service_failure_rate", "service_outage"),
            RowFactory.create("court", "SMALL", "2025-01", "days_to_decision", "slow_court"),
            RowFactory.create("region", "R", "2025-01", "days_to_register_e_filing", "registration_lag"),
            RowFactory.create("region", "S", "2025-01", "days_to_register_e_filing", "registration_lag")),
        StructType.fromDDL("entity_type STRING, entity_id STRING, `period` STRING, signal STRING, kind STRING"));

    // Region R registered one e-filing in the month, S twelve (and a paper case, and an e-filing never registered).
    List<Row> cases = new ArrayList<>();
    cases.add(aCase("R", "X", "e_filing", "2025-01-10", "2025-01-27", null));
    for (int i = 0; i < 12; i++) {
      cases.add(aCase("S", "X", "e_filing", "2025-01-10", "2025-01-20", null));
    }
    cases.add(aCase("R", "X", "paper", "2025-01-10", "2025-01-11", null));
    cases.add(aCase("R", "X", "e_filing", "2025-01-10", null, null));
    // SMALL decides two cases a month in 9 days through 2024, then two in 29 days: 1 + days × 3.
    for (int m = 1; m <= 12; m++) {
      String day = String.format("2024-%02d-20", m);
      String filed = java.time.LocalDate.parse(day).minusDays(9).toString();
      cases.add(aCase("R", "SMALL", "paper", filed, null, day));
      cases.add(aCase("R", "SMALL", "paper", filed, null, day));
    }
    cases.add(aCase("R", "SMALL", "paper", "2024-12-22", null, "2025-01-20"));
    cases.add(aCase("R", "SMALL", "paper", "2024-12-22", null, "2025-01-20"));
    Dataset<Row> caseRows = SharedSpark.spark().createDataFrame(cases, CASES);

    List<LabelPower.Line> lines = LabelPower.lines(labels, LabelPower.counts(courtMonths, serviceMonths, caseRows), QUEUES, 0.05,
        0.1, 12, 0.6, 0.02);
    assertEquals(8, lines.size());

    // Ordered by kind, entity type, entity, month.
    LabelPower.Line largeSurge = lines.get(0);
    assertEquals("filing_surge court LARGE 2025-01", largeSurge.label());
    assertEquals(100.0, largeSurge.expected(), 1e-12);
    // The card's line at 100 filings: × 1.71, so 200 is above it.
    assertEquals(PowerTable.surge(100, 0, 0.1, 0.05, 7_960) * 100, largeSurge.needed(), 1e-9);
    assertEquals(171, Math.round(largeSurge.needed()));
    assertTrue(largeSurge.above());

    // 25 filings against 10: the line asks × 3.34 (34), so the small court's surge is below it.
    LabelPower.Line smallSurge = lines.get(1);
    assertEquals(10.0, smallSurge.expected(), 1e-12);
    assertEquals(25L, smallSurge.observed());
    assertEquals(33.4, smallSurge.needed(), 0.05);
    assertFalse(smallSurge.above());
    assertEquals("25 against 10.0 expected; 8 times in 10 needs at least 34", smallSurge.words());

    // A registration lag is read only in a month of at least 10 registered e-filings.
    LabelPower.Line unseen = lines.get(2);
    assertEquals("registration_lag region R 2025-01", unseen.label());
    assertEquals(1L, unseen.observed());
    assertFalse(unseen.above());
    assertEquals("1 e-filings registered in the month; a month is scored from 10", unseen.words());
    assertTrue(lines.get(3).above());
    assertEquals(12L, lines.get(3).observed());

    // The outage: A's 100 requests at e_filing's national rate over 2024 (48 of 2,400 = 2%).
    LabelPower.Line outage = lines.get(4);
    assertEquals("service_outage", outage.kind());
    assertEquals(2.0, outage.expected(), 1e-12);
    assertEquals(PowerTable.surge(2, 0, 0.1, 0.05, 4_493) * 2, outage.needed(), 1e-9);
    assertTrue(outage.needed() < 20 && outage.above());

    // A slow court: two decisions at 1 + days × 3 against a line of × 9.5 for two decisions (spread
    // 0.6 √(1/2 + 0.02) = 0.433, z 4.37 + 0.84): below it.
    LabelPower.Line slow = lines.get(5);
    assertEquals("slow_court", slow.kind());
    assertEquals(3.0, slow.factor(), 1e-9);
    assertEquals(2L, slow.observed());
    assertEquals(PowerTable.slowdown(2, 0.6, 0.02, 0.05, 7_960), slow.needed(), 1e-12);
    assertEquals(9.5, slow.needed(), 0.1);
    assertFalse(slow.above());
    assertEquals("1 + days × 3.00 over 2 decisions against its trailing months; 8 times in 10 needs × 9.52", slow.words());

    // The stall's second month is read against 2024's 40 decisions, not against the first stalled month.
    for (LabelPower.Line stall : lines.subList(6, 8)) {
      assertEquals("stalled_court", stall.kind());
      assertEquals(40.0, stall.expected(), 1e-12, stall.period());
      assertEquals(PowerTable.stall(40, 0, 0.1, 0.05, 7_960) * 40, stall.needed(), 1e-9);
      assertTrue(stall.above());
    }
  }

  /** A court expecting 3 decisions: not even a month of none is below the bar 8 times in 10. */
  @Test
  void aStallOfACourtTooSmallToBeSeenIsBelowItsLine() {
    List<Row> courts = new ArrayList<>(courtYear("TINY", 3, 3));
    courts.add(RowFactory.create("TINY", "2025-01", 3L, 0L));
    Dataset<Row> courtMonths = SharedSpark.spark().createDataFrame(courts,
        StructType.fromDDL("court_id STRING, `period` STRING, incoming LONG, resolved LONG"));
    Dataset<Row> serviceMonths = SharedSpark.spark().createDataFrame(List.of(),
        StructType.fromDDL("region_code STRING, service STRING, `period` STRING, service_requests LONG, service_failures LONG"));
    Dataset<Row> labels = SharedSpark.spark().createDataFrame(List.of(RowFactory.create("court", "TINY", "2025-01", "resolved",
        "stalled_court")), StructType.fromDDL("entity_type STRING, entity_id STRING, `period` STRING, signal STRING, kind STRING"));
    Dataset<Row> noCases = SharedSpark.spark().createDataFrame(List.of(), CASES);
    LabelPower.Line stall = LabelPower.lines(labels, LabelPower.counts(courtMonths, serviceMonths, noCases), QUEUES, 0.05, 0.1, 12,
        0.6, 0.02).get(0);
    assertFalse(stall.above());
    assertTrue(stall.needed() < 0);
    assertEquals("0 against 3.00 expected; no count is flagged 8 times in 10 at that size", stall.words());
  }
}
