package org.justicemonitor.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;

/**
 * What ingest did with one dataset. Rows are conserved:
 * {@code rowsRead == rowsWritten + rowsQuarantined + versionsSuperseded}.
 *
 * @param seconds wall time, to a tenth of a second
 * @param quarantinedByReason rows per reason code; a row with several problems counts once
 *     under each of its codes
 */
@JsonPropertyOrder({"dataset", "files", "files_skipped", "bytes", "rows_read", "rows_written", "rows_quarantined",
    "versions_superseded", "rows_conserved", "quarantined_by_reason", "extra_columns", "empty_files", "seconds"})
public record DatasetReport(
    String dataset,
    int files,
    int filesSkipped,
    List<String> emptyFiles,
    long bytes,
    long rowsRead,
    long rowsWritten,
    long rowsQuarantined,
    long versionsSuperseded,
    SortedMap<String, Long> quarantinedByReason,
    List<String> extraColumns,
    @JsonIgnore List<FileRows> fileRows,
    double seconds) {

  /** Rows read from one file and how many of them went to quarantine. */
  public record FileRows(String file, long read, long quarantined) {}

  public DatasetReport {
    emptyFiles = List.copyOf(emptyFiles);
    fileRows = List.copyOf(fileRows);
    extraColumns = List.copyOf(extraColumns);
    quarantinedByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(quarantinedByReason));
    seconds = Math.round(seconds * 10) / 10.0;
  }

  /** A dataset of an incremental ingest with no new file: nothing read, its table left as it is. */
  public static DatasetReport unchanged(String dataset, int filesSkipped) {
    return new DatasetReport(
        dataset, 0, filesSkipped, List.of(), 0, 0, 0, 0, 0, new java.util.TreeMap<>(), List.of(), List.of(), 0.0);
  }

  @JsonProperty
  public boolean rowsConserved() {
    return rowsRead == rowsWritten + rowsQuarantined + versionsSuperseded;
  }

  public double quarantinedFraction() {
    return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
  }
}
