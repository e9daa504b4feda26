package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The audit record of an anomalies run ({@code anomalies/model-record.json}): what ran, on what
 * data, with which settings, and how well the models fit. {@code docs/model-card.md} explains the
 * method in words.
 */
final class ModelRecord {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();
  private final ArrayNode models;

  ModelRecord(AnomalyOptions o, String codeVersion) {
    root.put("run_at", Instant.now().toString());
    root.put("code_version", codeVersion);
    root.put("as_of", o.asOf().toString());
    root.put("threshold", o.threshold());
    root.put("trailing_months", o.trailingMonths());
    root.put("min_history_months", o.minHistory());
    root.put("seed", o.seed());
    root.put("reused_saved_models", o.reuseModels());
    root.put("reviews", o.reviews().orElse(null));
    root.put("note", "Flags are candidates for human review, never decisions.");
    models = root.putArray("models");
  }

  /** A fingerprint of a training table: its row count and an order-independent hash of its rows. */
  static String fingerprint(Dataset<Row> rows) {
    Column hash = xxhash64(java.util.Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
    Row r = rows.agg(count(lit(1)), sum(hash.cast("decimal(38,0)"))).first();
    return r.getLong(0) + " rows, xxhash64 sum " + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
  }

  ObjectNode model(String name, String type, String savedTo) {
    ObjectNode m = models.addObject();
    m.put("name", name);
    m.put("type", type);
    m.put("saved_to", savedTo);
    return m;
  }

  static void putAll(ObjectNode node, String field, Map<String, ?> values) {
    ObjectNode n = node.putObject(field);
    values.forEach((k, v) -> n.putPOJO(k, v));
  }

  static void putList(ObjectNode node, String field, List<String> values) {
    ArrayNode a = node.putArray(field);
    values.forEach(a::add);
  }

  ObjectNode root() {
    return root;
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
