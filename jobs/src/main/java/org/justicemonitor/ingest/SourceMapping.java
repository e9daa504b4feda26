package org.justicemonitor.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
   * @return the contract's columns as text, {@link RawReader#CORRUPT_RECORD}, the lineage columns
   *     and {@link RowValidator#SOURCE_PROBLEMS}
   */
  Dataset<Row> toContractText(Dataset<Row> source);

  /** What the manifest records of the mapping, e.g. the profile's name and SHA-256. */
  String describe();
}
