package org.justicemonitor.detection;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.spark.DataFrames;

/**
 * Flags scored against known anomalies (the generator's {@code labels/anomalies.csv}).
 *
 * <p>A flag is true when an anomaly is labelled in its month for its entity and the flag's signal
 * is one meant to find the anomaly's kind; a region flag is also true when the labelled anomaly
 * is in that region (one of its courts or services). Recall is counted per labelled
 * anomaly-month, precision per flag.
 */
public final class Evaluation {

  /** Per kind, per signal and overall figures, and the labels no flag found. */
  @JsonPropertyOrder({"precision", "recall", "f1", "flags", "true_flags", "labelled", "found", "top_n", "true_in_top_n",
      "kinds", "signals", "missed"})
  public record Result(List<KindRecall> kinds, List<SignalPrecision> signals, long flags, long trueFlags,
      @JsonProperty("labelled") long labels, long found, int topN, long trueInTopN, List<String> missed) {

    @JsonProperty
    public double precision() {
      return flags == 0 ? 0 : (double) trueFlags / flags;
    }

    @JsonProperty
    public double recall() {
      return labels == 0 ? 0 : (double) found / labels;
    }

    @JsonProperty
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  @JsonPropertyOrder({"kind", "labelled", "found", "recall", "flags", "true_flags", "precision"})
  public record KindRecall(String kind, @JsonProperty("labelled") long labels, long found, long flags, long trueFlags) {
    @JsonProperty
    public double recall() {
      return labels == 0 ? 0 : (double) found / labels;
    }

    /** Precision of the flags that point at an anomaly of this kind, or at nothing, by signal. */
    @JsonProperty
    public double precision() {
      return flags == 0 ? 0 : (double) trueFlags / flags;
    }
  }

  public record SignalPrecision(String signal, long flags, long trueFlags) {}

  private Evaluation() {}

  /**
   * @param flags {@code anomalies/flags}
   * @param labels {@code entity_type, entity_id, period, signal, kind}
   * @param courtRegions {@code court_id, region_code}
   * @param signalKinds the kind each signal is meant to find, for per-kind precision
   */
  public static Result evaluate(Dataset<Row> flags, Dataset<Row> labels, Dataset<Row> courtRegions, int topN,
      java.util.Map<String, String> signalKinds) {
    Dataset<Row> l = labels.join(courtRegions.withColumnRenamed("court_id", "entity_id").withColumnRenamed("region_code", "_court_region"),
            DataFrames.joinKeys("entity_id"), "left")
        .select(col("entity_type").as("l_type"), col("entity_id").as("l_id"), col("period").as("l_period"), col("kind"),
            when(col("entity_type").equalTo("court"), col("_court_region"))
                .when(col("entity_type").equalTo("region"), col("entity_id"))
                .otherwise(substring_index(col("entity_id"), ":", 1)).as("l_region"));
    Column sameEntity = col("entity_type").equalTo(col("l_type")).and(col("entity_id").equalTo(col("l_id")));
    Column inRegion = col("entity_type").equalTo("region").and(col("entity_id").equalTo(col("l_region")));
    // A flag finds an anomaly only through a signal meant for its kind: a slow court is not found
    // by a stall flag of the same court and month.
    List<Row> kindRows = signalKinds.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
    Dataset<Row> kindOf = flags.sparkSession().createDataFrame(kindRows,
        StructType.fromDDL("_signal STRING, _kind STRING"));
    Dataset<Row> pairs = flags.join(broadcast(kindOf), col("signal").equalTo(col("_signal")))
        .join(l, col("period").equalTo(col("l_period")).and(col("_kind").equalTo(col("kind"))).and(sameEntity.or(inRegion)));

    Dataset<Row> flagTruth = flags.join(pairs.select("entity_type", "entity_id", "period", "signal").distinct().withColumn("_true", lit(true)),
            DataFrames.joinKeys("entity_type", "entity_id", "period", "signal"), "left")
        .withColumn("_true", coalesce(col("_true"), lit(false)));
    Dataset<Row> labelFound = l.join(pairs.select("l_type", "l_id", "l_period").distinct().withColumn("_found", lit(true)),
            DataFrames.joinKeys("l_type", "l_id", "l_period"), "left")
        .withColumn("_found", coalesce(col("_found"), lit(false)));

    List<SignalPrecision> signals = new ArrayList<>();
    for (Row r : flagTruth.groupBy("signal").agg(count("*"), sum(when(col("_true"), 1L).otherwise(0L))).orderBy("signal").collectAsList()) {
      signals.add(new SignalPrecision(r.getString(0), r.getLong(1), r.getLong(2)));
    }
    List<KindRecall> kinds = new ArrayList<>();
    for (Row r : labelFound.groupBy("kind").agg(count("*"), sum(when(col("_found"), 1L).otherwise(0L))).orderBy("kind").collectAsList()) {
      long kindFlags = 0;
      long kindTrue = 0;
      for (SignalPrecision s : signals) {
        if (r.getString(0).equals(signalKinds.get(s.signal()))) {
          kindFlags += s.flags();
          kindTrue += s.trueFlags();
        }
      }
      kinds.add(new KindRecall(r.getString(0), r.getLong(1), r.getLong(2), kindFlags, kindTrue));
    }
    Row totals = flagTruth.agg(count("*"), coalesce(sum(when(col("_true"), 1L).otherwise(0L)), lit(0L)),
        coalesce(sum(when(col("_true").and(col("rank").leq(topN)), 1L).otherwise(0L)), lit(0L))).first();
    Row labelTotals = labelFound.agg(count("*"), coalesce(sum(when(col("_found"), 1L).otherwise(0L)), lit(0L))).first();
    List<String> missed = labelFound.filter(col("_found").unary_$bang()).orderBy("kind", "l_type", "l_id", "l_period")
        .select("kind", "l_type", "l_id", "l_period").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3)).toList();
    return new Result(kinds, signals, totals.getLong(0), totals.getLong(1), labelTotals.getLong(0), labelTotals.getLong(1), topN,
        totals.getLong(2), missed);
  }
}
