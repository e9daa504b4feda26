package org.justicemonitor.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import java.util.List;

/**
 * A dataset delivered in a foreign shape: where its files are, how to read them, and how its rows
 * become the contract's columns as text, ready for {@link RowValidator}. A mapping profile
 * provides one per dataset it maps; the others are read as the contract says.
 */
public interface SourceMapping {

  /** The extract's directory under the input root. */
  String directory();

  /** How to read the files. */
  RawReader.Layout layout();

  /**
   * @param source what {@link RawReader} read with {@link #layout()}
   * @param inputRoot where code tables not shipped beside the mapping are found
   * @return the contract's columns as text, {@link RawReader#CORRUPT_RECORD}, the lineage columns
   *     and {@link RowValidator#SOURCE_PROBLEMS}
   */
  Dataset<Row> toContractText(Dataset<Row> source, String inputRoot);

  /** The code tables the mapping joins: published rows depend on them as on the mapping. */
  default List<String> lookupFiles(SparkSession spark, String inputRoot) {
    return List.of();
  }

  /** What the manifest records of the mapping, e.g. the profile's name and SHA-256. */
  String describe();
}
