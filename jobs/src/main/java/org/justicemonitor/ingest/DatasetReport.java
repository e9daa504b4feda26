package org.justicemonitor.ingest;

import java.util.List;
import java.util.SortedMap;

/**
 * What ingest did with one dataset. Rows are conserved:
 * {@code rowsRead == rowsWritten + rowsQuarantined + versionsSuperseded}.
 *
 * @param quarantinedByReason rows per reason code; a row with several problems counts once
 *     under each of its codes
 */
public record DatasetReport(
    String dataset,
    int files,
    List<String> emptyFiles,
    long bytes,
    long rowsRead,
    long rowsWritten,
    long rowsQuarantined,
    long versionsSuperseded,
    SortedMap<String, Long> quarantinedByReason,
    List<String> extraColumns,
    double seconds) {

  public DatasetReport {
    emptyFiles = List.copyOf(emptyFiles);
    extraColumns = List.copyOf(extraColumns);
    quarantinedByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(quarantinedByReason));
  }

  public boolean rowsConserved() {
    return rowsRead == rowsWritten + rowsQuarantined + versionsSuperseded;
  }

  public double quarantinedFraction() {
    return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
  }
}
