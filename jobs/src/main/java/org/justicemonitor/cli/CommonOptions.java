package org.justicemonitor.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every Spark command shares. */
public final class CommonOptions {

  @Option(names = "--input", paramLabel = "DIR", description = "Input root, one directory per dataset (default: ${DEFAULT-VALUE}).")
  String input = "data-samples";

  @Option(names = "--output", paramLabel = "DIR", description = "Output root (default: ${DEFAULT-VALUE}).")
  String output = "output";


  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Extract date: pending cases and ages are measured at it (default: today).")
  LocalDate asOf;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "Zone in which timestamps fall into days and months (default: ${DEFAULT-VALUE}).")
  ZoneId timeZone = ZoneId.of("Asia/Almaty");

  @Mixin SessionOptions session = new SessionOptions();

  LocalDate asOf() {
    return asOf != null ? asOf : LocalDate.now(timeZone);
  }
}
