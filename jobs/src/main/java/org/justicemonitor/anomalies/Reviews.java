package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.JobFailure;

/**
 * Human review of flags. A reviews file (CSV with a header: {@code entity_type}, {@code
 * entity_id}, {@code period}, {@code verdict} = confirmed | dismissed, {@code note}, and
 * optionally the {@code score} the reviewer saw) says what people decided. A dismissed flag is
 * not raised again for that entity and period unless its score is now higher than when it was
 * dismissed (without a score, it stays dismissed); a confirmed one is raised and marked so.
 */
final class Reviews {

  static final StructType SCHEMA =
      StructType.fromDDL("entity_type STRING, entity_id STRING, `period` STRING, verdict STRING, "
          + "note STRING, score DOUBLE");

  static final List<String> REQUIRED = List.of("entity_type", "entity_id", "period", "verdict");

  private Reviews() {}

  static Dataset<Row> none(SparkSession spark) {
    return spark.createDataFrame(List.of(), SCHEMA);
  }

  /** Reads the reviews CSV, whatever its column order; every column is read as text, then typed. */
  static Dataset<Row> read(SparkSession spark, String path) {
    Dataset<Row> text = spark.read().option("header", true).option("inferSchema", false).csv(path);
    List<String> columns = Arrays.asList(text.columns());
    for (String required : REQUIRED) {
      if (!columns.contains(required)) {
        throw new JobFailure("the reviews file " + path + " has no column " + required + "; it needs "
            + String.join(", ", REQUIRED) + " (and may have note, score)");
      }
    }
    Column verdict = lower(trim(col("verdict")));
    Dataset<Row> typed = text.select(
        trim(col("entity_type")).as("entity_type"),
        trim(col("entity_id")).as("entity_id"),
        trim(col("period")).as("period"),
        verdict.as("verdict"),
        (columns.contains("note") ? col("note") : lit(null).cast("string")).as("note"),
        (columns.contains("score") ? col("score").try_cast("double") : lit(null).cast("double")).as("score"));
    long bad = typed.filter(col("verdict").isin("confirmed", "dismissed").unary_$bang().or(col("verdict").isNull())).count();
    if (bad > 0) {
      throw new JobFailure("the reviews file " + path + " has " + bad + " rows whose verdict is not confirmed or dismissed");
    }
    return typed;
  }

  /**
   * Drops dismissed flags that did not worsen and adds a {@code review} column: {@code confirmed},
   * {@code dismissed earlier at score X; worse now}, or null when nobody reviewed it.
   */
  static Dataset<Row> apply(Dataset<Row> raised, Dataset<Row> reviews) {
    // Conflicting reviews of one flag: a confirmation wins, so a flag is never lost to a stale dismissal.
    Dataset<Row> latest = reviews.groupBy("entity_type", "entity_id", "period")
        .agg(min("verdict").as("_verdict"), max("score").as("_reviewed_score"));
    Dataset<Row> joined = raised.join(latest, DataFrames.joinKeys("entity_type", "entity_id", "period"), "left");
    Column dismissed = coalesce(col("_verdict").equalTo("dismissed"), lit(false));
    Column worse = coalesce(col("score").gt(col("_reviewed_score")), lit(false));
    return joined.filter(dismissed.unary_$bang().or(worse))
        .withColumn("review", when(col("_verdict").equalTo("confirmed"), lit("confirmed"))
            .when(dismissed, concat(format_string("dismissed earlier at score %.1f; worse now", col("_reviewed_score")))))
        .drop("_verdict", "_reviewed_score");
  }
}
