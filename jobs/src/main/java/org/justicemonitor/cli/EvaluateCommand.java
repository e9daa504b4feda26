package org.justicemonitor.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.JobFailure;
import org.justicemonitor.anomalies.Signal;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.detection.Evaluation;
import org.justicemonitor.detection.LabelPower;
import org.justicemonitor.indicators.ServiceUse;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.Json;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.Paths;
import org.justicemonitor.io.TextTable;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlow;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Scores anomalies/flags under --output against known anomalies (the generator's labels/anomalies.csv):"
          + " precision, recall and F1 per kind and overall, true flags among the top N, and the anomalies missed;"
          + " each labelled surge, stall and outage against its signal's power line (model card), and recall among those above it."
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
    List<LabelPower.Line> lines = powerLines(spark, store, catalog, known);
    Map<String, LabelPower.Line> lineOf = new LinkedHashMap<>();
    lines.forEach(line -> lineOf.put(line.label(), line));
    Set<String> missed = Set.copyOf(r.missed());
    long above = lines.stream().filter(LabelPower.Line::above).count();
    long foundAbove = lines.stream().filter(line -> line.above() && !missed.contains(line.label())).count();

    TextTable table = new TextTable("kind", "labelled", "found", "recall", "flags", "precision");
    for (Evaluation.KindRecall k : r.kinds()) {
      table.row(k.kind(), k.labels(), k.found(), pct(k.recall()), k.flags(), pct(k.precision()));
    }
    table.row("overall", r.labels(), r.found(), pct(r.recall()), r.flags(), pct(r.precision()));
    out.print(table.render());
    out.printf(Locale.ROOT, "F1 %.3f; %d of the top %d flags are true%n", r.f1(), r.trueInTopN(), r.topN());
    out.printf(Locale.ROOT, "above the power line: %d of %d labelled anomalies, %d found (recall %s)%n", above, lines.size(),
        foundAbove, pct(above == 0 ? 0 : (double) foundAbove / above));
    r.missed().forEach(m -> out.println("missed: " + m + Optional.ofNullable(lineOf.get(m))
        .map(line -> (line.above() ? " (above its power line: " : " (below its power line: ") + line.words() + ")").orElse("")));
    store.writeText(Catalog.EVALUATION_SUMMARY, Json.write(new Summary(labelFile, r, above, foundAbove, lines)));
  }

  /**
   * Each label against its signal's power line, read with the settings and review queues of the
   * anomalies run being scored (its model record).
   */
  private static List<LabelPower.Line> powerLines(SparkSession spark, OutputStore store, Catalog catalog, Dataset<Row> known) {
    JsonNode record;
    try {
      record = Json.parseObject(store.readPublishedText(Catalog.MODEL_RECORD)
          .orElseThrow(() -> new JobFailure("no " + store.published(Catalog.MODEL_RECORD) + "; run anomalies first")));
    } catch (JsonProcessingException e) {
      throw new JobFailure("cannot read " + store.published(Catalog.MODEL_RECORD) + ": not JSON");
    }
    Map<String, Long> queues = new LinkedHashMap<>();
    record.path("candidates").path("by_signal").fields().forEachRemaining(e ->
        Signal.of(e.getKey()).ifPresent(s -> queues.merge(s.entityType(), e.getValue().asLong(), Long::sum)));
    LocalDate asOf = LocalDate.parse(record.path("as_of").asText());
    String lastMonth = Period.lastCompleteMonth(asOf).toString();
    Dataset<Row> cases = catalog.ingestedTable(Contract.CASES);
    Row first = cases.agg(min("filed_at")).first();
    List<String> months = Period.MONTH.labels(first.getDate(0).toLocalDate(), Period.lastCompleteMonth(asOf).atEndOfMonth());
    Dataset<Row> courtMonths = CaseFlow.fromCells(CaseCells.of(cases, List.of("court_id")), List.of("court_id"), Period.MONTH,
        months, cases.select("court_id").distinct());
    Dataset<Row> events = catalog.ingestedTable(Contract.SERVICE_EVENTS).filter(col("event_month").leq(lastMonth));
    Dataset<Row> serviceMonths = ServiceUse.compute(events, List.of("region_code", "service"), Period.MONTH);
    // The days signal's case spread and month share, as the run measured them (none: slow courts have no line).
    double caseSpread = Double.NaN;
    double monthShare = 0;
    for (JsonNode model : record.path("models")) {
      if (Signal.DAYS_TO_DECISION.label().equals(model.path("name").asText())) {
        caseSpread = model.path("metrics").path("rmse_log_days").asDouble(Double.NaN);
        monthShare = model.path("metrics").path("month_share_of_case_variance").asDouble(0);
      }
    }
    return LabelPower.lines(known, LabelPower.counts(courtMonths, serviceMonths, cases), queues, record.path("fdr_level").asDouble(),
        record.path("min_change").asDouble(), record.path("trailing_months").asInt(), caseSpread, monthShare);
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  /** {@code summary/evaluation.json}: the label file, then the figures. */
  record Summary(String labels, @JsonUnwrapped Evaluation.Result result, long labelledAboveLine, long foundAboveLine,
      List<LabelPower.Line> powerLines) {}
}
