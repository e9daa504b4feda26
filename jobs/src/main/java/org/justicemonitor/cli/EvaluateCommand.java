package org.justicemonitor.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.JobFailure;
import org.justicemonitor.anomalies.Evaluation;
import org.justicemonitor.anomalies.Signal;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.Json;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.Paths;
import org.justicemonitor.io.TextTable;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Scores anomalies/flags under --output against known anomalies (the generator's labels/anomalies.csv):"
          + " precision, recall and F1 per kind and overall, true flags among the top N, and the anomalies missed."
          + " Writes summary/evaluation.json."
    })
final class EvaluateCommand extends SparkCommand {

  @picocli.CommandLine.Mixin InputOption input = new InputOption();

  @Option(names = "--labels", paramLabel = "FILE", description = "Known anomalies (default: <input>/labels/anomalies.csv).")
  String labels;

  @Option(names = "--top", paramLabel = "N", description = "How many of the highest-ranked flags to check (default: ${DEFAULT-VALUE}).")
  int top = 20;

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    String labelFile = labels != null ? labels : Paths.join(input.input, "labels/anomalies.csv");
    if (!InputFiles.exists(spark, labelFile)) {
      throw new JobFailure("no labels at " + labelFile + "; pass --labels FILE");
    }
    Catalog catalog = new Catalog(store);
    Dataset<Row> flags = catalog.table(Catalog.FLAGS);
    Dataset<Row> known = spark.read().option("header", true).csv(labelFile)
        .select("entity_type", "entity_id", "period", "signal", "kind");
    Dataset<Row> courts = catalog.ingestedTable(Contract.CASES).select("court_id", "region_code").distinct();
    Evaluation.Result r = Evaluation.evaluate(flags, known, courts, top, Signal.kinds());

    TextTable table = new TextTable("kind", "labelled", "found", "recall", "flags", "precision");
    for (Evaluation.KindRecall k : r.kinds()) {
      table.row(k.kind(), k.labels(), k.found(), pct(k.recall()), k.flags(), pct(k.precision()));
    }
    table.row("overall", r.labels(), r.found(), pct(r.recall()), r.flags(), pct(r.precision()));
    out.print(table.render());
    out.printf(Locale.ROOT, "F1 %.3f; %d of the top %d flags are true%n", r.f1(), r.trueInTopN(), r.topN());
    r.missed().forEach(m -> out.println("missed: " + m));
    store.writeText(Catalog.EVALUATION_SUMMARY, Json.write(new Summary(labelFile, r)));
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  /** {@code summary/evaluation.json}: the label file, then the figures. */
  record Summary(String labels, @JsonUnwrapped Evaluation.Result result) {}
}
