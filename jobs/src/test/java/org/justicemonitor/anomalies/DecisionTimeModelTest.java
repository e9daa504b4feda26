package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SharedSpark;

/**
 * Six courts over two years, civil cases taking about 40 days and criminal ones about 80; court
 * C3 takes 300 days in April 2025. Court C6 hears only criminal cases: slower, but as its case
 * mix predicts.
 */
@ExtendWith(SharedSpark.class)
class DecisionTimeModelTest {

  private static final AnomalyOptions OPTIONS = AnomalyOptions.of(LocalDate.of(2025, 12, 31));

  static Dataset<Row> cases() {
    StructType schema = StructType.fromDDL(
        "court_id STRING, court_level STRING, region_code STRING, case_category STRING, "
        + "filing_channel STRING, hearing_format STRING, filed_at DATE, decided_at DATE");
    List<Row> rows = new ArrayList<>();
    for (int court = 1; court <= 6; court++) {
      for (int m = 0; m < 24; m++) {
        LocalDate decided = LocalDate.of(2024, 1, 15).plusMonths(m);
        for (int i = 0; i < 8; i++) {
          boolean criminal = court == 6 || i % 2 == 1;
          int days = (criminal ? 80 : 40) + i % 5;
          if (court == 3 && decided.getYear() == 2025 && decided.getMonthValue() == 4) {
            days = 300 + i % 5;
          }
          rows.add(RowFactory.create("C" + court, "district", court <= 3 ? "71" : "75", criminal ? "criminal" : "civil",
              "paper", i % 3 == 0 ? "online" : "in_person", Date.valueOf(decided.minusDays(days)), Date.valueOf(decided)));
        }
      }
    }
    return SharedSpark.spark().createDataFrame(rows, schema);
  }

  @Test
  void aCourtFarSlowerThanItsCaseMixPredictsIsFlagged() {
    Dataset<Row> rows = DecisionTimeModel.rows(cases(), "2025-12");
    PipelineModel model = DecisionTimeModel.train(rows);
    List<Row> flagged = DecisionTimeModel.candidates(model, rows, OPTIONS).rows().filter(col("p_value").lt(1e-6))
        .collectAsList();
    assertEquals(1, flagged.size(), flagged.toString());
    Row f = flagged.get(0);
    assertEquals(List.of("court", "C3", "2025-04", "days_to_decision"), List.of(f.getString(0), f.getString(1), f.getString(2), f.getString(3)));
    // The geometric mean of 300-304 days (civil) and 300-304 (criminal): about 302.
    assertEquals(302, f.<Double>getAs("actual"), 1.0);
    double expected = f.<Double>getAs("expected");
    assertTrue(expected > 40 && expected < 80, "expected " + expected);
    assertTrue(f.<String>getAs("explanation").startsWith("typical days to decision 302 over 8 decisions against about "),
        f.getString(7));
    assertTrue(f.<String>getAs("top_features").contains("case_category"), f.getString(8));
  }

  @Test
  void aSavedModelReloadsAndScoresTheSame(@TempDir Path dir) {
    Dataset<Row> rows = DecisionTimeModel.rows(cases(), "2025-12");
    PipelineModel model = DecisionTimeModel.train(rows);
    String path = dir.resolve("days_to_decision").toString();
    DecisionTimeModel.save(model, path);
    PipelineModel reloaded = PipelineModel.load(path);
    List<Row> before = model.transform(rows).select("prediction").collectAsList();
    List<Row> after = reloaded.transform(rows).select("prediction").collectAsList();
    assertEquals(before, after);
    // Civil cases take about half as long as criminal ones (the reference level, last in
    // alphabetical order): the coefficient is about ln(42/82).
    double civil = DecisionTimeModel.coefficients(reloaded, reloaded.transform(rows)).get("case_category").get("civil");
    assertEquals(Math.log(42.0 / 82), civil, 0.05);
  }
}
