package org.justicemonitor.anomalies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;

/**
 * The audit record of an anomalies run ({@code anomalies/model-record.json}): what ran, on what
 * data, with which settings, and how well the models fit. {@code docs/model-card.md} explains the
 * method in words.
 *
 * @param runAt when the record was written, ISO instant
 * @param fdrLevel the false-discovery rate the flags are held to, within each review queue (entity type)
 * @param models each model's record, in the order they were trained
 * @param candidates the entity-months every signal scored: how many tests the false-discovery
 *     control was across
 */
@JsonPropertyOrder({"run_at", "code_version", "as_of", "fdr_level", "min_change", "trailing_months", "min_history_months", "seed",
    "reused_saved_models", "reviews", "note", "models", "candidates", "flags", "reviews_counted"})
record ModelRecord(
    String runAt,
    String codeVersion,
    String asOf,
    double fdrLevel,
    double minChange,
    int trailingMonths,
    int minHistoryMonths,
    long seed,
    boolean reusedSavedModels,
    String reviews,
    String note,
    List<Model> models,
    SignalCounts candidates,
    SignalCounts flags,
    ReviewCounts reviewsCounted) {

  static final String NOTE = "Flags are candidates for human review, never decisions.";

  static ModelRecord of(AnomalyOptions o, String codeVersion, String runAt, List<Model> models, SignalCounts candidates,
      SignalCounts flags, ReviewCounts reviews) {
    return new ModelRecord(runAt, codeVersion, o.asOf().toString(), o.fdr(), o.minChange(), o.trailingMonths(), o.minHistory(),
        o.seed(), o.reuseModels(), o.reviews().orElse(null), NOTE, models, candidates, flags, reviews);
  }

  /**
   * One trained model.
   *
   * @param formula the fitted formula, for a regression
   * @param features the features, for a model without a formula
   * @param parameters every parameter of the fitted estimator, read off the model itself
   * @param coefficientsLogDays a regression's coefficients by feature level
   * @param trainedOn which rows it learnt from, in words, when not all of them
   * @param score how its output becomes a candidate's tail probability, in words
   * @param family a generalized linear model's family and link
   * @param dispersion how the counts vary beyond the family's own variance, as estimated
   * @param pooling how an entity's level borrows from its peers: the priors and the weights
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "type", "saved_to", "family", "formula", "features", "parameters", "training_window",
      "training_data_fingerprint", "metrics", "coefficients_log_days", "dispersion", "pooling", "trained_on", "score"})
  record Model(
      String name,
      String type,
      String savedTo,
      String formula,
      List<String> features,
      Map<String, Object> parameters,
      Window trainingWindow,
      String trainingDataFingerprint,
      Map<String, Object> metrics,
      Map<String, Double> coefficientsLogDays,
      String trainedOn,
      String score,
      String family,
      Map<String, Object> dispersion,
      Map<String, Object> pooling) {}

  /** The first and last month of a model's training rows. */
  record Window(String from, String to) {
    /** The window of rows with a {@code period} column. */
    static Window of(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
      org.apache.spark.sql.Row w = rows.agg(org.apache.spark.sql.functions.min("period"),
          org.apache.spark.sql.functions.max("period")).first();
      return new Window(w.getString(0), w.getString(1));
    }
  }

  /**
   * A model's entry, built by the model that knows it: its name, type and where it is saved, the
   * training rows (window and fingerprint), then what applies to it.
   */
  static final class Entry {
    private final String name;
    private final String type;
    private final String savedTo;
    private final Window window;
    private final String fingerprint;
    private String formula;
    private List<String> features;
    private Map<String, Object> parameters;
    private Map<String, Object> metrics;
    private Map<String, Double> coefficientsLogDays;
    private String trainedOn;
    private String score;
    private String family;
    private Map<String, Object> dispersion;
    private Map<String, Object> pooling;

    Entry(String name, String type, String savedTo, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> training) {
      this.name = name;
      this.type = type;
      this.savedTo = savedTo;
      this.window = Window.of(training);
      this.fingerprint = org.justicemonitor.io.Fingerprint.of(training);
    }

    Entry formula(String formula) {
      this.formula = formula;
      return this;
    }

    Entry features(List<String> features) {
      this.features = features;
      return this;
    }

    Entry parameters(org.apache.spark.ml.param.Params estimator) {
      this.parameters = ModelRecord.parameters(estimator);
      return this;
    }

    Entry metrics(Map<String, Object> metrics) {
      this.metrics = metrics;
      return this;
    }

    Entry coefficientsLogDays(Map<String, Double> coefficients) {
      this.coefficientsLogDays = coefficients;
      return this;
    }

    Entry trainedOn(String trainedOn) {
      this.trainedOn = trainedOn;
      return this;
    }

    Entry score(String score) {
      this.score = score;
      return this;
    }

    Entry family(String family) {
      this.family = family;
      return this;
    }

    Entry dispersion(Map<String, Object> dispersion) {
      this.dispersion = dispersion;
      return this;
    }

    Entry pooling(Map<String, Object> pooling) {
      this.pooling = pooling;
      return this;
    }

    Model build() {
      return new Model(name, type, savedTo, formula, features, parameters, window, fingerprint, metrics,
          coefficientsLogDays, trainedOn, score, family, dispersion, pooling);
    }
  }

  /** Rows in all and by signal: the candidates scored, the flags published. */
  record SignalCounts(long total, Map<String, Long> bySignal) {}

  /** Earlier reviews read, and what became of the flags they answered. */
  record ReviewCounts(long confirmed, long dismissed, long dismissedRaisedAgainWorse, long confirmedStillFlagged) {}

  /** Every parameter of a fitted model or estimator with its value (set or default), by name. */
  static Map<String, Object> parameters(Params fitted) {
    Map<String, Object> out = new TreeMap<>();
    for (ParamPair<?> p : fitted.extractParamMap().toList()) {
      out.put(p.param().name(), p.value());
    }
    return out;
  }
}
