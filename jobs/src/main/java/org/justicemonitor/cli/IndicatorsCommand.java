package org.justicemonitor.cli;

import org.apache.spark.sql.SparkSession;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the indicator tables from the ingested tables under --output: region_year,"
          + " region_month, national_year and inequality, as Parquet with a CSV copy, under"
          + " disclosure control."
    })
final class IndicatorsCommand extends SparkCommand {

  @Mixin IndicatorSettings settings = new IndicatorSettings();

  private IndicatorOptions options;

  @Override
  String name() {
    return "indicators";
  }

  @Override
  void prepare() {
    options = settings.options(common.asOf());
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    IndicatorsStage.run(store, options, progress, out);
  }
}
