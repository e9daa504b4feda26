package org.justicemonitor.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * {@code _manifest.json}: what the published outputs under a root were made from and by which run.
 * It accumulates: a run replaces the entries of the outputs, inputs and settings it produced and
 * keeps the others from the manifest before it, so after {@code ingest} then {@code indicators}
 * it still names the input files of the ingest.
 */
public final class RunManifest {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String runId;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final ObjectNode previous;
  private final ObjectNode settings = JSON.createObjectNode();
  private ObjectNode inputs;

  RunManifest(String runId, Optional<String> previousJson) {
    this.runId = runId;
    this.previous = previousJson.map(RunManifest::parse).orElseGet(JSON::createObjectNode);
  }

  /** The manifest of the outputs published before this run; an empty object when there are none. */
  public JsonNode previous() {
    return previous;
  }

  /** Records the settings of one stage of this run, e.g. {@code ingest}. */
  public void settings(String stage, JsonNode values) {
    settings.set(stage, values);
  }

  /** Records the input files the ingested tables now hold: see {@code IngestJob}. */
  public void inputs(ObjectNode inputs) {
    this.inputs = inputs;
  }

  public static ObjectNode newObject() {
    return JSON.createObjectNode();
  }

  String toJson(String command, String codeVersion, List<String> outputs, ToLongFunction<String> rows) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", runId);
    root.put("command", command);
    root.put("code_version", codeVersion);
    root.put("started", started.toString());
    root.put("finished", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());

    ObjectNode allSettings = previous.has("settings") ? ((ObjectNode) previous.get("settings")).deepCopy()
        : JSON.createObjectNode();
    allSettings.setAll(settings);
    root.set("settings", allSettings);
    root.set("inputs", inputs != null ? inputs : previous.path("inputs").isObject() ? previous.get("inputs")
        : JSON.createObjectNode());

    ObjectNode published = previous.has("outputs") ? ((ObjectNode) previous.get("outputs")).deepCopy()
        : JSON.createObjectNode();
    for (String name : outputs) {
      ObjectNode entry = JSON.createObjectNode();
      entry.put("run_id", runId);
      long count = rows.applyAsLong(name);
      if (count >= 0) {
        entry.put("rows", count);
      }
      published.set(name, entry);
    }
    root.set("outputs", sorted(published));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode out = JSON.createObjectNode();
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.stream().sorted().forEach(n -> out.set(n, node.get(n)));
    return out;
  }

  private static ObjectNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node instanceof ObjectNode o ? o : JSON.createObjectNode();
    } catch (JsonProcessingException e) {
      // A damaged manifest describes nothing reliably: start afresh, and a full ingest follows.
      return JSON.createObjectNode();
    }
  }
}
