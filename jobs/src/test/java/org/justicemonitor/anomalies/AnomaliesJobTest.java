package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.detection.Evaluation;

/** End to end on data-samples/: the flags, their audit record, saved models, and the labels. */
@ExtendWith(SharedSpark.class)
class AnomaliesJobTest {

  static Path output;

  @BeforeAll
  static void run() {
    output = SampleRun.anomalies();
  }

  private static Dataset<Row> flags() {
    return SharedSpark.spark().read().parquet(output.resolve("anomalies/flags").toString());
  }

  @Test
  void flagsHaveTheContractsColumnsRanksAndExplanations() {
    List<String> columns = List.of(flags().columns());
    assertEquals(List.of("entity_type", "entity_id", "period", "signal", "actual", "expected", "score", "rank", "explanation"),
        columns.subList(0, 9));
    List<Row> rows = flags().orderBy("rank").collectAsList();
    assertTrue(rows.size() >= 10, "flags: " + rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals(i + 1, (int) r.getAs("rank"));
      assertTrue(r.<Double>getAs("q_value") <= AnomalyOptions.FDR);
      assertEquals(-Math.log10(r.<Double>getAs("q_value")), r.<Double>getAs("score"), 0.01);
      if (i > 0) {
        assertTrue(r.<Double>getAs("score") <= rows.get(i - 1).<Double>getAs("score"));
      }
      assertTrue(r.<String>getAs("explanation").matches(".*\\d.*"), r.getString(8));
      assertTrue(List.of("court", "judge", "region", "region_service").contains(r.getString(0)));
      assertTrue(r.<String>getAs("explanation").contains("months would look like this by chance"), r.getString(8));
    }
    // One row per flagged entity and month.
    assertEquals(rows.size(), flags().select("entity_type", "entity_id", "period").distinct().count());
  }

  @Test
  void theInjectedAnomaliesAreFoundBySignalsOfTheirKind() {
    Dataset<Row> labels = SharedSpark.spark().read().option("header", true).csv(SampleRun.SAMPLES.resolve("labels/anomalies.csv").toString());
    Dataset<Row> courts = SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString())
        .select("court_id", "region_code").distinct();
    Evaluation.Result r = Evaluation.evaluate(flags(), labels, courts, 10, Signal.kinds());
    List<String> clear = List.of("filing_surge", "registration_lag", "stalled_court");
    List<Evaluation.KindRecall> kinds = r.kinds().stream().filter(k -> clear.contains(k.kind())).toList();
    assertEquals(clear, kinds.stream().map(Evaluation.KindRecall::kind).sorted().toList(), "every clear kind is labelled");
    for (Evaluation.KindRecall k : kinds) {
      assertTrue(k.labels() > 0, k.kind());
      assertEquals(k.labels(), k.found(), k.kind());
      assertEquals(1.0, k.precision(), 1e-12, k.kind());
    }
    // data-samples is small (about 30 cases per court and month): two outages of 5 and 7 requests
    // and two slow courts that moved typical days by two usual spreads are below what any test
    // can tell from chance (docs/model-card.md). These bounds guard against a regression.
    assertTrue(r.precision() >= 0.9, "precision " + r.precision());
    assertTrue(r.recall() >= 0.75, "recall " + r.recall());
  }

  @Test
  void theModelRecordSaysWhatRanOnWhat() throws IOException {
    JsonNode record = new ObjectMapper().readTree(output.resolve("anomalies/model-record.json").toFile());
    assertEquals("2025-12-31", record.get("as_of").asText());
    assertEquals(AnomalyOptions.FDR, record.get("fdr_level").asDouble(), 0.0);
    // Six count models (cases filed and decided, failures, the judges' new, decided and pending
    // cases), days to decision, the profile.
    assertEquals(8, record.get("models").size());
    for (JsonNode m : record.get("models")) {
      assertTrue(m.get("training_data_fingerprint").asText().matches("\\d+ rows, xxhash64 sum -?\\d+"), m.toString());
      assertTrue(m.has("metrics") && m.has("parameters") && m.has("training_window"), m.toString());
    }
    JsonNode days = null;
    for (JsonNode m : record.get("models")) {
      if (m.get("name").asText().equals("days_to_decision")) {
        days = m;
      }
      if (m.has("dispersion")) {
        // A count model says its family, its overdispersion and how each group's prior pools.
        assertTrue(m.get("family").asText().matches("(poisson, log|binomial, logit) link"), m.toString());
        assertTrue(m.at("/dispersion/alpha").asDouble() >= 0, m.toString());
        assertTrue(m.at("/pooling/priors").size() >= 1, m.toString());
        double median = m.at("/pooling/own_weight/median").asDouble();
        assertTrue(median >= 0 && median <= 1, m.toString());
        // In a fixed order, so that a rerun writes the same record (a Map.of's order changes from one JVM to the next).
        List<String> keys = new java.util.ArrayList<>();
        m.at("/pooling/own_weight").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("min", "median", "max"), keys);
      }
    }
    double r2 = days.get("metrics").get("r2").asDouble();
    assertTrue(r2 > 0.2 && r2 < 1, "R² of the days-to-decision model: " + r2);
    assertEquals(flags().count(), record.get("flags").get("total").asLong());
    // The tests the false-discovery control was across: every signal's scored entity-months.
    JsonNode candidates = record.get("candidates");
    long bySignal = 0;
    for (JsonNode n : candidates.get("by_signal")) {
      bySignal += n.asLong();
    }
    assertEquals(candidates.get("total").asLong(), bySignal);
    assertTrue(candidates.get("total").asLong() > 100 * record.get("flags").get("total").asLong(), candidates.toString());
    assertTrue(candidates.at("/by_signal/judge_pending").asLong() > 0, candidates.toString());
    assertTrue(candidates.at("/by_signal/judge_days_to_decision").asLong() > 0, candidates.toString());
  }

  @Test
  void savedModelsScoreTheSameFlagsWithoutRetraining() throws IOException {
    byte[] before = Files.readAllBytes(output.resolve("anomalies/flags.csv"));
    // Scored in a copy: other classes read the sample run meanwhile.
    Path rescored = SampleRun.copy();
    SampleRun.runAnomalies(rescored, new AnomalyOptions(SampleRun.AS_OF, AnomalyOptions.FDR, AnomalyOptions.MIN_CHANGE,
        AnomalyOptions.TRAILING_MONTHS,
        AnomalyOptions.SEED, Optional.empty(), true));
    assertArrayEquals(before, Files.readAllBytes(rescored.resolve("anomalies/flags.csv")));
    JsonNode record = new ObjectMapper().readTree(rescored.resolve("anomalies/model-record.json").toFile());
    assertTrue(record.get("reused_saved_models").asBoolean());
  }
}
