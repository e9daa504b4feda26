package org.justicemonitor.ingest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The settings of one ingest run.
 *
 * @param inputRoot directory with one subdirectory per dataset
 * @param asOf the extract date: no date may lie after it
 * @param maxBadFraction the run fails when a dataset quarantines a larger share of its rows
 * @param key the pseudonymization key
 * @param full read every file and rebuild the tables, instead of adding new files only
 * @param mapping how the input root differs from the contract's shape (a mapping profile)
 */
public record IngestOptions(
    String inputRoot, LocalDate asOf, double maxBadFraction, PseudonymizationKey key, boolean full, InputMapping mapping) {

  public IngestOptions(String inputRoot, LocalDate asOf, double maxBadFraction, PseudonymizationKey key, boolean full) {
    this(inputRoot, asOf, maxBadFraction, key, full, InputMapping.NONE);
  }

  /** Options of an incremental ingest: files ingested before into the same output are skipped. */
  public IngestOptions(String inputRoot, LocalDate asOf, double maxBadFraction, PseudonymizationKey key) {
    this(inputRoot, asOf, maxBadFraction, key, false);
  }

  /** The same options for an input root in the shape a mapping profile describes. */
  public IngestOptions withMapping(InputMapping other) {
    return new IngestOptions(inputRoot, asOf, maxBadFraction, key, full, other);
  }

  public IngestOptions {
    Objects.requireNonNull(inputRoot, "inputRoot");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(mapping, "mapping");
    if (!(maxBadFraction >= 0.0 && maxBadFraction <= 1.0)) {
      throw new IllegalArgumentException("--max-bad-fraction must be between 0 and 1, cannot be: " + maxBadFraction);
    }
  }
}
