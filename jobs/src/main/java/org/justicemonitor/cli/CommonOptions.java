package org.justicemonitor.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every Spark command shares. */
public final class CommonOptions {

  @Option(names = "--output", paramLabel = "DIR", description = "Output root (default: ${DEFAULT-VALUE}).")
  String output = "output";


  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Extract date: pending cases and ages are measured at it (default: today).")
  LocalDate asOf;

  /** The command's zone ({@link TimeZoneOption}; the default one where a command has no such option). */
  ZoneId timeZone = TimeZoneOption.DEFAULT;

  @Mixin SessionOptions session = new SessionOptions();

  LocalDate asOf() {
    return asOf != null ? asOf : LocalDate.now(timeZone);
  }
}
