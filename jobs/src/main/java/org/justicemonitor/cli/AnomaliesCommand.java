package org.justicemonitor.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the anomaly models on the ingested tables under --output and writes anomalies/flags: courts,"
          + " regions and region x service pairs that behave abnormally in a month, each with an explanation,"
          + " plus the saved models and a model record for audit. Flags are candidates for human review."
    })
final class AnomaliesCommand extends StageCommand {

  @Mixin AnomaliesStage stage = new AnomaliesStage();

  @Override
  List<Stage> stages() {
    return List.of(stage);
  }
}
