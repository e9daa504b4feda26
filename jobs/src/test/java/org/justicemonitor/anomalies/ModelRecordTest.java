package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.clustering.KMeans;
import org.junit.jupiter.api.Test;
import org.justicemonitor.io.Json;

/** The model record: parameters read off the estimator, written and read back without loss. */
class ModelRecordTest {

  @Test
  void parametersAreReadOffTheEstimatorWithTheirDefaults() {
    Map<String, Object> p = ModelRecord.parameters(new KMeans().setK(3).setSeed(7));
    assertEquals(3, p.get("k"));
    assertEquals(7L, p.get("seed"));
    // A parameter never set is recorded too, with the value the estimator will use.
    assertEquals(new KMeans().getMaxIter(), p.get("maxIter"));
    assertEquals(List.copyOf(new java.util.TreeSet<>(p.keySet())), List.copyOf(p.keySet()), "sorted by name");
  }

  @Test
  void writtenAndReadBackTheRecordIsTheSame() throws Exception {
    AnomalyOptions o = new AnomalyOptions(LocalDate.of(2025, 12, 31), 0.01, 0.5, 12, 42L, Optional.empty(), false);
    ModelRecord.Model model = new ModelRecord.Model("indicator_profile", "Spark MLlib KMeans", "/out/anomalies/models/p",
        null, List.of("z_a", "z_b"), ModelRecord.parameters(new KMeans().setK(3).setSeed(42)),
        new ModelRecord.Window("2023-01", "2025-12"), "12 rows, xxhash64 sum 5", Map.of("training_cost", 1.5), null,
        "usual months", "distance", "poisson, log link", Map.of("alpha", 0.02), Map.of("prior_group", "peer_group"));
    ModelRecord record = ModelRecord.of(o, "0.1.0", "2026-01-01T00:00:00Z", List.of(model),
        new ModelRecord.SignalCounts(90, Map.of("incoming", 90L)), new ModelRecord.SignalCounts(2, Map.of("incoming", 2L)),
        new ModelRecord.ReviewCounts(1, 0, 0, 1));
    String text = Json.write(record);

    JsonNode read = new ObjectMapper().readTree(text);
    assertEquals("2025-12-31", read.get("as_of").asText());
    assertEquals(12, read.get("trailing_months").asInt());
    assertEquals(6, read.get("min_history_months").asInt());
    assertEquals(ModelRecord.NOTE, read.get("note").asText());
    assertEquals(3, read.at("/models/0/parameters/k").asInt());
    assertEquals("2023-01", read.at("/models/0/training_window/from").asText());
    assertFalse(read.get("models").get(0).has("formula"), "absent fields are left out, not null");
    assertEquals(2, read.at("/flags/by_signal/incoming").asInt());
    assertEquals(90, read.at("/candidates/total").asInt());
    assertEquals(1, read.at("/reviews_counted/confirmed_still_flagged").asInt());
    assertEquals(text, Json.write(Json.read(read, ModelRecord.class)), "read back and written again: the same text");
  }
}
