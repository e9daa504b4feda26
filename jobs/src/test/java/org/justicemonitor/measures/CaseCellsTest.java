package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** The case cells of {@link CaseFlowTest}'s five hand-made cases, at two grains. */
@ExtendWith(SharedSpark.class)
class CaseCellsTest {

  @Test
  void cellsRolledUpFromAFinerGrainAreTheCellsOfTheCoarserOne() {
    Dataset<Row> finer = CaseCells.of(CaseFlowTest.cases(), List.of("region_code", "case_category", "filing_channel"));
    Dataset<Row> coarser = CaseCells.of(CaseFlowTest.cases(), List.of("region_code"));
    Dataset<Row> rolled = CaseCells.rolledUp(finer, List.of("region_code"));
    assertEquals(List.of(coarser.columns()), List.of(rolled.columns()));
    assertEquals(sorted(coarser), sorted(rolled));
    // February's incoming: cases 3 (civil, e-filing) and 4 (criminal, e-filing), two cells of one.
    assertEquals(List.of(1L, 1L), incomingIn(finer, "2025-02"));
    assertEquals(List.of(2L), incomingIn(rolled, "2025-02"));
    // Decided in February after 1 day: case 1 alone.
    assertEquals(1L, rolled.filter("month = '2025-02' AND measure = 'decision_days' AND value = 1").first().<Long>getAs("n"));
  }

  private static List<String> sorted(Dataset<Row> cells) {
    return cells.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<Long> incomingIn(Dataset<Row> cells, String month) {
    return cells.filter(col("month").equalTo(month).and(col("measure").equalTo("incoming"))).collectAsList().stream().map(r -> r.<Long>getAs("n")).toList();
  }
}
