package org.justicemonitor.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the input files (CSV or JSON Lines, plain or gzip) into partitioned Parquet under"
          + " <output>/ingested; every bad row goes to <output>/quarantine/<dataset> with its reason,"
          + " file and line. Identifiers are pseudonymized with a keyed HMAC."
    })
final class IngestCommand extends StageCommand {

  @Mixin IngestStage stage = new IngestStage();

  @Mixin TimeZoneOption zone = new TimeZoneOption();

  @Override
  java.util.Optional<TimeZoneOption> timeZone() {
    return java.util.Optional.of(zone);
  }

  @Override
  List<Stage> stages() {
    return List.of(stage);
  }
}
