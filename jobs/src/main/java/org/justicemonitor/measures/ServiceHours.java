package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.spark.DataFrames;

/**
 * The clock hours of a service, judged one by one: an hour is <em>judged</em> when it has at least
 * {@link Rule#minRequests} requests, and <em>down</em> when it is judged and more than
 * {@link Rule#failingAbove} of them failed ({@code server_error} or {@code timeout}). An outage is
 * a run of consecutive down hours.
 *
 * <p>Why a minimum: with one request an hour, a single timeout would make an outage. At 10
 * requests and a 50% bar, a service failing 1% of its requests as usual has a down hour about
 * once in 5 billion hours. Hours with fewer requests say nothing either way. They are neither up
 * nor down, and they break a run. A run is counted in the month its hours are in: a run across
 * midnight of the month's last day is split. Hours are UTC clock hours. Kazakhstan's offsets are
 * whole hours, so they are also local clock hours.
 */
public final class ServiceHours {

  /**
   * When an hour counts, and when it is down.
   *
   * @param failingAbove an hour is down when its failure rate is above this
   * @param minRequests an hour with fewer requests is not judged
   */
  public record Rule(double failingAbove, int minRequests) {
    public Rule {
      if (!(failingAbove >= 0 && failingAbove < 1)) {
        throw new IllegalArgumentException("--outage-failure-rate must be in [0, 1), cannot be: " + failingAbove);
      }
      if (minRequests < 1) {
        throw new IllegalArgumentException("--outage-min-requests must be at least 1, cannot be: " + minRequests);
      }
    }
  }

  private ServiceHours() {}

  /** A request's failure: 1 for {@code server_error} or {@code timeout}, else 0. */
  static Column failed() {
    return when(col("status").isin("server_error", "timeout"), 1).otherwise(0);
  }

  /**
   * The requests of each clock hour.
   *
   * @param events service events with {@code event_ts}, {@code event_month} and {@code status}
   * @param keys the grouping columns (e.g. {@code service}, {@code region_code}); {@code period} is the month
   * @return the keys, {@code period}, {@code hour} (hours since the epoch), {@code n} requests and
   *     {@code f} failed
   */
  public static Dataset<Row> hourly(Dataset<Row> events, List<String> keys) {
    List<Column> group = DataFrames.columns(keys);
    group.add(col("event_month").as("period"));
    group.add(floor(unix_seconds(col("event_ts")).divide(3600)).as("hour"));
    return events.groupBy(group.toArray(Column[]::new)).agg(count("*").as("n"), sum(failed()).cast("long").as("f"));
  }

  /**
   * @param hours {@link #hourly} counts with the {@code keys}
   * @return one row per group and month: the keys, {@code period}, {@code judged_hours},
   *     {@code outage_hours}, {@code outages} (runs) and {@code longest_outage_hours}; groups
   *     with no judged hour have 0s
   */
  public static Dataset<Row> outages(Dataset<Row> hours, List<String> keys, Rule rule) {
    List<String> byMonth = new ArrayList<>(keys);
    byMonth.add("period");
    Column judged = col("n").geq(rule.minRequests());
    Dataset<Row> classified = hours
        .withColumn("judged", judged.cast("int"))
        .withColumn("down", judged.and(col("f").divide(col("n")).gt(rule.failingAbove())));

    // Gaps and islands over the down hours: within a run of consecutive hours, hour − its rank is constant.
    Column[] month = DataFrames.columns(byMonth).toArray(Column[]::new);
    Column rank = row_number().over(Window.partitionBy(month).orderBy("hour"));
    List<String> byRun = new ArrayList<>(byMonth);
    byRun.add("island");
    Dataset<Row> runs = classified.filter(col("down"))
        .withColumn("island", col("hour").minus(rank))
        .groupBy(DataFrames.columns(byRun).toArray(Column[]::new))
        .agg(count("*").as("length"))
        .groupBy(month)
        .agg(count("*").as("outages"), sum("length").as("outage_hours"), max("length").as("longest_outage_hours"));
    Dataset<Row> judgedHours = classified.groupBy(month).agg(sum("judged").cast("long").as("judged_hours"));
    return judgedHours.join(runs, DataFrames.joinKeys(byMonth.toArray(String[]::new)), "left")
        .na().fill(0L, new String[] {"outages", "outage_hours", "longest_outage_hours"});
  }
}
