package org.justicemonitor.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.justicemonitor.contract.DatasetSpec;

/**
 * How a foreign extract becomes one contract dataset.
 *
 * @param spec the contract dataset made
 * @param directory the extract's directory under the input root
 * @param csvOptions Spark CSV options: delimiter, quote, escape, encoding, header
 * @param sourceSchema the extract's columns as Spark DDL, e.g. {@code id STRING, court STRUCT<code: INT>};
 *     required for JSON Lines with nested objects, optional for CSV (every column is text)
 * @param timeZone zone of source timestamps written without an offset
 * @param trueValues spellings of true, e.g. {@code S}, {@code sim}
 * @param falseValues spellings of false
 * @param decimalSeparator in numbers, e.g. {@code ,}
 * @param groupingSeparator thousands separator in numbers, e.g. {@code .} or a space
 * @param columns contract column to its mapping; a contract column left out stays empty
 * @param lookups code tables joined to the source rows before the columns are mapped
 * @param deduplicate which copy of a record the source publishes several times is kept
 */
public record DatasetMapping(
    DatasetSpec spec,
    String directory,
    Map<String, String> csvOptions,
    Optional<String> sourceSchema,
    Optional<String> timeZone,
    List<String> trueValues,
    List<String> falseValues,
    Optional<String> decimalSeparator,
    Optional<String> groupingSeparator,
    Map<String, ColumnMapping> columns,
    List<Lookup> lookups,
    Optional<Deduplication> deduplicate) {

  public DatasetMapping {
    csvOptions = Map.copyOf(csvOptions);
    trueValues = List.copyOf(trueValues);
    falseValues = List.copyOf(falseValues);
    columns = Map.copyOf(columns);
    lookups = List.copyOf(lookups);
  }

  public Optional<ColumnMapping> column(String contractColumn) {
    return Optional.ofNullable(columns.get(contractColumn));
  }
}
