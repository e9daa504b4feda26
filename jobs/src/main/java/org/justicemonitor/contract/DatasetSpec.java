package org.justicemonitor.contract;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One input dataset of the data contract: its directory name and its columns. */
public record DatasetSpec(String name, List<ColumnSpec> columns) {

  public DatasetSpec {
    columns = List.copyOf(columns);
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

  public static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING, ENUM -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case BOOLEAN -> DataTypes.BooleanType;
      case LONG -> DataTypes.LongType;
    };
  }
}
