package org.justicemonitor.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the ingest stage, shared by {@code ingest} and {@code run}. */
public final class IngestSettings {

  @Option(
      names = "--max-bad-fraction",
      paramLabel = "SHARE",
      description = "Fail when a dataset quarantines more than this share of its rows (default: ${DEFAULT-VALUE}).")
  double maxBadFraction = 0.05;

  @Option(
      names = "--full",
      description = "Read every input file and rebuild the ingested tables, instead of adding only files not"
          + " ingested before into the same --output (by SHA-256; see docs/operations.md).")
  boolean full;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "Mapping profile: read an extract in another shape (another country's courts, say) as the"
          + " contract's datasets; see docs/mapping-profiles.md.")
  String profile;

  @Mixin KeyOptions key = new KeyOptions();
}
