package org.justicemonitor.detection;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.anomalies.MonthlySignals;
import org.justicemonitor.anomalies.PowerTable;
import org.justicemonitor.anomalies.Signal;
import org.justicemonitor.spark.DataFrames;

/**
 * Whether a labelled anomaly left more evidence in the data than the power line of the signal
 * meant to find it ({@link PowerTable}): could the monitor be expected to see it?
 *
 * <p>For the count kinds (a filing surge, a stall, a service outage) the month's count is set
 * against what the entity's trailing months make it expect: their mean count (a surge's filings,
 * a stall's decisions), or for a service its month's requests at the service's national failure
 * rate over those months (what a small region × service leans on). The line is the power table's
 * at that expectation, for the run's review queue (m, the false-discovery level, the least
 * material change), with no overdispersion: the lowest line the count models can have, so an
 * anomaly called below it is below the model's too. The other labelled months of the same entity
 * are left out of its trailing months (a stall's first month would lower its second's bar).
 * A registration lag is read in a region's month only when at least {@link
 * MonthlySignals#MIN_E_FILINGS} e-filings were registered in it: below that the month is not
 * scored, and the lag is below what the monitor can see whatever its size. A slow court is read
 * as the month's mean log(1 + days) of its decisions against the mean of its trailing months'
 * (not adjusted for case mix: an approximation of the model's residuals), as a factor on 1 + days,
 * against the days signal's line at the month's decisions, with the run's case spread (the days
 * model's RMSE) and month share. Labels without trailing months count as above: recall above the
 * line is then never flattered by what cannot be read.
 */
public final class LabelPower {

  /** The kinds with a line, and the signal whose line they are held to. */
  private static final Map<String, Signal> COUNT_KINDS = Map.of(
      "filing_surge", Signal.INCOMING, "stalled_court", Signal.RESOLVED, "service_outage", Signal.SERVICE_FAILURE_RATE);

  /**
   * One labelled anomaly against its line; the counts are null for a kind without a line.
   *
   * @param observed the month's count (filings, decisions, failures)
   * @param expected what the trailing months expect of that count (none for a registration lag)
   * @param needed the count the line asks for: at least (surge, outage) or at most (stall);
   *     negative when no count reaches it (a stall of a court too small to be seen even with no
   *     decision); for a slow court the factor on 1 + days
   * @param factor a slow court's month against its trailing months, as a factor on 1 + days
   */
  public record Line(String kind, String entityType, String entityId, String period, Long observed, Double expected,
      Double needed, Double factor, boolean above) {

    /** The label as {@link Evaluation} names it: kind, entity type, entity, month. */
    public String label() {
      return kind + " " + entityType + " " + entityId + " " + period;
    }

    /** "25 against 11.2 expected; 8 times in 10 needs at least 37": how far from its line, in words. */
    public String words() {
      if (needed == null) {
        return "no tabulated line";
      }
      if (factor != null) {
        return String.format(Locale.ROOT, "1 + days × %.2f over %d decisions against its trailing months; 8 times in 10 needs × %.2f",
            factor, observed, needed);
      }
      if (expected == null) {
        return String.format(Locale.ROOT, "%d e-filings registered in the month; a month is scored from %.0f", observed, needed);
      }
      String what = String.format(Locale.ROOT, expected < 10 ? "%d against %.2f expected" : "%d against %.1f expected",
          observed, expected);
      if (needed < 0) {
        return what + "; no count is flagged 8 times in 10 at that size";
      }
      boolean fewer = "stalled_court".equals(kind);
      return String.format(Locale.ROOT, "%s; 8 times in 10 needs %s %.0f", what, fewer ? "at most" : "at least",
          fewer ? Math.floor(needed) : Math.ceil(needed));
    }
  }

  private LabelPower() {}

  /**
   * The months counts the lines are read on, one row per entity, kind and month.
   *
   * @param courtMonths {@code court_id, period, incoming, resolved}
   * @param serviceMonths {@code region_code, service, period, service_requests, service_failures}
   * @param cases the ingested cases: the registered e-filings of each region and month, and each
   *     court's decisions of the month with their mean log(1 + days)
   * @return {@code entity_type, entity_id, kind, period, y, requests, service, mean_log_days}
   */
  public static Dataset<Row> counts(Dataset<Row> courtMonths, Dataset<Row> serviceMonths, Dataset<Row> cases) {
    Column noService = lit(null).cast("string");
    Column noRequests = lit(null).cast("long");
    Column noDays = lit(null).cast("double");
    Dataset<Row> filings = courtMonths.select(lit("court").as("entity_type"), col("court_id").as("entity_id"),
        lit("filing_surge").as("kind"), col("period"), col("incoming").cast("long").as("y"), noRequests.as("requests"),
        noService.as("service"), noDays.as("mean_log_days"));
    Dataset<Row> decisions = courtMonths.select(lit("court").as("entity_type"), col("court_id").as("entity_id"),
        lit("stalled_court").as("kind"), col("period"), col("resolved").cast("long").as("y"), noRequests.as("requests"),
        noService.as("service"), noDays.as("mean_log_days"));
    Dataset<Row> failures = serviceMonths.select(lit("region_service").as("entity_type"),
        concat_ws(":", col("region_code"), col("service")).as("entity_id"), lit("service_outage").as("kind"), col("period"),
        col("service_failures").cast("long").as("y"), col("service_requests").cast("long").as("requests"), col("service"),
        noDays.as("mean_log_days"));
    Dataset<Row> registered = MonthlySignals.registeredEFilings(cases).select(lit("region").as("entity_type"),
        col("region_code").as("entity_id"), lit("registration_lag").as("kind"), col("period"), col("register_base").as("y"),
        noRequests.as("requests"), noService.as("service"), noDays.as("mean_log_days"));
    Column days = datediff(col("decided_at"), col("filed_at"));
    Dataset<Row> decided = cases.filter(col("decided_at").isNotNull().and(days.geq(0)))
        .groupBy(col("court_id"), date_format(col("decided_at"), "yyyy-MM").as("period"))
        .agg(count(lit(1)).as("y"), avg(log1p(days)).as("mean_log_days"))
        .select(lit("court").as("entity_type"), col("court_id").as("entity_id"), lit("slow_court").as("kind"), col("period"),
            col("y"), noRequests.as("requests"), noService.as("service"), col("mean_log_days"));
    return filings.unionByName(decisions).unionByName(failures).unionByName(registered).unionByName(decided);
  }

  /**
   * @param labels {@code entity_type, entity_id, period, kind}
   * @param counts {@link #counts}
   * @param queueSizes candidates per review queue (entity type), from the model record
   * @return one line per label, in the labels' order of kind, entity type, entity, month
   */
  public static List<Line> lines(Dataset<Row> labels, Dataset<Row> counts, Map<String, Long> queueSizes, double fdr,
      double minChange, int trailingMonths, double caseSpread, double monthShare) {
    Dataset<Row> l = labels.select(col("entity_type").as("l_type"), col("entity_id").as("l_id"), col("period").as("l_period"),
        col("kind").as("l_kind")).distinct();
    Column monthsBefore = months_between(to_date(col("l_period"), "yyyy-MM"), to_date(col("period"), "yyyy-MM"));
    // Trailing months of the same entity and kind, other labelled months of the entity left out.
    Dataset<Row> labelled = l.select(col("l_type").as("entity_type"), col("l_id").as("entity_id"), col("l_period").as("period"))
        .distinct();
    Dataset<Row> usual = counts.join(labelled, DataFrames.joinKeys("entity_type", "entity_id", "period"), "left_anti");
    Column sameEntity = col("entity_type").equalTo(col("l_type")).and(col("entity_id").equalTo(col("l_id")))
        .and(col("kind").equalTo(col("l_kind")));
    Column trailing = monthsBefore.geq(1).and(monthsBefore.leq(trailingMonths));
    Dataset<Row> past = l.join(usual, sameEntity.and(trailing))
        .groupBy("l_type", "l_id", "l_period", "l_kind")
        .agg(avg("y").as("mean_y"), count(lit(1)).as("months"), avg("mean_log_days").as("past_log_days"));
    // A service's national failure rate over the label's trailing months.
    Dataset<Row> nationalRate = l.join(usual.filter(col("service").isNotNull()),
            col("l_kind").equalTo(col("kind")).and(col("service").equalTo(substring_index(col("l_id"), ":", -1))).and(trailing))
        .groupBy("l_type", "l_id", "l_period", "l_kind")
        .agg(sum("y").divide(sum("requests")).as("national_rate"));
    Dataset<Row> month = l.join(counts, sameEntity.and(col("period").equalTo(col("l_period"))))
        .select(col("l_type"), col("l_id"), col("l_period"), col("l_kind"), col("y"), col("requests"), col("mean_log_days"));
    List<String> key = List.of("l_type", "l_id", "l_period", "l_kind");
    List<Row> rows = l.join(month, DataFrames.joinKeys(key.toArray(String[]::new)), "left")
        .join(past, DataFrames.joinKeys(key.toArray(String[]::new)), "left")
        .join(nationalRate, DataFrames.joinKeys(key.toArray(String[]::new)), "left")
        .orderBy("l_kind", "l_type", "l_id", "l_period")
        .select("l_kind", "l_type", "l_id", "l_period", "y", "requests", "mean_y", "national_rate", "mean_log_days", "past_log_days")
        .collectAsList();

    List<Line> lines = new ArrayList<>();
    for (Row r : rows) {
      String kind = r.getString(0);
      long y = r.isNullAt(4) ? 0 : r.getLong(4);
      if (kind.equals("registration_lag")) {
        lines.add(new Line(kind, r.getString(1), r.getString(2), r.getString(3), y, null, (double) MonthlySignals.MIN_E_FILINGS,
            null, y >= MonthlySignals.MIN_E_FILINGS));
        continue;
      }
      if (kind.equals("slow_court")) {
        if (r.isNullAt(8) || r.isNullAt(9) || y == 0 || Double.isNaN(caseSpread)) {
          lines.add(new Line(kind, r.getString(1), r.getString(2), r.getString(3), null, null, null, null, true));
        } else {
          double factor = Math.exp(r.getDouble(8) - r.getDouble(9));
          double line = PowerTable.slowdown((int) y, caseSpread, monthShare, fdr,
              queueSizes.getOrDefault(Signal.DAYS_TO_DECISION.entityType(), 1L));
          lines.add(new Line(kind, r.getString(1), r.getString(2), r.getString(3), y, null, line, factor, factor >= line));
        }
        continue;
      }
      Signal signal = COUNT_KINDS.get(kind);
      double expected = expectation(kind, r);
      if (signal == null || Double.isNaN(expected) || expected <= 0) {
        lines.add(new Line(kind, r.getString(1), r.getString(2), r.getString(3), null, null, null, null, true));
        continue;
      }
      long m = queueSizes.getOrDefault(signal.entityType(), 1L);
      double needed;
      boolean above;
      if (signal == Signal.RESOLVED) {
        double share = PowerTable.stall(expected, 0, minChange, fdr, m);
        needed = share > 0 ? share * expected : -1;
        above = share > 0 && y <= needed;
      } else {
        needed = PowerTable.surge(expected, 0, minChange, fdr, m) * expected;
        above = y >= needed;
      }
      lines.add(new Line(kind, r.getString(1), r.getString(2), r.getString(3), y, expected, needed, null, above));
    }
    return lines;
  }

  /** The count the trailing months expect: NaN without them. */
  private static double expectation(String kind, Row r) {
    if ("service_outage".equals(kind)) {
      return r.isNullAt(5) || r.isNullAt(7) ? Double.NaN : r.getLong(5) * r.getDouble(7);
    }
    return r.isNullAt(6) ? Double.NaN : r.getDouble(6);
  }
}
