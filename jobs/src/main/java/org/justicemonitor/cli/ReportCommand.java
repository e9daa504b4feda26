package org.justicemonitor.cli;

import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the monitoring report, report/index.html under --output, from a run's published outputs: headline"
          + " figures, charts, the regional table, the anomaly flags, data quality and provenance. One self-contained"
          + " file that opens offline."
    })
final class ReportCommand extends SparkCommand {

  @Mixin ReportSettings settings = new ReportSettings();

  @Override
  String name() {
    return "report";
  }

  @Override
  void prepare() {
    settings.check();
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    ReportStage.run(store, settings.lang, progress, out);
  }
}
