package org.justicemonitor.cli;

import java.util.List;
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
final class IndicatorsCommand extends StageCommand {

  @Mixin IndicatorsStage stage = new IndicatorsStage();

  @Override
  List<Stage> stages() {
    return List.of(stage);
  }
}
