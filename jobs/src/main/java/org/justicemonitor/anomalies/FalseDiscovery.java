package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Benjamini–Hochberg within each review queue: the candidates of one entity type (courts,
 * regions, region × services, judges) form one family, because each type is reviewed by its own
 * people, who need the share of false flags in <em>their</em> queue held. With m candidates of a
 * family ranked by tail probability, p_(i) becomes q_(i) = min over j ≥ i of p_(j)·m / j;
 * flagging every q ≤ the level holds the expected share of false flags among that family's flags
 * at or below the level (for independent or positively dependent p-values). Over the four queues
 * together the expected number of false flags is at most the level times the flags raised, as
 * before; what changes is that the thousands of judge tests no longer raise the bar for the few
 * dozen courts. The score is −log10 q, so that scores of different signals compare: a score of 3
 * is a candidate its queue would flag at a false-discovery rate of 0.1%.
 */
final class FalseDiscovery {

  /** Below this, a q-value is 0 in double precision: scores are capped at 300. */
  private static final double LEAST_Q = 1e-300;
  /** The column whose values are the families: one review queue per entity type. */
  static final String FAMILY = "entity_type";

  private FalseDiscovery() {}

  /**
   * @param candidates with a {@code p_value} each
   * @return the candidates with {@code q_value} and {@code score}
   */
  static Dataset<Row> adjust(Dataset<Row> candidates) {
    // One ordered pass over all candidates (entity-months × signals: small next to the cases);
    // ties broken by the candidate's key, so the ranks are the same on every run.
    WindowSpec byP = Window.partitionBy(FAMILY).orderBy(col("p_value"), col("entity_id"), col("period"), col("signal"));
    Dataset<Row> ranked = candidates
        .withColumn("_i", row_number().over(byP))
        .withColumn("_m", count(lit(1)).over(Window.partitionBy(FAMILY)));
    // The minimum over j ≥ i as a running minimum from the largest p down: Spark computes a frame
    // that starts at the current row anew for every row, one that ends there incrementally.
    WindowSpec fromLargest = Window.partitionBy(FAMILY).orderBy(col("_i").desc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column stepUp = min(col("p_value").multiply(col("_m")).divide(col("_i"))).over(fromLargest);
    return ranked.withColumn("q_value", least(lit(1.0), stepUp))
        .withColumn("score", log10(greatest(col("q_value"), lit(LEAST_Q))).multiply(-1))
        .drop("_i", "_m");
  }
}
