package org.justicemonitor.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every stage in order on one input root: ingest, indicators, anomalies and report, then the disclosure"
          + " audit; outputs are published only when the audit finds no leak."
    })
final class RunCommand extends StageCommand {

  @Mixin IngestStage ingest = new IngestStage();

  @Mixin IndicatorsStage indicators = new IndicatorsStage();

  @Mixin AnomaliesStage anomalies = new AnomaliesStage();

  @Mixin ReportStage report = new ReportStage();

  private final DisclosureAuditStage audit = new DisclosureAuditStage();

  @Mixin TimeZoneOption zone = new TimeZoneOption();

  @Override
  java.util.Optional<TimeZoneOption> timeZone() {
    return java.util.Optional.of(zone);
  }

  @Override
  List<Stage> stages() {
    return List.of(ingest, indicators, anomalies, report, audit);
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    super.run(spark, store, progress);
    out.println();
    out.println("outputs are under " + store.root());
  }
}
