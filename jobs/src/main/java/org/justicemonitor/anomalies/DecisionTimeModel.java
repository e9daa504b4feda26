package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expm1;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.RFormula;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.measures.Period;

/**
 * What a court's days to decision should be for its case mix: a Spark MLlib linear regression of
 * log(1 + days to decision) on case category, court level, filing channel, hearing format, month
 * of the year of the decision and region, fitted on every decided case. A linear model on one-hot
 * features is its own explanation: each coefficient is the change of expected log days for one
 * level against the reference level.
 *
 * <p>Per court and month, the residual is the mean actual minus the mean predicted log days; it is
 * then scored against the court's own past ({@link Baseline}), so a court that is always a little
 * slower than the model says is not an anomaly, over the spread the month's cases imply
 * ({@link CaseLevelSpread}).
 */
final class DecisionTimeModel {

  static final List<String> FEATURES =
      List.of("case_category", "court_level", "filing_channel", "hearing_format", "decided_month", "region_code");
  static final String MODEL_NAME = Signal.DAYS_TO_DECISION.label();
  /** The least spread of a court-month's mean log days, however many decisions it rests on. */
  static final double SPREAD_FLOOR = 0.05;
  /** How the model's residuals become a score, for the model record. */
  static final String SCORE = "z of the court-month mean residual against the court's trailing median, over the spread its"
      + " cases imply (the court's pooled within-month case variance × (1/n + the month-level share pooled over courts)), read"
      + " as Student's t with the cases' degrees of freedom; over the court's own robust spread of its months, read as t with"
      + " 0.37 × (its months − 1) degrees of freedom, where that spread exceeds the cases' beyond the 95% chi-square quantile"
      + " (spread floor " + SPREAD_FLOOR + ")";

  private DecisionTimeModel() {}

  /** The cases decided in a scored month, with the features and the label. */
  static Dataset<Row> rows(Dataset<Row> cases, String lastMonth) {
    Column decidedPeriod = date_format(col("decided_at"), "yyyy-MM");
    return cases.filter(col("decided_at").isNotNull().and(decidedPeriod.leq(lastMonth)))
        .select(
            col("court_id"),
            decidedPeriod.as("period"),
            col("case_category"),
            col("court_level"),
            col("filing_channel"),
            coalesce(col("hearing_format"), lit("none")).as("hearing_format"),
            date_format(col("decided_at"), "MM").as("decided_month"),
            col("region_code"),
            logDays().as("log_days"));
  }

  /** log(1 + days from filing to decision) of a case: the scale days to decision are compared on. */
  static Column logDays() {
    return log1p(datediff(col("decided_at"), col("filed_at")).cast("double"));
  }

  /** The model formula over the features that vary in the data (one level has nothing to say). */
  static String formula(Dataset<Row> rows) {
    return "log_days ~ " + String.join(" + ", CountModel.varying(rows, FEATURES));
  }

  static PipelineModel train(Dataset<Row> rows) {
    RFormula formula = new RFormula().setFormula(formula(rows)).setStringIndexerOrderType("alphabetAsc");
    // The normal equations: an exact, deterministic fit, fast for a few dozen features; a token
    // ridge keeps them well-posed when a level is rare.
    LinearRegression regression = new LinearRegression().setSolver("normal").setRegParam(1e-6);
    return new Pipeline().setStages(new PipelineStage[] {formula, regression}).fit(rows);
  }

  static LinearRegressionModel regression(PipelineModel model) {
    return (LinearRegressionModel) model.stages()[1];
  }

  static void save(PipelineModel model, String path) {
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path, e);
    }
  }

  /**
   * The candidates, and the month-level share of the case variance they were scored with.
   *
   * @param monthShare ρ̂ of {@link CaseLevelSpread}
   */
  record Candidates(Dataset<Row> rows, double monthShare) {}

  /**
   * Days-to-decision candidates per court and month.
   *
   * @param rows the output of {@link #rows}
   */
  static Candidates candidates(PipelineModel model, Dataset<Row> rows, AnomalyOptions o) {
    Dataset<Row> predicted = model.transform(rows);
    Map<String, Map<String, Double>> coefficients = coefficients(model, predicted);

    List<Column> aggregates = new ArrayList<>();
    aggregates.add(avg("label").as("actual_log"));
    aggregates.add(avg("prediction").as("expected_log"));
    List<Column> contributions = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> feature : coefficients.entrySet()) {
      Column shift = lit(0.0);
      for (Map.Entry<String, Double> level : feature.getValue().entrySet()) {
        Column share = avg(when(col(feature.getKey()).equalTo(level.getKey()), 1.0).otherwise(0.0));
        shift = shift.plus(share.multiply(level.getValue()));
      }
      aggregates.add(shift.as("_shift_" + feature.getKey()));
    }
    aggregates.add(var_samp(col("label").minus(col("prediction"))).as("within_var"));
    Dataset<Row> perMonth = predicted.groupBy("court_id", "period")
        .agg(count("*").as("decisions"), aggregates.toArray(Column[]::new));

    // One pass over all cases for two national figures. A feature's contribution: how much the
    // court-month's mix of its levels moves the expected log days against the average mix of all
    // cases (as a % change of expected days). The sampling noise of a mean of n log days: the
    // residual spread of single cases over √n.
    Row national = predicted.agg(stddev_pop(col("label").minus(col("prediction"))).as("_case_spread"),
        coefficients.keySet().stream().map(f -> {
          Column shift = lit(0.0);
          for (Map.Entry<String, Double> level : coefficients.get(f).entrySet()) {
            shift = shift.plus(avg(when(col(f).equalTo(level.getKey()), 1.0).otherwise(0.0)).multiply(level.getValue()));
          }
          return shift.as(f);
        }).toArray(Column[]::new)).first();
    List<Column> ranked = new ArrayList<>();
    for (String f : coefficients.keySet()) {
      Column c = col("_shift_" + f).minus(lit(national.<Double>getAs(f)));
      ranked.add(struct(abs(c).as("size"), format_string("%s %+.0f%%", lit(f), expm1(c).multiply(100)).as("text")));
    }
    Column top = ranked.isEmpty() ? lit(null).cast("string")
        : array_join(slice(sort_array(array(ranked.toArray(Column[]::new)), false).getField("text"), 1, 3), ", ");

    // Court-months, few: kept, so that the month share's pass (CaseLevelSpread) and the candidates'
    // read them instead of predicting every case twice.
    Dataset<Row> series = perMonth.select(col("court_id").as("entity_id"), col("period"), col("decisions"), col("within_var"),
        col("actual_log"), col("expected_log"), col("actual_log").minus(col("expected_log")).as("value"), top.as("_top"))
        .cache();
    double caseSpread = national.getDouble(0);
    Column noise = greatest(lit(SPREAD_FLOOR), lit(caseSpread).divide(sqrt(col("decisions"))));
    Dataset<Row> scored = Baseline.score(series, o.trailingMonths(), o.minHistory(), noise, true)
        .withColumn("_actual_days", expm1(col("actual_log")))
        .withColumn("_expected_days", expm1(col("expected_log").plus(col("baseline"))));
    // In the data's first year, only cases short enough to be decided already are: the mean log
    // days rises month by month by truncation alone, so those months are history, not scored.
    Column warmUp = Period.monthNumber(col("period")).minus(min(Period.monthNumber(col("period"))).over(Window.partitionBy()))
        .lt(o.trailingMonths());
    double monthShare = CaseLevelSpread.monthShare(scored, warmUp.unary_$bang());
    scored = CaseLevelSpread.rescore(scored, monthShare, SPREAD_FLOOR)
        .withColumn("_p", when(warmUp.unary_$bang(), Tails.STUDENT_ABOVE.apply(col("score"), col("df"))));
    Column p = col("_p");
    Column explanation = concat(
        format_string("typical days to decision %.0f over %d decisions against about %.0f expected for this court's case"
            + " mix and its own past; ", col("_actual_days"), col("decisions"), col("_expected_days")),
        MonthlySignals.spreadWords(), lit("; "), CountSignals.chanceWords(p));
    return new Candidates(MonthlySignals.candidates(scored, Signal.DAYS_TO_DECISION, col("_actual_days"), col("_expected_days"), p,
        explanation, concat(lit("case mix against the national, effect on expected days: "), col("_top"))), monthShare);
  }

  /** The formula a fitted model used: the features that had coefficients, in model order. */
  static String fittedFormula(Map<String, Map<String, Double>> coefficients) {
    return "log_days ~ " + (coefficients.isEmpty() ? "1" : String.join(" + ", coefficients.keySet()));
  }

  /** The model's coefficients by feature and level (the reference levels have none: 0); features left out have none. */
  static Map<String, Map<String, Double>> coefficients(PipelineModel model, Dataset<Row> transformed) {
    double[] beta = regression(model).coefficients().toArray();
    Attribute[] attributes = AttributeGroup.fromStructField(transformed.schema().apply("features")).attributes().get();
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (int i = 0; i < attributes.length; i++) {
      String name = attributes[i].name().get();
      for (String f : FEATURES) {
        if (name.startsWith(f + "_")) {
          out.computeIfAbsent(f, k -> new LinkedHashMap<>()).put(name.substring(f.length() + 1), beta[i]);
        }
      }
    }
    return out;
  }

  /** This model's entry in the model record. */
  static ModelRecord.Model record(PipelineModel model, Dataset<Row> rows, String savedTo, double monthShare) {
    LinearRegressionModel lr = regression(model);
    Map<String, Map<String, Double>> fitted = coefficients(model, model.transform(rows.limit(1)));
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (lr.hasSummary()) {
      metrics.put("rmse_log_days", lr.summary().rootMeanSquaredError());
      metrics.put("r2", lr.summary().r2());
      metrics.put("training_rows", lr.summary().numInstances());
    }
    metrics.put("intercept", lr.intercept());
    // ρ̂: the month-level variance of a court's mean in units of its case variance (CaseLevelSpread).
    metrics.put("month_share_of_case_variance", monthShare);
    Map<String, Double> coefficients = new LinkedHashMap<>();
    fitted.forEach((f, levels) -> levels.forEach((level, beta) -> coefficients.put(f + "=" + level, beta)));
    return new ModelRecord.Entry(MODEL_NAME, "Spark MLlib LinearRegression (normal equations) after RFormula", savedTo, rows)
        .formula(fittedFormula(fitted)).parameters(lr).metrics(metrics).coefficientsLogDays(coefficients)
        .score(SCORE).family("gaussian, identity link").build();
  }
}
