package org.justicemonitor.contract;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One input dataset of the data contract: its directory name, its columns, the row rules the
 * contract states for it, and how its clean table is laid out on disk. Ingest reads all of it
 * from here, so a new dataset is a declaration in {@link Contract}, not a branch in the ingest.
 *
 * @param timeOrder dates and times that must not go backwards, in their required order
 * @param presenceRules columns that may only be present with another one
 * @param versionKey the identifier whose later rows replace earlier ones (the contract's case
 *     versions); empty when every row stands on its own
 * @param partition the column the clean table is partitioned by on disk, derived from a value;
 *     empty for a table small enough to be one file
 * @param sortKeys the order of rows within each file of the clean table (the ingest breaks ties
 *     by where each row was read), so a rerun writes the same rows in the same order
 */
public record DatasetSpec(
    String name,
    List<ColumnSpec> columns,
    List<String> timeOrder,
    List<PresenceRule> presenceRules,
    Optional<String> versionKey,
    Optional<Partition> partition,
    List<String> sortKeys) {

  /**
   * A column that may only be present when another one is, e.g. an outcome only with a decision;
   * or, with {@code whenAbsent}, one that must be present when another is not (a rollout names a
   * court or, failing that, a region).
   *
   * @param reasonCode the quarantine reason of a row that breaks the rule
   */
  public record PresenceRule(String column, String requires, String reasonCode, boolean whenAbsent) {

    public PresenceRule(String column, String requires, String reasonCode) {
      this(column, requires, reasonCode, false);
    }
  }

  /** A partition column of the clean table, computed from the row's values. */
  public record Partition(String column, DataType type, Column value) {}

  public DatasetSpec {
    columns = List.copyOf(columns);
    timeOrder = List.copyOf(timeOrder);
    presenceRules = List.copyOf(presenceRules);
    sortKeys = List.copyOf(sortKeys);
    for (String c : concat(timeOrder, sortKeys, presenceRules.stream().flatMap(r -> List.of(r.column(), r.requires()).stream()).toList(),
        versionKey.stream().toList())) {
      if (columns.stream().noneMatch(s -> s.name().equals(c))) {
        throw new IllegalArgumentException(name + ": no column " + c);
      }
    }
  }

  /** A dataset with columns only: no row rules, versions or layout (a profile's source columns, say). */
  public DatasetSpec(String name, List<ColumnSpec> columns) {
    this(name, columns, List.of(), List.of(), Optional.empty(), Optional.empty(), List.of());
  }

  public DatasetSpec withTimeOrder(String... columnsInOrder) {
    return new DatasetSpec(name, columns, List.of(columnsInOrder), presenceRules, versionKey, partition, sortKeys);
  }

  public DatasetSpec withPresenceRule(String column, String requires, String reasonCode) {
    List<PresenceRule> rules = new java.util.ArrayList<>(presenceRules);
    rules.add(new PresenceRule(column, requires, reasonCode));
    return new DatasetSpec(name, columns, timeOrder, rules, versionKey, partition, sortKeys);
  }

  /** Rows must have {@code column} or, when it is empty, {@code otherwise}. */
  public DatasetSpec withOneOf(String column, String otherwise, String reasonCode) {
    List<PresenceRule> rules = new java.util.ArrayList<>(presenceRules);
    rules.add(new PresenceRule(column, otherwise, reasonCode, true));
    return new DatasetSpec(name, columns, timeOrder, rules, versionKey, partition, sortKeys);
  }

  public DatasetSpec versionedBy(String identifier) {
    return new DatasetSpec(name, columns, timeOrder, presenceRules, Optional.of(identifier), partition, sortKeys);
  }

  public DatasetSpec partitionedBy(String column, DataType type, Column value) {
    return new DatasetSpec(name, columns, timeOrder, presenceRules, versionKey,
        Optional.of(new Partition(column, type, value)), sortKeys);
  }

  public DatasetSpec sortedBy(String... keys) {
    return new DatasetSpec(name, columns, timeOrder, presenceRules, versionKey, partition, List.of(keys));
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public List<ColumnSpec> requiredColumns() {
    return columns.stream().filter(ColumnSpec::required).toList();
  }

  /** Every contract column as text: how inputs are read before they are validated. */
  public StructType rawSchema() {
    return new StructType(
        columns.stream()
            .map(c -> DataTypes.createStructField(c.name(), DataTypes.StringType, true))
            .toArray(StructField[]::new));
  }

  /** The typed schema of the validated table. */
  public StructType typedSchema() {
    return new StructType(
        columns.stream()
            .map(c -> DataTypes.createStructField(c.name(), sparkType(c.type()), !c.required()))
            .toArray(StructField[]::new));
  }

  /** The schema of the clean table as stored: the typed columns, then the partition column. */
  public StructType storedSchema() {
    StructType schema = typedSchema();
    return partition.map(p -> schema.add(p.column(), p.type())).orElse(schema);
  }

  public static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING, ENUM -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case BOOLEAN -> DataTypes.BooleanType;
      case LONG -> DataTypes.LongType;
    };
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
