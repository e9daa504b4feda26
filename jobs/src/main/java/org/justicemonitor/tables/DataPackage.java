package org.justicemonitor.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The published tables as a Frictionless Data Package ({@code indicators/datapackage.json}): one
 * resource per CSV copy, its fields (name, type, unit, description) in the file's order, its
 * primary key (the table's grain), and how empty and suppressed cells are written. Built from the
 * table declarations and the schemas the tables were written with, so it cannot drift from
 * either; pandas, R's {@code frictionless} and Excel's Power Query read it.
 */
public final class DataPackage {

  public static final String NAME = "datapackage.json";

  private DataPackage() {}

  /**
   * @param schemas each declared table's written schema, by {@link TableDeclaration#path}
   * @param k the disclosure threshold the tables were published under
   */
  public static Map<String, Object> of(List<TableDeclaration> tables, Map<String, StructType> schemas, int k) {
    Map<String, Object> pkg = new LinkedHashMap<>();
    pkg.put("profile", "tabular-data-package");
    pkg.put("name", "justice-monitor-indicators");
    pkg.put("title", "Justice Monitor: indicator tables");
    pkg.put("description", "Aggregates of court cases and e-justice service logs under statistical disclosure control"
        + " (k = " + k + "). An empty cell is not a zero: its <column>_status says why it is empty — C suppressed,"
        + " resting on 1 to " + (k - 1) + " cases; D suppressed as a complement, so that no small value can be worked"
        + " out from the others; M not applicable, no value can exist (nothing to divide). A published value has"
        + " status A. Columns without a status are never suppressed.");
    List<Object> resources = new ArrayList<>();
    for (TableDeclaration t : tables) {
      StructType schema = schemas.get(t.path());
      if (schema == null) {
        throw new IllegalStateException(t.path() + " was not written, so it cannot be described");
      }
      resources.add(resource(t, schema));
    }
    pkg.put("resources", resources);
    return pkg;
  }

  private static Map<String, Object> resource(TableDeclaration t, StructType schema) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", t.name());
    r.put("path", t.name() + ".csv");
    r.put("profile", "tabular-data-resource");
    r.put("format", "csv");
    r.put("mediatype", "text/csv");
    r.put("encoding", "utf-8");
    r.put("description", t.description());
    List<Object> fields = new ArrayList<>();
    for (String column : t.columns()) {
      StructField f = schema.apply(column);
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", column);
      field.put("type", type(f.dataType()));
      unit(t, column).ifPresent(u -> field.put("unit", u));
      field.put("description", t.describe(column).orElseThrow(
          () -> new IllegalStateException(t.name() + "." + column + " has no description in its declaration")));
      if (column.endsWith(CellStatus.SUFFIX) && t.describe(column).orElse("").startsWith("cell status")) {
        field.put("constraints", Map.of("enum", List.of("A", "C", "D", "M")));
      }
      fields.add(field);
    }
    Map<String, Object> tableSchema = new LinkedHashMap<>();
    tableSchema.put("fields", fields);
    tableSchema.put("primaryKey", t.grain());
    // Spark writes a null as an empty field; region codes and periods are text ("00", "2022-01").
    tableSchema.put("missingValues", List.of(""));
    r.put("schema", tableSchema);
    Map<String, Object> dialect = new LinkedHashMap<>();
    dialect.put("delimiter", ",");
    dialect.put("quoteChar", "\"");
    dialect.put("doubleQuote", true);
    dialect.put("header", true);
    r.put("dialect", dialect);
    return r;
  }

  /** Frictionless's type of a Spark column. */
  static String type(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "string";
    }
    if (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType) || type.equals(DataTypes.ShortType)) {
      return "integer";
    }
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType) || type instanceof DecimalType) {
      return "number";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "boolean";
    }
    if (type.equals(DataTypes.DateType)) {
      return "date";
    }
    if (type.equals(DataTypes.TimestampType)) {
      return "datetime";
    }
    throw new IllegalArgumentException("no Frictionless type for a published column of Spark type " + type.simpleString());
  }

  /** The unit of a value column, from what the measure is and how its name ends; none for keys and labels. */
  static Optional<String> unit(TableDeclaration t, String column) {
    Optional<Measure> measure = t.measure(column);
    if (measure.isEmpty()) {
      return Optional.empty();
    }
    Measure m = measure.get();
    return switch (m.kind()) {
      case COUNT -> Optional.of("count");
      case PER_POPULATION -> Optional.of("per 1,000 inhabitants");
      case RATIO, SHARE_OF_TOTAL -> Optional.of(column.endsWith("_days") ? "days" : "ratio");
      case STATISTIC, VALUE -> bySuffix(column);
      case FLAG -> Optional.empty();
    };
  }

  private static Optional<String> bySuffix(String column) {
    if (column.endsWith("_days") || column.contains("_days_")) {
      return Optional.of("days");
    }
    if (column.endsWith("_ms")) {
      return Optional.of("milliseconds");
    }
    if (column.endsWith("_minutes")) {
      return Optional.of("minutes");
    }
    if (column.endsWith("_hours")) {
      return Optional.of("hours");
    }
    if (column.endsWith("_share") || column.endsWith("_rate")) {
      return Optional.of("ratio");
    }
    return Optional.empty();
  }
}
