package org.justicemonitor.cli;

import org.apache.spark.sql.SparkSession;
import org.justicemonitor.anomalies.AnomalyOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
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
final class AnomaliesCommand extends SparkCommand {

  @Mixin AnomalySettings settings = new AnomalySettings();

  private AnomalyOptions options;

  @Override
  String name() {
    return "anomalies";
  }

  @Override
  void prepare() {
    options = settings.options(common.asOf());
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    AnomaliesStage.run(store, options, progress, out);
  }
}
