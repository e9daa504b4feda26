package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.spark.DataFrames;

/**
 * Region-months whose whole indicator profile is unusual. Each indicator of a region is first
 * put relative to the region's own past ({@link Baseline}: a robust z, so structural differences
 * and trends drop out) and only its worse side is kept (slower, lower clearance, fewer e-filings
 * or online hearings, more failures); k-means (Spark MLlib) then learns the usual joint patterns of those
 * z-scores, and the distance of a region-month to its nearest centre, itself scored against the
 * distances of all region-months, says how unusual the profile is.
 */
final class ProfileModel {

  static final List<String> INDICATORS =
      List.of("clearance_rate", "median_days_to_decision", "e_filing_share", "online_hearing_share",
          "median_days_to_register_e_filing", "service_failure_rate");

  /** The indicators where a lower value is the worse one. */
  static final List<String> LOWER_IS_WORSE = List.of("clearance_rate", "e_filing_share", "online_hearing_share");
  static final String MODEL_NAME = Signal.INDICATOR_PROFILE.label();
  static final int CLUSTERS = 3;
  /** A region-month with every indicator's robust score below this is usual: what k-means learns from. */
  static final double USUAL_Z = 5.0;

  private ProfileModel() {}

  static String z(String indicator) {
    return "z_" + indicator;
  }

  /**
   * @param regionMonths one row per region and month: {@code region_code}, {@code period} and the
   *     {@link #INDICATORS}
   * @return one row per region and month with history: {@code region_code}, {@code period} and
   *     one robust z per indicator
   */
  static Dataset<Row> profiles(Dataset<Row> regionMonths, AnomalyOptions o) {
    Dataset<Row> out = regionMonths.select("region_code", "period");
    for (String indicator : INDICATORS) {
      Dataset<Row> series = regionMonths.select(col("region_code").as("entity_id"), col("period"), col(indicator).cast("double").as("value"));
      // Only the worse side counts: a backlog clearing faster than usual is no cause for review.
      Dataset<Row> scored = Baseline.score(series, o.trailingMonths(), o.minHistory(), floor(indicator),
              !LOWER_IS_WORSE.contains(indicator))
          .select(col("entity_id").as("region_code"), col("period"), greatest(col("score"), lit(0.0)).as(z(indicator)));
      out = out.join(scored, DataFrames.joinKeys("region_code", "period"));
    }
    return out;
  }

  /** The smallest spread of an indicator: a day for day counts, a percentage point for shares. */
  private static double floor(String indicator) {
    return indicator.startsWith("median_days") ? 1.0 : 0.01;
  }

  /**
   * Learns the usual patterns from the usual months only (no indicator beyond {@link #USUAL_Z}),
   * so that no centre sits on an outlier and makes it look usual.
   */
  static Dataset<Row> usual(Dataset<Row> profiles) {
    Column worst = greatest(INDICATORS.stream().map(i -> col(z(i))).toArray(Column[]::new));
    return profiles.filter(worst.lt(USUAL_Z));
  }

  static PipelineModel train(Dataset<Row> profiles, long seed) {
    VectorAssembler assembler = new VectorAssembler()
        .setInputCols(INDICATORS.stream().map(ProfileModel::z).toArray(String[]::new))
        .setOutputCol("features")
        .setHandleInvalid("skip");
    KMeans kMeans = new KMeans().setK(CLUSTERS).setSeed(seed).setMaxIter(50).setFeaturesCol("features");
    return new Pipeline().setStages(new PipelineStage[] {assembler, kMeans}).fit(profiles);
  }

  static KMeansModel kMeans(PipelineModel model) {
    return (KMeansModel) model.stages()[1];
  }

  static Dataset<Row> candidates(PipelineModel model, Dataset<Row> profiles) {
    Vector[] centres = kMeans(model).clusterCenters();
    Dataset<Row> assigned = model.transform(profiles);
    // Months without the history for every z are not scored (the assembler skips them).
    Column squared = lit(0.0);
    for (int i = 0; i < INDICATORS.size(); i++) {
      Column centre = lit(null).cast("double");
      for (int c = centres.length - 1; c >= 0; c--) {
        centre = when(col("prediction").equalTo(c), lit(centres[c].apply(i))).otherwise(centre);
      }
      Column d = col(z(INDICATORS.get(i))).minus(centre);
      squared = squared.plus(d.multiply(d));
    }
    Dataset<Row> distances = assigned.withColumn("distance", sqrt(squared));
    double median = distances.agg(percentile(col("distance"), lit(0.5))).first().getDouble(0);

    List<Column> parts = new ArrayList<>();
    for (String indicator : INDICATORS) {
      Column zi = col(z(indicator));
      parts.add(struct(abs(zi).as("size"), format_string("%s %+.1f", lit(indicator), zi).as("text")));
    }
    Column largest = array_join(slice(sort_array(array(parts.toArray(Column[]::new)), false).getField("text"), 1, 2), ", ");
    Dataset<Row> scored = distances
        .withColumn("entity_id", col("region_code"))
        .withColumn("_largest", largest);
    // The indicators are correlated and their robust scores heavier-tailed than normal, so no
    // textbook distribution holds for the distance: its tail probability is empirical, the share
    // of all scored region-months at least as far from a usual pattern.
    Column atLeastAsFar = count(lit(1)).over(Window.orderBy(col("distance").desc())
        .rangeBetween(Window.unboundedPreceding(), Window.currentRow()));
    scored = scored.withColumn("_p", atLeastAsFar.divide(count(lit(1)).over(Window.partitionBy())));
    Column p = col("_p");
    Column explanation = concat(
        format_string("indicator profile unlike its own past and the usual patterns of all regions: %.1f usual spreads"
            + " from the nearest usual pattern (k-means), where a typical region-month is %.1f; largest worsenings, in"
            + " units of their usual spread: ", col("distance"), lit(median)),
        col("_largest"), lit("; "), CountSignals.chanceWords(p));
    return MonthlySignals.candidates(scored, Signal.INDICATOR_PROFILE, col("distance"), lit(median), p, explanation,
        concat(lit("largest worsenings: "), col("_largest")));
  }

  /** This model's entry in the model record. */
  static ModelRecord.Model record(PipelineModel model, Dataset<Row> profiles, String savedTo) {
    KMeansModel kMeans = kMeans(model);
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (kMeans.hasSummary()) {
      metrics.put("training_cost", kMeans.summary().trainingCost());
      metrics.put("cluster_sizes", kMeans.summary().clusterSizes());
    }
    return new ModelRecord.Entry(MODEL_NAME, "Spark MLlib KMeans on per-region robust z-scores", savedTo, profiles)
        .features(INDICATORS.stream().map(ProfileModel::z).toList()).parameters(kMeans).metrics(metrics)
        .trainedOn("region-months with every indicator's z below " + USUAL_Z + ": the usual patterns")
        .score("distance d to the nearest centre, in units of the indicators' usual spreads; tail probability: the share of"
            + " all scored region-months at distance d or more (empirical)").build();
  }
}
