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

  @Mixin KeyOptions key = new KeyOptions();
}
