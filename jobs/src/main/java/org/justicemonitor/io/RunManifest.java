package org.justicemonitor.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@code _manifest.json}: what the published outputs under a root were made from and by which run.
 * It accumulates: a run replaces the entries of the outputs, inputs and settings it produced and
 * keeps the others from the manifest before it, so after {@code ingest} then {@code indicators}
 * it still names the input files of the ingest.
 */
public final class RunManifest {

  /** The manifest as written. Settings, inputs and outputs of earlier runs are kept as they were read. */
  record Document(
      String runId,
      String command,
      String codeVersion,
      String started,
      String finished,
      Map<String, JsonNode> settings,
      JsonNode inputs,
      Map<String, JsonNode> outputs) {}

  /**
   * One published output.
   *
   * @param rows rows of a Parquet table; absent for files and models
   * @param access who may see it: {@code public} or {@code restricted}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Output(String runId, Long rows, String access) {}

  private final String runId;
  private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final ObjectNode previous;
  private final Map<String, JsonNode> settings = new TreeMap<>();
  private JsonNode inputs;

  RunManifest(String runId, Optional<String> previousJson) {
    this.runId = runId;
    this.previous = previousJson.map(RunManifest::parse).orElseGet(Json::newObject);
  }

  /** The manifest of the outputs published before this run; an empty object when there are none. */
  public JsonNode previous() {
    return previous;
  }

  /** Records the settings of one stage of this run (a record), e.g. {@code ingest}. */
  public void settings(String stage, Object values) {
    settings.put(stage, Json.tree(values));
  }

  /** Records the input files the ingested tables now hold (a record): see {@code IngestJob}. */
  public void inputs(Object inputs) {
    this.inputs = Json.tree(inputs);
  }

  String toJson(String command, String codeVersion, List<String> outputs, ToLongFunction<String> rows,
      Function<String, String> access) {
    Map<String, JsonNode> allSettings = fields(previous.path("settings"));
    allSettings.putAll(settings);
    JsonNode allInputs = inputs != null ? inputs : previous.path("inputs").isObject() ? previous.get("inputs")
        : Json.newObject();
    Map<String, JsonNode> published = fields(previous.path("outputs"));
    for (String name : outputs) {
      long count = rows.applyAsLong(name);
      published.put(name, Json.tree(new Output(runId, count >= 0 ? count : null, access.apply(name))));
    }
    return Json.write(new Document(runId, command, codeVersion, started.toString(),
        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), allSettings, allInputs, published));
  }

  /** An object's fields, sorted by name: empty when it is not an object. */
  private static Map<String, JsonNode> fields(JsonNode node) {
    Map<String, JsonNode> out = new TreeMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static ObjectNode parse(String json) {
    try {
      return Json.parseObject(json);
    } catch (JsonProcessingException e) {
      // A damaged manifest describes nothing reliably: start afresh, and a full ingest follows.
      return Json.newObject();
    }
  }
}
