package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/**
 * The case side of digital adoption beyond the contract's two shares: how many administrative
 * offences arrive through the police E-Protocol and how fast they are decided, and how many
 * decisions reach the public database of judicial acts and how fast.
 *
 * <ul>
 *   <li>e_protocol_share = {@code administrative_offence} cases filed in the period through
 *       {@code e_protocol} / all {@code administrative_offence} cases filed in it;
 *   <li>median_days_protocol_to_decision = median of {@code decided_at − filed_at} over E-Protocol
 *       administrative offences decided in the period;
 *   <li>publication_share = cases decided in the period with a {@code published_at} / all cases
 *       decided in it (as of the extract date: recent decisions may still be published);
 *   <li>median_days_to_publication = median of {@code published_at − decided_at} over the cases
 *       decided in the period that are published.
 * </ul>
 */
public final class DigitalAdoption {

  /** Disclosure rules: each value rests on the cases it is computed over. */
  static final List<Disclosure.Rule> RULES =
      List.of(
          Disclosure.Rule.of("e_protocol_share", "administrative_offences"),
          Disclosure.Rule.of("median_days_protocol_to_decision", "e_protocol_decisions"),
          Disclosure.Rule.of("publication_share", "resolved"),
          Disclosure.Rule.of("median_days_to_publication", "published_decisions"));

  private DigitalAdoption() {}

  /**
   * @param cases cases with the {@code keys} columns
   * @return keys, {@code period}, the base counts ({@code administrative_offences},
   *     {@code e_protocol_offences}, {@code e_protocol_decisions}, {@code published_decisions}), the
   *     two medians and {@code e_protocol_share}; {@code publication_share} needs {@code resolved}
   *     and is added by {@link #joinTo}
   */
  public static Dataset<Row> compute(Dataset<Row> cases, List<String> keys, Period period) {
    List<String> byPeriod = new ArrayList<>(keys);
    byPeriod.add("period");
    Column[] groupKeys = byPeriod.stream().map(k -> col(k)).toArray(Column[]::new);
    Column offence = col("case_category").equalTo("administrative_offence");
    Column eProtocol = offence.and(col("filing_channel").equalTo("e_protocol"));

    Dataset<Row> filed =
        cases.filter(offence)
            .withColumn("period", period.of(col("filed_at")))
            .groupBy(groupKeys)
            .agg(count("*").as("administrative_offences"), sum(when(eProtocol, 1).otherwise(0)).cast("long").as("e_protocol_offences"));
    Dataset<Row> decided = cases.filter(col("decided_at").isNotNull()).withColumn("period", period.of(col("decided_at")));
    Dataset<Row> protocolDays =
        Percentiles.exact(decided.filter(eProtocol), byPeriod, datediff(col("decided_at"), col("filed_at")),
                List.of(new Percentiles.Output("median_days_protocol_to_decision", 0.5)))
            .withColumnRenamed("n", "e_protocol_decisions");
    Dataset<Row> publicationDays =
        Percentiles.exact(decided, byPeriod, datediff(col("published_at"), col("decided_at")),
                List.of(new Percentiles.Output("median_days_to_publication", 0.5)))
            .withColumnRenamed("n", "published_decisions");

    scala.collection.immutable.Seq<String> on = DataFrames.joinKeys(byPeriod.toArray(String[]::new));
    return filed.join(protocolDays, on, "full")
        .join(publicationDays, on, "full")
        .withColumn("e_protocol_share", DataFrames.ratio(col("e_protocol_offences"), col("administrative_offences")));
  }

  /** Joins {@link #compute}'s output to a case flow; counts missing from it become 0. */
  public static Dataset<Row> joinTo(Dataset<Row> flow, Dataset<Row> adoption, List<String> keys) {
    List<String> byPeriod = new ArrayList<>(keys);
    byPeriod.add("period");
    Dataset<Row> joined = flow.join(adoption, DataFrames.joinKeys(byPeriod.toArray(String[]::new)), "left").na()
        .fill(0L, new String[] {"administrative_offences", "e_protocol_offences", "e_protocol_decisions", "published_decisions"});
    return joined.withColumn("publication_share", DataFrames.ratio(col("published_decisions"), col("resolved")));
  }
}
