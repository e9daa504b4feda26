package org.justicemonitor.cli;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.anomalies.AnomalyOptions;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every stage in order on one input root: ingest, indicators, anomalies and report."
    })
final class RunCommand extends SparkCommand {

  @Mixin IngestSettings settings = new IngestSettings();

  @Mixin IndicatorSettings indicatorSettings = new IndicatorSettings();

  @Mixin AnomalySettings anomalySettings = new AnomalySettings();

  @Mixin ReportSettings reportSettings = new ReportSettings();

  private IngestOptions options;
  private IndicatorOptions indicatorOptions;
  private AnomalyOptions anomalyOptions;

  @Override
  String name() {
    return "run";
  }

  @Override
  void prepare() {
    options = IngestStage.options(common, settings, System.err);
    indicatorOptions = indicatorSettings.options(common.asOf());
    anomalyOptions = anomalySettings.options(common.asOf());
    reportSettings.check();
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    IngestStage.run(store, options, Optional.ofNullable(settings.profile), progress, out);
    out.println();
    IndicatorsStage.run(store, indicatorOptions, progress, out);
    out.println();
    AnomaliesStage.run(store, anomalyOptions, progress, out);
    out.println();
    ReportStage.run(store, reportSettings.lang, progress, out);
    out.println();
    out.println("outputs are under " + store.root());
  }
}
