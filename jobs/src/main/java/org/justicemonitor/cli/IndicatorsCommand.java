package org.justicemonitor.cli;

import java.util.List;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.TableDeclaration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the indicator tables from the ingested tables under --output, each as Parquet"
          + " with a sorted CSV copy under disclosure control (the tables are listed below)."
    })
final class IndicatorsCommand extends StageCommand {

  @Mixin IndicatorsStage stage = new IndicatorsStage();

  /** The help's list of tables, from their declarations: name, then what a row is. */
  static String tableList() {
    StringBuilder b = new StringBuilder("%nTables written under indicators/:%n");
    for (TableDeclaration t : IndicatorTables.ALL) {
      b.append("  ").append(t.name()).append("%n");
      // Wrapped here, under picocli's 80 columns, so each description keeps its indent.
      StringBuilder line = new StringBuilder("     ");
      for (String word : t.description().replace("%", "%%").split(" ")) {
        if (line.length() + word.length() + 1 > 78) {
          b.append(line).append("%n");
          line = new StringBuilder("     ");
        }
        line.append(' ').append(word);
      }
      b.append(line).append("%n");
    }
    return b.toString();
  }

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
