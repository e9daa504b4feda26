package org.justicemonitor.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * The run summary of ingest: one {@link DatasetReport} per dataset.
 *
 * @param full whether every file was read (else only new ones, added to the published tables)
 * @param mode why, in words
 */
public record IngestReport(
    LocalDate asOf,
    String regionReference,
    boolean demoKey,
    boolean full,
    String mode,
    List<DatasetReport> datasets,
    double seconds) {

  public IngestReport {
    datasets = List.copyOf(datasets);
  }
}
