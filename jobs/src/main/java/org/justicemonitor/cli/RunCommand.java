package org.justicemonitor.cli;

import org.apache.spark.sql.SparkSession;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every stage in order on one input root: ingest, then the stages that follow it"
          + " (indicators, anomalies, report) as they become available."
    })
final class RunCommand extends SparkCommand {

  @Mixin IngestSettings settings = new IngestSettings();

  private IngestOptions options;

  @Override
  String name() {
    return "run";
  }

  @Override
  void prepare() {
    options = IngestStage.options(common, settings, System.err);
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    IngestStage.run(store, options, progress, out);
    out.println();
    out.println("outputs are under " + store.root());
  }
}
