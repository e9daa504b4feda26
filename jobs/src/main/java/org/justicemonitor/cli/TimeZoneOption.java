package org.justicemonitor.cli;

import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * {@code --time-zone}: only on the commands that turn timestamps into days, months and years
 * (ingest: the month of a service event; indicators: the year of a security incident; run).
 * Give ingest and indicators the same zone (a settings file does: docs/operations.md).
 */
final class TimeZoneOption {

  static final ZoneId DEFAULT = ZoneId.of("Asia/Almaty");

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "Zone in which timestamps fall into days, months and years, and in which 'today' is the"
          + " default --as-of (default: ${DEFAULT-VALUE}).")
  ZoneId zone = DEFAULT;
}
