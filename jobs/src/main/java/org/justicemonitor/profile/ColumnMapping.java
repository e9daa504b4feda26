package org.justicemonitor.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one contract column is made from a source row: exactly one of a source column (a dotted
 * path reaches into a JSON object), a Spark SQL expression over source columns, or a constant;
 * then, optionally, a value map and a date or timestamp format.
 *
 * @param column the contract column
 * @param source a source column, e.g. {@code date_of_filing} or {@code _source.formato.codigo}
 * @param expression Spark SQL over the source columns, e.g. {@code concat(state_code, '-', dist_code)}
 * @param constant the same value on every row (null: the column stays empty)
 * @param values source value to contract value; a value not in the map is quarantined, never guessed
 * @param formats the source's date or timestamp patterns (Spark's datetime patterns), tried in
 *     order: a source that writes the same column in two ways (DataJud's ISO and compact dates)
 *     lists both; empty for ISO 8601
 */
public record ColumnMapping(
    String column,
    Optional<String> source,
    Optional<String> expression,
    Optional<Optional<String>> constant,
    Optional<Map<String, String>> values,
    List<String> formats) {

  public ColumnMapping {
    int ways = (source.isPresent() ? 1 : 0) + (expression.isPresent() ? 1 : 0) + (constant.isPresent() ? 1 : 0);
    if (ways != 1) {
      throw new IllegalArgumentException(
          "column " + column + ": give exactly one of \"source\", \"expr\" or \"constant\", not " + ways);
    }
    // A value may map to null (a known "unknown"), which Map.copyOf refuses.
    values = values.map(v -> Collections.unmodifiableMap(new LinkedHashMap<>(v)));
    formats = List.copyOf(formats);
  }

  /** What the column is made from, in the words of the profile, for reports. */
  public String describe() {
    if (source.isPresent()) {
      return source.get();
    }
    if (expression.isPresent()) {
      return "expr: " + expression.get();
    }
    return "constant: " + constant.get().map(v -> "'" + v + "'").orElse("null");
  }
}
