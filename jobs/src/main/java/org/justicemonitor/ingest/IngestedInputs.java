package org.justicemonitor.ingest;

import java.util.List;

/**
 * The manifest's {@code inputs}: the extract the ingested tables were made from, what their rows
 * were validated and pseudonymized with, and every file they hold.
 *
 * @param keyId see {@link IngestPlan.Settings#keyId}
 * @param regions see {@link IngestPlan.Settings#regions}
 * @param mapping see {@link IngestPlan.Settings#mapping}
 * @param asOf the extract date, ISO
 */
public record IngestedInputs(String root, String keyId, String regions, String mapping, String asOf, List<File> files) {

  public IngestedInputs {
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** One ingested file, its fingerprint, its rows, and the run that read it. */
  public record File(String file, long bytes, String sha256, long rowsRead, long rowsQuarantined, String runId) {}
}
