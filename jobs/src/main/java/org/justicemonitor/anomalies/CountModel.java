package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.RFormula;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;

/**
 * How surprising a monthly count is, in three steps.
 *
 * <ol>
 *   <li><b>The national month and the peer group</b>: a Spark MLlib generalized linear model of
 *       the count (Poisson, log link, log exposure as offset) or of failures of requests
 *       (binomial, logit link, requests as weights) on the peer group and the month, fitted on every
 *       month: the expected count {@code m0} of an entity of its group and exposure in that
 *       month, season, trend and national shocks included.
 *   <li><b>The entity's own level, pooled</b> (empirical Bayes): the ratio θ of the entity's
 *       counts to {@code m0} has a gamma prior per group, mean m and variance v estimated by
 *       moments from all entities of the group (Marshall's estimator); the entity's trailing
 *       months give O observed against E = Σ m0 expected, and the posterior mean is θ̂ = (a + O) /
 *       (b + E) with a = m²/v, b = m/v: the weight on its own past is E / (b + E), large for a busy
 *       entity, small for one of a few cases a month.
 *   <li><b>The tail</b>: the month's count is negative binomial with mean μ = θ̂·m0 and variance
 *       μ + μ²·(α + 1/(a + O)): the posterior spread of θ̂ (a short or thin past is less certain)
 *       and an overdispersion α estimated by moments from the usual months, so a busy entity's
 *       month-to-month variation beyond Poisson does not raise flags. The tail is taken at the
 *       nearest material change ({@link AnomalyOptions#minChange}: μ·(1 + δ) above, μ·(1 − δ)
 *       below), so that what is flagged is a change that matters, not only one that is certain: a
 *       court of 1,000 cases a month deciding 10% fewer is certain, and no cause for review.
 * </ol>
 *
 * <p>Usual months are found in two rounds: every month is first judged with levels and α from
 * all months ({@link #usualMonths}); months with a tail probability below {@link #UNUSUAL_P}
 * either way are then left out of the levels, the priors and α ({@link #assess}). The tables are
 * entities × months, small next to the cases; the caller writes each round's input, so that a
 * round's plan starts from a scan.
 */
final class CountModel {

  /** A month more extreme than this, either way, is left out of what defines "usual". */
  static final double UNUSUAL_P = 1e-3;
  /** Prior rate when the entities of a group differ by no more than chance: pooled completely. */
  private static final double COMPLETE_POOLING = 1e12;

  enum Family {
    /** A count with an exposure: log E[y] = log exposure + x·β. */
    POISSON("poisson", "log"),
    /** y failures of {@code exposure} requests: logit P(failure) = x·β. */
    BINOMIAL("binomial", "logit");

    final String label;
    final String link;

    Family(String label, String link) {
      this.label = label;
      this.link = link;
    }
  }

  /**
   * @param features the model's categorical features, of {@code peer_group} and {@code period}
   * @param priorGroup the column whose entities share a prior: similar courts, the same service
   */
  record Spec(String name, Family family, List<String> features, String priorGroup) {

    String formula() {
      return (family == Family.POISSON ? "y ~ " : "failure_share ~ ") + String.join(" + ", features)
          + (family == Family.POISSON ? " + offset(log exposure)" : ", weights = requests");
    }
  }

  /** A group's prior of the entity-to-model ratio. */
  record Prior(String group, long entities, double mean, double shape, double rate) {}

  /** The least, median and largest weight on an entity's own past, in this order in the model record. */
  record Spread(double min, double median, double max) {}

  /** A signal's fitted model and the series it judges. */
  record Fitted(Spec spec, PipelineModel model, Dataset<Row> series) {}

  /** One signal's entity-months judged, with the estimates behind them: its α and its groups' priors. */
  record Assessment(Dataset<Row> rows, double overdispersion, List<Prior> priors) {}

  /**
   * Every signal's entity-months judged in one table (a {@code signal} column), with the
   * overdispersion and the groups' priors of each signal, read off once (a few rows): what {@link
   * #assess(Dataset, Dataset, AnomalyOptions)} computed for all signals, read per signal with
   * {@link #of}.
   */
  record Assessments(Dataset<Row> rows, Map<String, Double> overdispersion, Map<String, List<Prior>> priors) {

    Assessment of(String signal) {
      return new Assessment(rows.filter(col("signal").equalTo(signal)), overdispersion.getOrDefault(signal, 0.0),
          priors.getOrDefault(signal, List.of()));
    }
  }

  private CountModel() {}

  /**
   * Fits the model of the national month and the peer group on every month with exposure. One
   * entity's anomaly moves its month's coefficient only by its share of the group's counts; the
   * levels, the priors and the overdispersion, which an anomaly would move, come from usual
   * months only ({@link #assess}).
   *
   * @param series one row per entity and month: {@code entity_id}, {@code period}, the spec's
   *     features and prior group, {@code y} (the count) and {@code exposure} (&gt; 0 where scored)
   */
  static PipelineModel train(Dataset<Row> series, Spec spec) {
    RFormula formula = new RFormula().setFormula("glm_label ~ " + String.join(" + ", varying(series, spec.features())))
        .setStringIndexerOrderType("alphabetAsc");
    GeneralizedLinearRegression glm = new GeneralizedLinearRegression()
        .setFamily(spec.family().label).setLink(spec.family().link)
        // IRLS converges in a handful of iterations to Spark's default tolerance; a token ridge
        // keeps it well-posed when a month or group is rare.
        .setMaxIter(25).setTol(1e-6).setRegParam(1e-6);
    if (spec.family() == Family.POISSON) {
      glm.setOffsetCol("log_exposure");
    } else {
      glm.setWeightCol("exposure");
    }
    return new Pipeline().setStages(new PipelineStage[] {formula, glm}).fit(glmRows(series, spec));
  }

  static GeneralizedLinearRegressionModel glm(PipelineModel model) {
    return (GeneralizedLinearRegressionModel) model.stages()[1];
  }

  /** The features with more than one level in the rows (one level has nothing to say); "1" if none. */
  static List<String> varying(Dataset<Row> rows, List<String> features) {
    // More than one level is a minimum unlike the maximum: one pass, where distinct counts of
    // several columns would copy every row once per column (Spark's Expand).
    List<Column> bounds = new ArrayList<>();
    for (String f : features) {
      bounds.add(min(col(f)));
      bounds.add(max(col(f)));
    }
    Row levels = rows.agg(bounds.get(0), bounds.subList(1, bounds.size()).toArray(Column[]::new)).first();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      if (!levels.isNullAt(2 * i) && !levels.get(2 * i).equals(levels.get(2 * i + 1))) {
        out.add(features.get(i));
      }
    }
    return out.isEmpty() ? List.of("1") : out;
  }

  private static Dataset<Row> glmRows(Dataset<Row> rows, Spec spec) {
    Column label = spec.family() == Family.POISSON ? col("y") : col("y").divide(col("exposure"));
    return rows.filter(col("exposure").gt(0))
        .withColumn("glm_label", label.cast("double"))
        .withColumn("log_exposure", log(col("exposure")));
  }

  /**
   * Every signal's entity-months with the model's expected count {@code m0}, stacked in one table
   * (entity-months without exposure left out): {@code signal}, {@code entity_id}, {@code period},
   * {@code peer_group}, {@code prior_group}, {@code y}, {@code exposure}, {@code m0}. The two rounds
   * that follow ({@link #usualMonths}, {@link #assess(Dataset, Dataset, AnomalyOptions)}) group and
   * window by {@code signal} too: the same estimates as one signal at a time, in one set of Spark
   * jobs instead of one per signal (the stage's cost at these sizes is the number of jobs, not the
   * rows).
   */
  static Dataset<Row> expected(List<Fitted> fitted) {
    return fitted.stream().map(f -> expected(f.model(), f.series(), f.spec())).reduce(Dataset::unionByName).orElseThrow();
  }

  /**
   * The first round: every entity-month judged with levels, priors and α from all months, and
   * {@code usual} where it is within {@link #UNUSUAL_P} of its expectation both ways (or not
   * scored): {@code signal}, {@code entity_id}, {@code period}, {@code usual}.
   *
   * @param expected the output of {@link #expected(List)}
   */
  static Dataset<Row> usualMonths(Dataset<Row> expected, AnomalyOptions o) {
    Column usual = col("p_higher").isNull().or(col("p_higher").geq(UNUSUAL_P).and(col("p_lower").geq(UNUSUAL_P)));
    return judge(expected, lit(true), 0.0, o).rows().select(col("signal"), col("entity_id"), col("period"), usual.as("usual"));
  }

  /**
   * Judges every entity-month of every signal, with levels, priors and α from its usual months:
   * {@code m0}, the pooled level {@code theta}, its {@code own_weight}, the expected count {@code
   * mu}, the negative binomial {@code size}, and the tail probabilities {@code p_higher} (P(Y ≥ y))
   * and {@code p_lower} (P(Y ≤ y)) at the least material change, null where the entity has fewer
   * usual months than {@link AnomalyOptions#minHistory} in its trailing window; {@code usual}.
   *
   * @param expected the output of {@link #expected(List)}
   * @param usualMonths the output of {@link #usualMonths}
   */
  static Assessments assess(Dataset<Row> expected, Dataset<Row> usualMonths, AnomalyOptions o) {
    Dataset<Row> withUsual = expected.join(usualMonths, DataFrames.joinKeys("signal", "entity_id", "period"));
    Judged judged = judge(withUsual, col("usual"), o.minChange(), o);
    Map<String, Double> alpha = new LinkedHashMap<>();
    // One row per signal.
    for (Row r : judged.overdispersion().collectAsList()) {
      alpha.put(r.getString(0), r.getDouble(1));
    }
    Map<String, List<Prior>> priors = new LinkedHashMap<>();
    // One row per signal and group: a handful of groups each.
    for (Row p : judged.priors().orderBy("signal", "group").collectAsList()) {
      priors.computeIfAbsent(p.getString(0), k -> new ArrayList<>())
          .add(new Prior(p.getString(1), p.getLong(2), p.getDouble(3), p.getDouble(4), p.getDouble(5)));
    }
    return new Assessments(judged.rows(), alpha, priors);
  }

  private record Judged(Dataset<Row> rows, Dataset<Row> overdispersion, Dataset<Row> priors) {}

  /** One signal's series with {@code m0}, in the stacked table's columns. */
  private static Dataset<Row> expected(PipelineModel model, Dataset<Row> series, Spec spec) {
    Dataset<Row> predicted = model.transform(glmRows(series, spec));
    Column m0 = spec.family() == Family.POISSON ? col("prediction") : col("prediction").multiply(col("exposure"));
    return predicted.select(lit(spec.name()).as("signal"), col("entity_id"), col("period"),
        col("peer_group").cast("string").as("peer_group"), col(spec.priorGroup()).cast("string").as("prior_group"),
        col("y").cast("long").as("y"), col("exposure").cast("double").as("exposure"), m0.as("m0"));
  }

  private static Judged judge(Dataset<Row> base, Column usualRow, double minChange, AnomalyOptions o) {
    // Entities × months, thousands to a few hundred thousand rows: a handful of partitions, hashed
    // as the trailing windows need them (so they add no exchange of their own), instead of the
    // shuffle partitions sized for the cases, which a cached plan keeps.
    Dataset<Row> rows = base.repartition(base.sparkSession().sparkContext().defaultParallelism(), col("signal"), col("entity_id"))
        .withColumn("_u", usualRow);
    Column yU = when(col("_u"), col("y"));
    Column m0U = when(col("_u"), col("m0"));

    // The priors, by moments over the entities of each signal's group (their whole usual history).
    Dataset<Row> entities = rows.groupBy("signal", "prior_group", "entity_id")
        .agg(sum(yU).as("_o"), sum(m0U).as("_e"))
        .filter(col("_e").gt(0));
    Dataset<Row> groupMean = entities.groupBy("signal", "prior_group")
        .agg(count("*").as("entities"), sum("_o").divide(sum("_e")).as("prior_mean"), avg("_e").as("_mean_e"));
    Dataset<Row> priorRows = entities.join(groupMean, DataFrames.joinKeys("signal", "prior_group"))
        .groupBy("signal", "prior_group", "entities", "prior_mean", "_mean_e")
        .agg(sum(col("_e").multiply(pow(col("_o").divide(col("_e")).minus(col("prior_mean")), 2))).divide(sum("_e")).as("_s2"))
        .withColumn("_v", greatest(lit(0.0), col("_s2").minus(col("prior_mean").divide(col("_mean_e")))))
        .withColumn("prior_rate", when(col("_v").gt(0), col("prior_mean").divide(col("_v"))).otherwise(lit(COMPLETE_POOLING)))
        .withColumn("prior_rate", least(col("prior_rate"), lit(COMPLETE_POOLING)))
        .withColumn("prior_shape", col("prior_mean").multiply(col("prior_rate")))
        .select("signal", "prior_group", "entities", "prior_mean", "prior_shape", "prior_rate")
        .cache();
    WindowSpec trailing = Window.partitionBy("signal", "entity_id").orderBy(Period.monthNumber(col("period")))
        .rangeBetween(-o.trailingMonths(), -1);
    Dataset<Row> levelled = rows.join(broadcast(priorRows), DataFrames.joinKeys("signal", "prior_group"), "left")
        .withColumn("trailing_observed", sum(yU).over(trailing))
        .withColumn("trailing_expected", sum(m0U).over(trailing))
        .withColumn("trailing_months", count(yU).over(trailing))
        .withColumn("theta", col("prior_shape").plus(col("trailing_observed")).divide(col("prior_rate").plus(col("trailing_expected"))))
        .withColumn("own_weight", col("trailing_expected").divide(col("prior_rate").plus(col("trailing_expected"))))
        .withColumn("mu", col("theta").multiply(col("m0")))
        // A group that never counted anything has a prior of shape 0: kept just above it.
        .withColumn("_posterior_shape", greatest(col("prior_shape").plus(col("trailing_observed")), lit(1e-9)))
        // Small (entities × months) and read twice: for the overdispersion, then for the tails.
        .cache();
    Column scored = col("trailing_months").geq(o.minHistory()).and(col("m0").gt(0));

    // Overdispersion beyond Poisson and the level's own uncertainty, by moments over usual months.
    Column mu = col("mu");
    Column excess = sum(pow(col("y").minus(mu), 2).minus(mu).minus(pow(mu, 2).divide(col("_posterior_shape"))));
    Dataset<Row> alpha = levelled.filter(col("_u").and(scored)).groupBy("signal")
        .agg(greatest(lit(0.0), coalesce(excess.divide(when(sum(pow(mu, 2)).gt(0), sum(pow(mu, 2)))), lit(0.0))).as("alpha"))
        .cache();

    Column size = lit(1.0).divide(coalesce(col("alpha"), lit(0.0)).plus(lit(1.0).divide(col("_posterior_shape"))));
    Dataset<Row> judged = levelled.join(broadcast(alpha), DataFrames.joinKeys("signal"), "left")
        .withColumn("size", size)
        .withColumn("p_higher", when(scored, Tails.COUNT_AT_LEAST.apply(col("y").cast("double"), mu.multiply(1 + minChange), col("size"))))
        .withColumn("p_lower", when(scored, Tails.COUNT_AT_MOST.apply(col("y").cast("double"), mu.multiply(1 - minChange), col("size"))))
        .drop("_posterior_shape", "entities", "_u", "alpha", "prior_group");
    return new Judged(judged, alpha, priorRows.withColumnRenamed("prior_group", "group"));
  }

  /** This model's entry in the model record. */
  static ModelRecord.Model record(Spec spec, PipelineModel model, Assessment a, Row weights, Dataset<Row> series,
      String savedTo) {
    GeneralizedLinearRegressionModel glm = glm(model);
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (glm.hasSummary()) {
      // What the fit itself knows; the deviance would cost a pass of its own.
      metrics.put("iterations", glm.summary().numIterations());
    }
    metrics.put("coefficients", glm.coefficients().size());
    Map<String, Object> dispersion = new LinkedHashMap<>();
    dispersion.put("variance", "mu + mu^2 * (alpha + 1 / (a + O)): negative binomial");
    dispersion.put("alpha", a.overdispersion());
    dispersion.put("estimated_by", "moments over the usual entity-months with history: sum((y - mu)^2 - mu - mu^2 / (a + O)) / sum(mu^2)");
    Map<String, Object> pooling = new LinkedHashMap<>();
    pooling.put("prior_group", spec.priorGroup());
    pooling.put("formula", "theta = (a + O) / (b + E) over the trailing months; a = m^2 / v, b = m / v; own weight E / (b + E)");
    pooling.put("priors", a.priors());
    if (weights != null) {
      pooling.put("own_weight", new Spread(weights.getDouble(1), weights.getDouble(2), weights.getDouble(3)));
    }
    return new ModelRecord.Entry(spec.name(), "Spark MLlib GeneralizedLinearRegression after RFormula", savedTo, series)
        .formula(spec.formula()).parameters(glm).metrics(metrics)
        .trainedOn("every entity-month with exposure; the levels, priors and overdispersion from the usual ones only (a tail"
            + " probability of at least " + UNUSUAL_P + " either way in a first round)")
        .score("negative binomial tail of the month's count given its pooled level and the model's month")
        .family(glm.getFamily() + ", " + glm.getLink() + " link").dispersion(dispersion).pooling(pooling).build();
  }
}
