package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.JobFailure;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.indicators.ServiceUse;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.Json;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.Paths;
import org.justicemonitor.io.TableWriter;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlow;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.Concurrently;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.spark.Progress;

/**
 * Stage 3: anomaly flags from the ingested tables, with the models that raised them saved and
 * recorded. Reads the cases and service events once each; the monthly series every signal needs
 * are computed once into scratch Parquet.
 */
public final class AnomaliesJob {

  private final SparkSession spark;
  private final OutputStore store;
  private final Catalog catalog;
  private final AnomalyOptions options;
  private final Progress progress;
  private final String codeVersion;

  public AnomaliesJob(OutputStore store, AnomalyOptions options, Progress progress, String codeVersion) {
    this.spark = store.spark();
    this.store = store;
    this.catalog = new Catalog(store);
    this.options = options;
    this.progress = progress;
    this.codeVersion = codeVersion;
  }

  /** @return the published names */
  public List<String> run() {
    // The models are saved (a dozen small Spark jobs each) while the next ones train and score.
    try (Concurrently.Background saves = Concurrently.background()) {
      return run(saves);
    }
  }

  private List<String> run(Concurrently.Background saves) {
    Dataset<Row> cases = ingested(Contract.CASES);
    Dataset<Row> events = ingested(Contract.SERVICE_EVENTS);
    Row first = cases.agg(min("filed_at")).first();
    if (first.isNullAt(0)) {
      throw new JobFailure("no cases in " + store.published(Catalog.ingested(Contract.CASES)) + "; run ingest first");
    }
    String lastMonth = Period.lastCompleteMonth(options.asOf()).toString();
    List<String> months = Period.MONTH.labels(first.getDate(0).toLocalDate(), Period.lastCompleteMonth(options.asOf()).atEndOfMonth());

    // The cases counted once for both flows (CaseCells), in scratch Parquet; rolled up from the
    // indicators' cells when this run counted them already.
    List<String> grain = List.of("court_id", "court_level", "region_code");
    Dataset<Row> cells = progress.result("case cells", () -> materialize("case-cells",
        store.materialized(CaseCells.KEPT_FOR_THE_RUN).map(finer -> CaseCells.rolledUp(finer, grain))
            .orElseGet(() -> CaseCells.of(cases, grain))));
    Dataset<Row> courtFlow = progress.result("court months", () -> materialize("court-months",
        CaseFlow.fromCells(cells, List.of("court_id"), Period.MONTH, months, cells.select("court_id").distinct())));
    Dataset<Row> regions = catalog.regions().select("region_code");
    Dataset<Row> districtCells = cells.filter(col("court_level").equalTo("district"));
    Dataset<Row> scoredEvents = events.filter(col("event_month").leq(lastMonth));
    Dataset<Row> regionMonths = progress.result("region months", () -> materialize("region-months",
        CaseFlow.fromCells(districtCells, List.of("region_code"), Period.MONTH, months, regions)
            .join(ServiceUse.compute(scoredEvents, List.of("region_code"), Period.MONTH), DataFrames.joinKeys("region_code", "period"), "left")
            .withColumn("service_failure_rate", DataFrames.ratio(col("service_failures"), col("service_requests")))));
    Dataset<Row> serviceMonths = progress.result("region × service months", () -> materialize("service-months",
        ServiceUse.compute(scoredEvents, List.of("region_code", "service"), Period.MONTH)));

    Dataset<Row> courts = materialize("courts", cases.groupBy("court_id")
        .agg(min("court_level").as("court_level"), min("region_code").as("region_code")));
    List<ModelRecord.Model> models = new ArrayList<>();
    List<Dataset<Row>> candidates = new ArrayList<>();
    Dataset<Row> judgeDecisions = progress.result("judge decisions", () -> materialize("judge-decided-cells",
        JudgeDays.decidedCells(cases, lastMonth)));
    Dataset<Row> judgeMonths = progress.result("judge months", () -> materialize("judge-months",
        CountSignals.judgeMonths(cases, judgeDecisions, courts, lastMonth)));
    Map<CountModel.Spec, Dataset<Row>> series = new LinkedHashMap<>();
    series.put(CountSignals.INCOMING, CountSignals.incomingSeries(courtFlow, courts));
    series.put(CountSignals.RESOLVED, CountSignals.resolvedSeries(courtFlow, courts));
    series.put(CountSignals.FAILURES, CountSignals.failureSeries(serviceMonths));
    series.put(CountSignals.JUDGE_ASSIGNED, CountSignals.judgeSeries(judgeMonths, "assigned"));
    series.put(CountSignals.JUDGE_DECIDED, CountSignals.judgeSeries(judgeMonths, "decided"));
    series.put(CountSignals.JUDGE_PENDING, CountSignals.judgeSeries(judgeMonths, "pending"));
    Map<String, CountModel.Assessment> counts = countModels(series, models, saves);
    BiConsumer<CountModel.Spec, Function<CountModel.Assessment, Dataset<Row>>> signal = (spec, candidatesOf) ->
        Optional.ofNullable(counts.get(spec.name())).map(candidatesOf).ifPresent(candidates::add);
    Optional<Dataset<Row>> burst =
        Optional.ofNullable(counts.get(CountSignals.RESOLVED.name())).map(a -> CountSignals.resolvedBurst(a, options));
    signal.accept(CountSignals.INCOMING, a -> CountSignals.incoming(a, options));
    signal.accept(CountSignals.RESOLVED, a -> CountSignals.resolved(a, options));
    burst.ifPresent(candidates::add);
    signal.accept(CountSignals.FAILURES, a -> CountSignals.failures(a, options));
    signal.accept(CountSignals.JUDGE_ASSIGNED, a -> CountSignals.judgeAssigned(a, options));
    signal.accept(CountSignals.JUDGE_DECIDED, a -> CountSignals.judgeDecided(a, options));
    signal.accept(CountSignals.JUDGE_PENDING, a -> CountSignals.judgePending(a, options));
    candidates.add(JudgeDays.candidates(judgeDecisions, options));
    candidates.add(MonthlySignals.registration(MonthlySignals.registrationMonths(cases, regionMonths.select("region_code", "period")),
        options));

    Dataset<Row> slower = progress.result("days-to-decision model", () -> {
      Dataset<Row> decided = DecisionTimeModel.rows(cases, lastMonth);
      PipelineModel days = model(DecisionTimeModel.MODEL_NAME, () -> DecisionTimeModel.train(decided), saves);
      DecisionTimeModel.Candidates slow = DecisionTimeModel.candidates(days, decided, options);
      models.add(DecisionTimeModel.record(days, decided, savedTo(DecisionTimeModel.MODEL_NAME), slow.monthShare()));
      return materialize("days-candidates", slow.rows());
    });
    candidates.add(slower);
    burst.ifPresent(b -> candidates.add(CountSignals.backlogDecided(b, slower)));

    Dataset<Row> profiles = materialize("profiles", ProfileModel.profiles(regionMonths, options));
    PipelineModel profile = progress.result("profile model", () -> model(ProfileModel.MODEL_NAME,
        () -> ProfileModel.train(ProfileModel.usual(profiles), options.seed()), saves));
    models.add(ProfileModel.record(profile, profiles, savedTo(ProfileModel.MODEL_NAME)));
    candidates.add(ProfileModel.candidates(profile, profiles));

    Dataset<Row> all = candidates.stream().reduce(Dataset::unionByName).orElseThrow();
    Dataset<Row> reviews = options.reviews().map(path -> Reviews.read(spark, path)).orElse(Reviews.none(spark));
    Dataset<Row> courtRegions = courts.select("court_id", "region_code");
    Dataset<Row> scored = progress.result("candidates", () -> materialize("candidates", all));
    Dataset<Row> flags = Flags.select(scored, reviews, courtRegions, options.fdr());
    Dataset<Row> written = progress.result("flags", () -> new TableWriter(store).writeWithCsv(Catalog.FLAGS, flags, List.of("rank")));

    List<String> published = new ArrayList<>(TableWriter.names(Catalog.FLAGS));
    progress.result("models saved", () -> {
      saves.await();
      return null;
    });
    if (!options.reuseModels()) {
      published.add(Catalog.MODELS);
    }
    store.complete(published);
    String record = progress.result("model record", () -> Json.write(ModelRecord.of(options, codeVersion,
        Instant.now().toString(), models, signalCounts(scored), signalCounts(written), reviewCounts(written, reviews))));
    store.writeText(Catalog.MODEL_RECORD, record);
    published.add(Catalog.MODEL_RECORD);
    return published;
  }

  /**
   * Trains (or reloads) each count model, then judges every signal's entity-months at once
   * ({@link CountModel#usualMonths}, {@link CountModel#assess}) and records the models.
   *
   * @return the assessments by signal; a signal without data (an extract without service events
   *     or judges) has nothing to learn from and none
   */
  private Map<String, CountModel.Assessment> countModels(Map<CountModel.Spec, Dataset<Row>> series,
      List<ModelRecord.Model> models, Concurrently.Background saves) {
    List<CountModel.Fitted> fitted = new ArrayList<>();
    for (Map.Entry<CountModel.Spec, Dataset<Row>> s : series.entrySet()) {
      CountModel.Spec spec = s.getKey();
      Optional<CountModel.Fitted> f = progress.result(spec.name() + " model", () -> {
        Dataset<Row> input = materialize(spec.name() + "-series", s.getValue());
        return input.filter(col("exposure").gt(0)).isEmpty() ? Optional.<CountModel.Fitted>empty()
            : Optional.of(new CountModel.Fitted(spec, model(spec.name(), () -> CountModel.train(input, spec), saves), input));
      });
      f.ifPresent(fitted::add);
    }
    if (fitted.isEmpty()) {
      return Map.of();
    }
    return progress.result("count signals judged", () -> {
      CountModel.Assessments all;
      try {
        // Written between the rounds, so that each round's plan starts from a scan, not from six
        // model pipelines and the round before (planned again for every query: seconds each).
        Dataset<Row> expected = materialize("count-expected", CountModel.expected(fitted));
        Dataset<Row> usual = materialize("count-usual", CountModel.usualMonths(expected, options));
        CountModel.Assessments judged = CountModel.assess(expected, usual, options);
        all = new CountModel.Assessments(materialize("count-judged", judged.rows()), judged.overdispersion(), judged.priors());
      } catch (RuntimeException e) {
        if (options.reuseModels()) {
          // Most often a month the saved models never saw: they learnt each month's national effect.
          throw new JobFailure("scoring with the saved count models failed (" + e.getClass().getSimpleName()
              + "); if the data has months or groups the models were not trained on, run anomalies without --reuse-models");
        }
        throw e;
      }
      Map<String, Row> weights = ownWeights(all.rows());
      Map<String, CountModel.Assessment> out = new LinkedHashMap<>();
      for (CountModel.Fitted f : fitted) {
        CountModel.Assessment a = all.of(f.spec().name());
        out.put(f.spec().name(), a);
        models.add(CountModel.record(f.spec(), f.model(), a, weights.get(f.spec().name()), f.series(),
            savedTo(f.spec().name())));
      }
      return out;
    });
  }

  /** Min, median and max of the weight on an entity's own past, per signal (one row each), where scored. */
  private static Map<String, Row> ownWeights(Dataset<Row> judged) {
    Map<String, Row> out = new LinkedHashMap<>();
    for (Row r : judged.filter(col("p_higher").isNotNull()).groupBy("signal")
        .agg(min("own_weight"), percentile(col("own_weight"), lit(0.5)), max("own_weight")).collectAsList()) {
      out.put(r.getString(0), r);
    }
    return out;
  }

  /** Where a model is published. */
  private String savedTo(String name) {
    return Paths.join(store.published(Catalog.MODELS), name);
  }

  /** The model trained now (its saving started on {@code saves}) or, with --reuse-models, the saved one. */
  private PipelineModel model(String name, java.util.function.Supplier<PipelineModel> train, Concurrently.Background saves) {
    String saved = Paths.join(store.current(Catalog.MODELS), name);
    if (options.reuseModels()) {
      if (!InputFiles.exists(spark, saved)) {
        throw new JobFailure("no saved model at " + saved + "; run anomalies once without --reuse-models");
      }
      return PipelineModel.load(saved);
    }
    PipelineModel model = train.get();
    String to = Paths.join(store.staging(Catalog.MODELS), name);
    // A step of its own, so that the save's Spark jobs carry its name, not the step that started the thread.
    saves.submit(() -> progress.job("model saved: " + name, () -> DecisionTimeModel.save(model, to)));
    return model;
  }

  private static ModelRecord.SignalCounts signalCounts(Dataset<Row> rows) {
    Map<String, Long> bySignal = new LinkedHashMap<>();
    long total = 0;
    // One row per signal.
    for (Row r : rows.groupBy("signal").agg(count("*")).orderBy("signal").collectAsList()) {
      bySignal.put(r.getString(0), r.getLong(1));
      total += r.getLong(1);
    }
    return new ModelRecord.SignalCounts(total, bySignal);
  }

  private static ModelRecord.ReviewCounts reviewCounts(Dataset<Row> flags, Dataset<Row> reviews) {
    Row counts = reviews.agg(
        count(when(col("verdict").equalTo("confirmed"), 1)),
        count(when(col("verdict").equalTo("dismissed"), 1))).first();
    return new ModelRecord.ReviewCounts(counts.getLong(0), counts.getLong(1),
        flags.filter(col("review").startsWith("dismissed")).count(),
        flags.filter(col("review").equalTo("confirmed")).count());
  }

  private Dataset<Row> materialize(String name, Dataset<Row> rows) {
    return store.materialize("anomalies-" + name, rows);
  }

  private Dataset<Row> ingested(DatasetSpec spec) {
    return catalog.ingestedTable(spec);
  }

}
