package org.justicemonitor.anomalies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
