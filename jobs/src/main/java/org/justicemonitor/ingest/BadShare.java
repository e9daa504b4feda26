package org.justicemonitor.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The share of quarantined rows that {@code --max-bad-fraction} is measured on: of what a
 * dataset's tables hold after the ingest, the rows published before and this delivery's together.
 * Measured on the delivery alone, one bad row in a seven-row delivery would stop a run whose
 * tables are 99.9% clean.
 *
 * @param read rows read into the dataset's tables, before and now
 * @param quarantined of them, quarantined
 * @param delivered rows read in this ingest
 * @param deliveredQuarantined of them, quarantined
 */
record BadShare(long read, long quarantined, long delivered, long deliveredQuarantined) {

  /** @param previous the manifest's files kept from before (none in a full ingest) */
  static BadShare of(DatasetReport report, List<IngestedInputs.File> previous) {
    long read = report.rowsRead();
    long quarantined = report.rowsQuarantined();
    for (IngestedInputs.File f : previous) {
      if (f.file().startsWith(report.dataset() + "/")) {
        read += f.rowsRead();
        quarantined += f.rowsQuarantined();
      }
    }
    return new BadShare(read, quarantined, report.rowsRead(), report.rowsQuarantined());
  }

  double fraction() {
    return read == 0 ? 0.0 : (double) quarantined / read;
  }

  /**
   * A warning when this delivery on its own is worse than the limit that the tables as a whole
   * keep: a small delivery that is mostly bad passes, but should not pass unseen.
   */
  Optional<String> deliveryWarning(String dataset, double maxBadFraction) {
    if (delivered == 0 || delivered == read || (double) deliveredQuarantined / delivered <= maxBadFraction) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "%s: %d of the %d rows of this delivery (%.1f%%) failed validation; with the %d rows published before the"
            + " tables stay within --max-bad-fraction %.3f, so the run goes on. See the reasons above",
        dataset, deliveredQuarantined, delivered, 100.0 * deliveredQuarantined / delivered, read - delivered,
        maxBadFraction));
  }
}
