package org.justicemonitor.generate;

import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * One way of spoiling a row on purpose, and the reason code ingest must give it.
 *
 * @param reason the expected {@code ReasonCode} of the quarantined row
 * @param replacements new text values by column, computed from the row's own values; a null
 *     literal empties the column
 */
record Defect(String reason, Map<String, Column> replacements) {

  /** Marks a JSON line to be cut in half when it is written; a CSV writer cannot spoil a record. */
  static final String MALFORMED = "malformed_record";
}
