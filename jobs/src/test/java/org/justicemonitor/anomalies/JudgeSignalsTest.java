package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** A judge's workload by month, and days to decision against the other judges of the court. */
@ExtendWith(SharedSpark.class)
class JudgeSignalsTest {

  private static final StructType CASES = StructType.fromDDL(
      "judge_id STRING, court_id STRING, court_level STRING, case_category STRING, filed_at DATE, decided_at DATE");
  private static final AnomalyOptions OPTIONS = AnomalyOptions.of(LocalDate.of(2025, 12, 31));

  private static Row decidedCase(String judge, String category, String filed, String decided) {
    return RowFactory.create(judge, "C1", "district", category, Date.valueOf(filed), decided == null ? null : Date.valueOf(decided));
  }

  private static Dataset<Row> cases(List<Row> rows) {
    return SharedSpark.spark().createDataFrame(rows, CASES);
  }

  @Test
  void aJudgesMonthsCountCasesAssignedDecidedAndPendingAtTheMonthsEnd() {
    List<Row> rows = List.of(
        decidedCase("J1", "civil", "2024-01-05", "2024-02-10"),
        decidedCase("J1", "civil", "2024-01-06", "2024-03-01"),
        decidedCase("J1", "civil", "2024-02-03", null),
        decidedCase("J2", "civil", "2024-02-01", "2024-02-20"),
        decidedCase("J2", "civil", "2024-03-02", "2024-04-01")); // decided after the last scored month: pending
    Dataset<Row> cases = cases(rows);
    Dataset<Row> courts = cases.select("court_id", "court_level").distinct();
    List<Row> months = CountSignals.judgeMonths(cases, JudgeDays.decidedCells(cases, "2024-03"), courts, "2024-03")
        .select("judge_id", "period", "assigned", "decided", "pending", "court_assigned", "court_decided", "court_pending")
        .orderBy("judge_id", "period").collectAsList();
    // Worked by hand: J1 holds a and b at January's end, b and c at February's, c at March's; J2
    // starts in February (d filed and decided), holds e at March's end.
    assertEquals(List.of(
        RowFactory.create("J1", "2024-01", 2L, 0L, 2L, 2L, 0L, 2L),
        RowFactory.create("J1", "2024-02", 1L, 1L, 2L, 2L, 2L, 2L),
        RowFactory.create("J1", "2024-03", 0L, 1L, 1L, 1L, 1L, 2L),
        RowFactory.create("J2", "2024-02", 1L, 1L, 0L, 2L, 2L, 2L),
        RowFactory.create("J2", "2024-03", 1L, 0L, 1L, 1L, 1L, 2L)).toString(), months.toString());
  }

  @Test
  void aJudgeTwiceAsSlowAsThePeersOfTheCourtIsAgainstThemAndFewDecisionsAreNotScored() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // March, civil: J1 takes 39 or 79 days (log 40, log 80), J2 19 or 39 (log 20, log 40).
      rows.add(decidedCase("J1", "civil", i % 2 == 0 ? "2024-01-22" : "2023-12-13", "2024-03-01"));
      rows.add(decidedCase("J2", "civil", i % 2 == 0 ? "2024-02-11" : "2024-01-22", "2024-03-01"));
    }
    for (int i = 0; i < 5; i++) {
      rows.add(decidedCase("J1", "criminal", "2024-01-01", "2024-03-15")); // no peer: left out of the comparison
    }
    for (int i = 0; i < 10; i++) {
      // April: 9 decisions of J1 are too few to speak of, and so J2's peers.
      if (i < 9) {
        rows.add(decidedCase("J1", "civil", "2024-03-01", "2024-04-10"));
      }
      rows.add(decidedCase("J2", "civil", "2024-03-01", "2024-04-10"));
    }
    List<Row> out = JudgeDays.candidates(JudgeDays.decidedCells(cases(rows), "2024-12"), OPTIONS).orderBy("entity_id").collectAsList();
    assertEquals(2, out.size(), out.toString());
    Row slow = out.get(0);
    assertEquals("J1", slow.<String>getAs("entity_id"));
    assertEquals("2024-03", slow.<String>getAs("period"));
    assertEquals("judge", slow.<String>getAs("entity_type"));
    assertEquals(Math.sqrt(40 * 80) - 1, slow.<Double>getAs("actual"), 1e-9);
    assertEquals(Math.sqrt(20 * 40) - 1, slow.<Double>getAs("expected"), 1e-9);
    // The spread of single decisions about their cell means: 20 decisions ± log(2)/2 in March's
    // two cells, none in the constant cells; 9 + 9 + 4 + 8 + 9 degrees of freedom.
    double variance = 20 * Math.pow(Math.log(2) / 2, 2) / 39;
    double t = (Math.log(2) - Math.log1p(OPTIONS.minChange())) / Math.sqrt(variance * (1.0 / 10 + (10.0 * 10 / 10) / (10 * 10)));
    assertEquals(1 - new TDistribution(39).cumulativeProbability(t), slow.<Double>getAs("p_value"), 1e-9);
    assertTrue(slow.<Double>getAs("p_value") < 1e-3);
    assertTrue(slow.<String>getAs("explanation").startsWith("typical days to decision 56 over 10 decisions against about 27"
        + " for the other judges of the same court on cases of the same categories that month (10 decisions)"),
        slow.<String>getAs("explanation"));
    assertEquals("J2", out.get(1).<String>getAs("entity_id"));
    assertTrue(out.get(1).<Double>getAs("p_value") > 0.99);
  }
}
