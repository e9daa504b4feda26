package org.justicemonitor.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the monitoring report, report/index.html under --output, from a run's published outputs: headline"
          + " figures, charts, the regional table, the anomaly flags, data quality and provenance. One self-contained"
          + " file that opens offline, in --lang; beside it the same page in every language (index.en.html,"
          + " index.ru.html, index.kk.html)."
    })
final class ReportCommand extends StageCommand {

  @Mixin ReportStage stage = new ReportStage();

  @Override
  List<Stage> stages() {
    return List.of(stage);
  }
}
