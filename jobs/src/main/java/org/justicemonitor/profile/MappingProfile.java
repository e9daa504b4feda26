package org.justicemonitor.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.contract.ColumnType;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.ingest.InputMapping;
import org.justicemonitor.ingest.SourceMapping;
import org.justicemonitor.io.InputFiles;

/**
 * A mapping profile (docs/mapping-profiles.md): how a foreign extract becomes the contract's
 * datasets, read from a small JSON file (comments allowed) so that a new source needs a file,
 * not code. Every mistake in the file is reported by name when it is loaded, before Spark reads
 * any data.
 *
 * @param name the profile's name, e.g. {@code datajud}
 * @param file where it was read from
 * @param sha256 of the file's bytes: a changed profile maps the same files differently
 * @param regionsFile the region reference to use instead of the input root's or the shipped one
 * @param earliestDate the earliest valid date, instead of the contract's 2000-01-01
 * @param datasets the datasets the profile maps; the others are read as the contract says
 */
public record MappingProfile(
    String name,
    String file,
    String sha256,
    Optional<String> regionsFile,
    Optional<LocalDate> earliestDate,
    Map<DatasetSpec, DatasetMapping> datasets) {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
  private static final Set<String> TOP_KEYS = Set.of("profile", "description", "documentation", "regions", "rules", "datasets");
  private static final Set<String> RULE_KEYS = Set.of("earliest_date");
  private static final Set<String> DATASET_KEYS =
      Set.of("directory", "csv", "schema", "time_zone", "booleans", "numbers", "lookups", "deduplicate", "columns");
  private static final Set<String> LOOKUP_KEYS = Set.of("file", "on", "note");
  private static final Set<String> DEDUPLICATE_KEYS = Set.of("key", "newest", "note");
  private static final Set<String> CSV_KEYS = Set.of("delimiter", "quote", "escape", "encoding", "header");
  private static final Set<String> COLUMN_KEYS = Set.of("source", "expr", "constant", "values", "format", "note");

  public MappingProfile {
    datasets = Map.copyOf(datasets);
  }

  public Optional<DatasetMapping> dataset(DatasetSpec spec) {
    return Optional.ofNullable(datasets.get(spec));
  }

  /** The profile as ingest applies it. */
  public InputMapping toInputMapping() {
    Map<DatasetSpec, SourceMapping> sources = new LinkedHashMap<>();
    datasets.forEach((spec, mapping) -> sources.put(spec, new ProfileSource(this, mapping)));
    return new InputMapping(sources, regionsFile, earliestDate.orElse(Contract.EARLIEST_DATE), name + " sha256:" + sha256);
  }

  /** Reads a profile from a local or cluster path; relative paths inside it are relative to its directory. */
  public static MappingProfile load(SparkSession spark, String file) {
    if (!InputFiles.exists(spark, file)) {
      throw new IllegalArgumentException("no mapping profile at " + file + "; pass --profile FILE (see docs/mapping-profiles.md)");
    }
    return parse(InputFiles.readSmallText(spark, file), file);
  }

  static MappingProfile parse(String text, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": a mapping profile is a JSON object");
    }
    String where = file;
    checkKeys(root, TOP_KEYS, where);
    String name = text(root, "profile", where).orElseThrow(() -> new IllegalArgumentException(where + ": name the profile in \"profile\""));
    Optional<String> regions = text(root, "regions", where).map(r -> resolve(file, r));
    Optional<LocalDate> earliest = Optional.empty();
    if (root.has("rules")) {
      checkKeys(root.get("rules"), RULE_KEYS, where + " rules");
      earliest = text(root.get("rules"), "earliest_date", where + " rules").map(d -> date(d, where + " rules.earliest_date"));
    }
    JsonNode datasets = root.path("datasets");
    if (!datasets.isObject() || datasets.isEmpty()) {
      throw new IllegalArgumentException(where + ": \"datasets\" maps at least one of " + datasetNames());
    }
    Map<DatasetSpec, DatasetMapping> mappings = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = datasets.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      DatasetSpec spec = Contract.INGESTED.stream().filter(s -> s.name().equals(e.getKey())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(where + ": no contract dataset " + e.getKey() + "; use one of " + datasetNames()));
      mappings.put(spec, dataset(spec, e.getValue(), where + " datasets." + spec.name()));
    }
    return new MappingProfile(name, file, sha256(text), regions, earliest, mappings);
  }

  private static DatasetMapping dataset(DatasetSpec spec, JsonNode node, String where) {
    checkKeys(node, DATASET_KEYS, where);
    Map<String, String> csv = new LinkedHashMap<>();
    if (node.has("csv")) {
      checkKeys(node.get("csv"), CSV_KEYS, where + ".csv");
      node.get("csv").fields().forEachRemaining(f -> csv.put(f.getKey(), f.getValue().asText()));
    }
    Optional<String> zone = text(node, "time_zone", where);
    zone.ifPresent(z -> {
      try {
        ZoneId.of(z);
      } catch (RuntimeException bad) {
        throw new IllegalArgumentException(where + ".time_zone: not a time zone: " + z);
      }
    });
    List<String> trueValues = new ArrayList<>();
    List<String> falseValues = new ArrayList<>();
    if (node.has("booleans")) {
      checkKeys(node.get("booleans"), Set.of("true", "false"), where + ".booleans");
      node.get("booleans").path("true").forEach(v -> trueValues.add(v.asText()));
      node.get("booleans").path("false").forEach(v -> falseValues.add(v.asText()));
    }
    Optional<String> decimal = Optional.empty();
    Optional<String> grouping = Optional.empty();
    if (node.has("numbers")) {
      checkKeys(node.get("numbers"), Set.of("decimal", "grouping"), where + ".numbers");
      decimal = text(node.get("numbers"), "decimal", where + ".numbers");
      grouping = text(node.get("numbers"), "grouping", where + ".numbers");
    }
    Optional<String> schema = text(node, "schema", where);
    schema.ifPresent(ddl -> {
      try {
        StructType.fromDDL(ddl);
      } catch (Exception bad) {
        throw new IllegalArgumentException(where + ".schema: not a Spark DDL column list (e.g. \"id STRING, court STRUCT<code: INT>\"): "
            + String.valueOf(bad.getMessage()).lines().findFirst().orElse(""));
      }
    });
    if ("false".equalsIgnoreCase(csv.getOrDefault("header", "true")) && schema.isEmpty()) {
      throw new IllegalArgumentException(where + ": CSV files without a header need a \"schema\" naming their columns in order");
    }
    JsonNode columns = node.path("columns");
    if (!columns.isObject()) {
      throw new IllegalArgumentException(where + ": \"columns\" maps contract columns to their source");
    }
    Map<String, ColumnMapping> mapped = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ColumnSpec column = spec.column(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          where + ".columns: " + spec.name() + " has no column " + e.getKey() + "; its columns are " + spec.columnNames()));
      mapped.put(column.name(), column(column, e.getValue(), where + ".columns." + column.name()));
    }
    List<String> missing = spec.requiredColumns().stream().map(ColumnSpec::name).filter(c -> !mapped.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(where + ".columns: the contract requires " + missing + "; map them (a constant will do)");
    }
    return new DatasetMapping(spec, text(node, "directory", where).orElse(spec.name()), csv, schema,
        zone, trueValues, falseValues, decimal, grouping, mapped, lookups(node.get("lookups"), where + ".lookups"),
        deduplication(node.get("deduplicate"), where + ".deduplicate"));
  }

  /** {@code "lookups": {"type_names": {"file": "keys/type_name_key.csv", "on": ["year", "type_name"]}}}. */
  private static List<Lookup> lookups(JsonNode node, String where) {
    List<Lookup> lookups = new ArrayList<>();
    if (node == null || node.isNull()) {
      return lookups;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": an object from a lookup's name to its file and key columns");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = where + "." + e.getKey();
      if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException(at + ": a lookup's name is a plain identifier (letters, digits, _), as mappings refer to it");
      }
      checkKeys(e.getValue(), LOOKUP_KEYS, at);
      String file = text(e.getValue(), "file", at).orElseThrow(() -> new IllegalArgumentException(at + ": name its CSV in \"file\""));
      JsonNode on = e.getValue().path("on");
      Map<String, String> keys = new LinkedHashMap<>();
      if (on.isArray()) {
        on.forEach(k -> keys.put(k.asText(), k.asText()));
      } else if (on.isObject()) {
        on.fields().forEachRemaining(k -> keys.put(k.getKey(), k.getValue().asText()));
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(at + ".on: the key columns, [\"year\", \"type_name\"] when the source names them the same,"
            + " or {\"<lookup column>\": \"<source column or expression>\"}");
      }
      lookups.add(new Lookup(e.getKey(), file, keys));
    }
    return lookups;
  }

  /** {@code "deduplicate": {"key": ["_source.numeroProcesso", "_source.grau"], "newest": "_source.dataHoraUltimaAtualizacao"}}. */
  private static Optional<Deduplication> deduplication(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    checkKeys(node, DEDUPLICATE_KEYS, where);
    List<String> key = new ArrayList<>();
    node.path("key").forEach(k -> key.add(k.asText()));
    if (node.path("key").isTextual()) {
      key.add(node.path("key").asText());
    }
    String newest = text(node, "newest", where).orElse(null);
    if (key.isEmpty() || newest == null) {
      throw new IllegalArgumentException(where + ": give \"key\" (the source columns that name one record) and \"newest\""
          + " (what orders its copies; the greatest is kept)");
    }
    return Optional.of(new Deduplication(key, newest));
  }

  private static ColumnMapping column(ColumnSpec column, JsonNode node, String where) {
    if (node.isTextual()) {
      // Shorthand: "case_id": "numeroProcesso".
      return new ColumnMapping(column.name(), Optional.of(node.asText()), Optional.empty(), Optional.empty(), Optional.empty(),
          List.of());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": a source column name or an object with \"source\", \"expr\" or \"constant\"");
    }
    checkKeys(node, COLUMN_KEYS, where);
    Optional<Optional<String>> constant =
        node.has("constant") ? Optional.of(node.get("constant").isNull() ? Optional.empty() : Optional.of(node.get("constant").asText()))
            : Optional.empty();
    Optional<Map<String, String>> values = Optional.empty();
    if (node.has("values")) {
      if (!node.get("values").isObject()) {
        throw new IllegalArgumentException(where + ".values: an object from source value to contract value");
      }
      Map<String, String> map = new LinkedHashMap<>();
      node.get("values").fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
      for (String v : map.values()) {
        if (v != null && column.type() == ColumnType.ENUM && !column.allowedValues().contains(v)) {
          throw new IllegalArgumentException(where + ".values: " + v + " is not a value of " + column.name() + "; use one of "
              + column.allowedValues() + " (or null)");
        }
      }
      values = Optional.of(map);
    }
    List<String> formats = formats(node.get("format"), where + ".format");
    if (!formats.isEmpty() && column.type() != ColumnType.DATE && column.type() != ColumnType.TIMESTAMP) {
      throw new IllegalArgumentException(where + ".format: only dates and timestamps have a format; " + column.name() + " is "
          + column.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      return new ColumnMapping(column.name(), text(node, "source", where), text(node, "expr", where), constant, values, formats);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": give exactly one of \"source\", \"expr\" or \"constant\"");
    }
  }

  /** A pattern, or a list of patterns tried in order; each checked as Spark's datetime pattern. */
  private static List<String> formats(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<String> formats = new ArrayList<>();
    if (node.isTextual()) {
      formats.add(node.asText());
    } else if (node.isArray() && !node.isEmpty()) {
      for (JsonNode f : node) {
        if (!f.isTextual()) {
          throw new IllegalArgumentException(where + ": a pattern, or a list of patterns, e.g. [\"yyyy-MM-dd\", \"dd-MM-yyyy\"]");
        }
        formats.add(f.asText());
      }
    } else {
      throw new IllegalArgumentException(where + ": a pattern, or a list of patterns, e.g. [\"yyyy-MM-dd\", \"dd-MM-yyyy\"]");
    }
    for (String f : formats) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(f);
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException(where + ": not a datetime pattern: " + f + " (" + bad.getMessage() + ")");
      }
    }
    return formats;
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object");
    }
    Set<String> unknown = new TreeSet<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        unknown.add(k);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(where + ": unknown key " + String.join(", ", unknown) + "; known keys are " + new TreeSet<>(allowed));
    }
  }

  private static Optional<String> text(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException(where + "." + key + ": expected text");
    }
    return Optional.of(v.asText());
  }

  private static LocalDate date(String text, String where) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": not a date (YYYY-MM-DD): " + text);
    }
  }

  /** A path inside the profile, relative to the profile's directory unless absolute or with a scheme. */
  static String resolve(String profileFile, String path) {
    if (path.startsWith("/") || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return path;
    }
    int slash = profileFile.lastIndexOf('/');
    return slash < 0 ? path : profileFile.substring(0, slash + 1) + path;
  }

  private static String datasetNames() {
    return Contract.INGESTED.stream().map(DatasetSpec::name).toList().toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

