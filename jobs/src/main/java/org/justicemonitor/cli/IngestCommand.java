package org.justicemonitor.cli;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the input files (CSV or JSON Lines, plain or gzip) into partitioned Parquet under"
          + " <output>/ingested; every bad row goes to <output>/quarantine/<dataset> with its reason,"
          + " file and line. Identifiers are pseudonymized with a keyed HMAC."
    })
final class IngestCommand extends SparkCommand {

  @Mixin IngestSettings settings = new IngestSettings();

  private IngestOptions options;

  @Override
  String name() {
    return "ingest";
  }

  @Override
  void prepare() {
    options = IngestStage.options(common, settings, System.err);
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    IngestStage.run(store, options, Optional.ofNullable(settings.profile), progress, out);
  }
}
