package org.justicemonitor.ingest;

import java.time.LocalDate;
import java.util.List;

/** The run summary of ingest: one {@link DatasetReport} per dataset. */
public record IngestReport(
    LocalDate asOf, String regionReference, boolean demoKey, List<DatasetReport> datasets, double seconds) {

  public IngestReport {
    datasets = List.copyOf(datasets);
  }
}
