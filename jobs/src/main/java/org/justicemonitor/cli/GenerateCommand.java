package org.justicemonitor.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.generate.GenerateJob;
import org.justicemonitor.generate.GeneratorOptions;
import org.justicemonitor.io.TextTable;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic, contract-conformant input root at any scale, in parallel with Spark:"
          + " cases, service events, security incidents, the regions file, injected anomalies and"
          + " bad rows, and labels of both. The same --seed gives the same files."
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--output", paramLabel = "DIR", description = "Input root to create; must be empty or absent (default: ${DEFAULT-VALUE}).")
  String output = "generated";

  @Option(names = "--cases", paramLabel = "N", description = "Distinct cases (default: ${DEFAULT-VALUE}).")
  long cases = 200_000;

  @Option(names = "--events", paramLabel = "N", description = "Service events (default: ${DEFAULT-VALUE}).")
  long events = 1_000_000;

  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month (default: ${DEFAULT-VALUE}).")
  YearMonth from = YearMonth.of(2019, 1);

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month; the extract date is its last day (default: ${DEFAULT-VALUE}).")
  YearMonth to = YearMonth.of(2025, 12);

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--format", paramLabel = "csv|jsonl", description = "File format (default: ${DEFAULT-VALUE}).")
  String format = "csv";

  @Option(names = "--gzip", description = "Compress the files with gzip.")
  boolean gzip;

  @Option(names = "--bad-fraction", paramLabel = "SHARE", description = "Share of rows spoiled on purpose, each labelled (default: ${DEFAULT-VALUE}).")
  double badFraction = 0.01;

  @Option(names = "--duplicate-fraction", paramLabel = "SHARE", description = "Share of cases also written as an older version (default: ${DEFAULT-VALUE}).")
  double duplicateFraction = 0.02;

  @Option(names = "--anomalies", paramLabel = "N", description = "Anomalies injected of each kind (default: ${DEFAULT-VALUE}).")
  int anomalies = 3;

  @Option(names = "--rows-per-file", paramLabel = "N", description = "Rows per file (default: ${DEFAULT-VALUE}).")
  long rowsPerFile = 1_000_000;

  @Option(names = "--rollout-effect", paramLabel = "SHARE", description = "Also write rollouts/: half the district courts"
      + " adopt e_case_management, staggered over four dates, and their days to decision change by SHARE from then"
      + " (-0.3: 30%% shorter; 0: a rollout without effect). The effect is written to labels/digital_impact.csv.")
  Double rolloutEffect;

  @Mixin SessionOptions session = new SessionOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    GeneratorOptions options = Arguments.checked(spec, () ->
        new GeneratorOptions(cases, events, from, to, seed, format, gzip, badFraction, duplicateFraction, anomalies, rowsPerFile,
            rolloutEffect));
    SparkSession spark = session.start("justice-monitor generate", "UTC");
    Progress progress = Progress.forStandardOutput(spark);
    try {
      progress.stage("generate");
      long started = System.nanoTime();
      List<GenerateJob.Counts> counts = new GenerateJob(spark, options, output, progress).run();
      progress.done((System.nanoTime() - started) / 1e9);
      TextTable table = new TextTable("dataset", "rows in files", "bad rows", "older versions");
      counts.forEach(c -> table.row(c.dataset(), c.rows(), c.bad(), c.superseded()));
      System.out.println();
      System.out.print(table.render());
      System.out.println("input root: " + output + " (extract date " + options.asOf() + ": pass --as-of " + options.asOf() + ")");
      return 0;
    } finally {
      progress.end();
      spark.stop();
    }
  }
}
