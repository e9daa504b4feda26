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
 */
public record IngestOptions(String inputRoot, LocalDate asOf, double maxBadFraction, PseudonymizationKey key) {

  public IngestOptions {
    Objects.requireNonNull(inputRoot, "inputRoot");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(key, "key");
    if (!(maxBadFraction >= 0.0 && maxBadFraction <= 1.0)) {
      throw new IllegalArgumentException("--max-bad-fraction must be between 0 and 1, cannot be: " + maxBadFraction);
    }
  }
}
