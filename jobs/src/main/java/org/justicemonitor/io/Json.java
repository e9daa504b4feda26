package org.justicemonitor.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the project writes and reads its JSON files (summaries, the manifest, the model record):
 * Java records serialized by Jackson, their components in snake_case, indented, one trailing
 * line break. Jackson comes with Spark, so it costs no dependency.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}

  /** A record (or any value Jackson can write) as the text of a JSON file. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** A value as a JSON tree, to merge into a document that holds values of several kinds. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A JSON tree read back as a record; unknown fields are left out. */
  public static <T> T read(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** JSON text as a tree; empty object for text that is not a JSON object. */
  public static ObjectNode parseObject(String json) throws JsonProcessingException {
    JsonNode node = MAPPER.readTree(json);
    return node instanceof ObjectNode o ? o : MAPPER.createObjectNode();
  }

  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }
}
