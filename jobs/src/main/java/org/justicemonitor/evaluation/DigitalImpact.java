package org.justicemonitor.evaluation;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseDurations;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

/**
 * Did a digital programme change how long cases take? From {@code rollouts/} (which court or
 * region adopted which programme when) and the cases, the {@link StaggeredAdoption} estimate per
 * programme and outcome: {@code indicators/digital_impact}, and by months since adoption
 * {@code indicators/digital_impact_event_time}.
 *
 * <p>Units are courts; a region's rollout stands for each of its courts, a court's own rollout
 * for that court, the earliest date winning. The per-case outcome is a log, so effects are
 * relative ({@code exp(ATT) − 1} on a geometric mean): {@code ln(days to decision)} with a
 * same-day decision counted as 1 day, and {@code ln(1 + days to register)} (registration on the
 * filing day is common and must stay 0); each less the mean of the case's category and court
 * level, so that a change of case mix does not pose as an effect.
 * A case counts in the month it was filed, before or after its court's adoption month (the
 * adoption month itself is month 0). Cases filed within {@link CaseDurations}' horizons before the
 * extract date are left out.
 */
public final class DigitalImpact {

  public static final String DAYS_TO_DECISION = "days_to_decision";
  public static final String DAYS_TO_REGISTER_E_FILING = "days_to_register_e_filing";
  public static final String CLEARANCE_RATE = "clearance_rate";
  static final int REPLICATES = 499;
  /**
   * Below this many adopting courts a bootstrap over courts gives too narrow intervals, and the
   * note says so: in simulation the simultaneous band covered the true curve in 84 of 100 panels
   * with 12 adopting courts, 74 with 8, none with 2 (ImpactDiagnosticsSimulationTest's design).
   */
  public static final int FEW_UNITS = StaggeredAdoption.BOOTSTRAP_TEST_ADOPTERS;
  static final long SEED = 20_210_501L;
  static final String METHOD = "staggered difference-in-differences (Callaway-Sant'Anna, not-yet-treated courts as"
      + " comparison), ln(days to decision, at least 1) or ln(1 + days to register) less its case category and court"
      + " level mean, 95% cluster bootstrap by court (" + REPLICATES + " replicates), simultaneous bands (sup-t),"
      + " pre-trend max-t test, breakdown value of relative magnitudes";

  static final String LEVEL_METHOD = "staggered difference-in-differences (Callaway-Sant'Anna, not-yet-treated courts as"
      + " comparison) of each court's monthly clearance rate (decisions / filings), weighted by filings, as a relative change"
      + " of the adopting courts' rate; 95% cluster bootstrap by court (" + REPLICATES + " replicates), simultaneous bands"
      + " (sup-t), pre-trend max-t test, breakdown value of relative magnitudes";

  private static final StructType EFFECTS = new StructType()
      .add("program", DataTypes.StringType).add("outcome", DataTypes.StringType)
      .add("relative_effect", DataTypes.DoubleType).add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType)
      .add("treated_units", DataTypes.IntegerType).add("comparison_units", DataTypes.IntegerType)
      .add("cases", DataTypes.LongType)
      .add("pretrend_p_value", DataTypes.DoubleType).add("breakdown_m", DataTypes.DoubleType)
      .add("method", DataTypes.StringType).add("note", DataTypes.StringType);

  private static final StructType EVENT_TIME = new StructType()
      .add("program", DataTypes.StringType).add("outcome", DataTypes.StringType)
      .add("months_since_adoption", DataTypes.IntegerType)
      .add("relative_effect", DataTypes.DoubleType).add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType)
      .add("treated_units", DataTypes.IntegerType).add("comparison_units", DataTypes.IntegerType)
      .add("cases", DataTypes.LongType)
      .add("band_low", DataTypes.DoubleType).add("band_high", DataTypes.DoubleType);

  /**
   * @param effects one row per programme and outcome
   * @param eventTime one row per programme, outcome and month since adoption (−12 … 24)
   * @param unitsWithoutCases the courts and regions rollouts name that have no case: left out
   */
  public record Tables(Dataset<Row> effects, Dataset<Row> eventTime, List<String> unitsWithoutCases) {}

  private DigitalImpact() {}

  /**
   * @param start the month of the earliest filing: month 0 of the panel
   */
  public static Tables compute(Dataset<Row> cases, Dataset<Row> rollouts, YearMonth start, LocalDate asOf,
      Disclosure disclosure) {
    SparkSession spark = cases.sparkSession();
    // One row per court, a few hundred: made once here, not again from the cases for each use below.
    Dataset<Row> courtsOfCases = cases.groupBy("court_id").agg(first("region_code", true).as("region_code"));
    Dataset<Row> courts = spark.createDataFrame(courtsOfCases.collectAsList(), courtsOfCases.schema());
    Dataset<Row> byCourt = rollouts.filter(col("court_id").isNotNull()).join(courts.select("court_id"), "court_id")
        .select("program", "court_id", "started_on");
    Dataset<Row> byRegion = rollouts.filter(col("court_id").isNull()).drop("court_id").join(courts, "region_code")
        .select("program", "court_id", "started_on");
    List<String> withoutCases = new ArrayList<>();
    // Court ids and region codes: public names of institutions, a few at most.
    rollouts.filter(col("court_id").isNotNull()).select("court_id").distinct().except(courts.select("court_id"))
        .orderBy("court_id").limit(20).collectAsList().forEach(r -> withoutCases.add("court " + r.getString(0)));
    rollouts.filter(col("court_id").isNull()).select("region_code").distinct().except(courts.select("region_code"))
        .orderBy("region_code").limit(20).collectAsList().forEach(r -> withoutCases.add("region " + r.getString(0)));
    // One row per programme and adopting court: a few hundred at most.
    Map<String, Map<String, LocalDate>> adoption = new TreeMap<>();
    for (Row r : byCourt.unionByName(byRegion).groupBy("program", "court_id").agg(min("started_on"))
        .orderBy("program", "court_id").collectAsList()) {
      adoption.computeIfAbsent(r.getString(0), p -> new TreeMap<>()).put(r.getString(1), r.getDate(2).toLocalDate());
    }
    List<Row> effects = new ArrayList<>();
    List<Row> eventTime = new ArrayList<>();
    if (!adoption.isEmpty()) {
      Map<String, Cells> outcomes = new TreeMap<>();
      outcomes.put(DAYS_TO_DECISION, Cells.of(CaseDurations.decided(cases, asOf), CaseDurations.LOG_DAYS_TO_DECISION, start));
      outcomes.put(DAYS_TO_REGISTER_E_FILING, Cells.of(
          CaseDurations.registered(cases, asOf).filter(col("filing_channel").equalTo("e_filing")),
          CaseDurations.LOG_DAYS_TO_REGISTER, start));
      outcomes.put(CLEARANCE_RATE, Cells.clearance(cases, start));
      for (Map.Entry<String, Map<String, LocalDate>> program : adoption.entrySet()) {
        for (Map.Entry<String, Cells> outcome : outcomes.entrySet()) {
          StaggeredAdoption.Panel panel = outcome.getValue().panel(program.getValue(), start);
          boolean level = outcome.getKey().equals(CLEARANCE_RATE);
          Optional<StaggeredAdoption.Result> result = StaggeredAdoption.estimate(panel, REPLICATES, SEED,
              level ? StaggeredAdoption.Scale.LEVEL : StaggeredAdoption.Scale.LOG);
          if (result.isEmpty()) {
            continue;
          }
          java.util.function.DoubleFunction<Double> relative = level ? DigitalImpact::finite : DigitalImpact::relative;
          StaggeredAdoption.Result r = result.get();
          StaggeredAdoption.Estimate o = r.overall();
          effects.add(RowFactory.create(program.getKey(), outcome.getKey(), relative.apply(o.value()),
              relative.apply(o.ciLow()), relative.apply(o.ciHigh()), o.treatedUnits(), o.comparisonUnits(), o.treatedCases(),
              finite(r.preTrendPValue()), breakdownValue(r.breakdown()),
              level ? LEVEL_METHOD : METHOD, note(program.getKey(), outcome.getKey(), r, level)));
          r.byEventTime().forEach((e, est) -> eventTime.add(RowFactory.create(program.getKey(), outcome.getKey(),
              e, relative.apply(est.value()), relative.apply(est.ciLow()), relative.apply(est.ciHigh()), est.treatedUnits(),
              est.comparisonUnits(), est.treatedCases(), relative.apply(r.simultaneous().get(e).low()),
              relative.apply(r.simultaneous().get(e).high()))));
        }
      }
    }
    Dataset<Row> effectTable = disclosure.apply(spark.createDataFrame(effects, EFFECTS), IndicatorTables.DIGITAL_IMPACT);
    Dataset<Row> eventTable = disclosure.apply(spark.createDataFrame(eventTime, EVENT_TIME),
        IndicatorTables.DIGITAL_IMPACT_EVENT_TIME);
    return new Tables(DataFrames.publishable(effectTable, IndicatorTables.DIGITAL_IMPACT.computedColumns()),
        DataFrames.publishable(eventTable, IndicatorTables.DIGITAL_IMPACT_EVENT_TIME.computedColumns()),
        withoutCases);
  }

  /** The breakdown M̄ as published: beyond {@link ParallelTrendsSensitivity#MAX_BREAKDOWN} it is that bound. */
  static Double breakdownValue(double breakdown) {
    return Double.isNaN(breakdown) ? null : Math.min(breakdown, ParallelTrendsSensitivity.MAX_BREAKDOWN);
  }

  /** A relative change as it is, null when there is none. */
  static Double finite(double relativeChange) {
    return Double.isNaN(relativeChange) ? null : relativeChange;
  }

  /** exp(d) − 1: a difference in mean log as a relative change. */
  static Double relative(double logDifference) {
    return Double.isNaN(logDifference) ? null : Math.expm1(logDifference);
  }

  /** The estimate in plain words, for the table's {@code note} and the report. */
  static String note(String program, String outcome, StaggeredAdoption.Result r, boolean level) {
    StaggeredAdoption.Estimate e = r.overall();
    String what = outcome.equals(DAYS_TO_REGISTER_E_FILING) ? "days to register an e-filing" : outcome.replace('_', ' ');
    double v = level ? e.value() : Math.expm1(e.value());
    double lo = level ? e.ciLow() : Math.expm1(e.ciLow());
    double hi = level ? e.ciHigh() : Math.expm1(e.ciHigh());
    String down = level ? "lower" : "shorter";
    String up = level ? "higher" : "longer";
    String effect;
    if (Double.isNaN(lo)) {
      effect = String.format(Locale.ROOT, "%s %.0f%% %s (no interval: too few courts)", what, 100 * Math.abs(v),
          v < 0 ? down : up);
    } else if (lo <= 0 && hi >= 0) {
      effect = String.format(Locale.ROOT, "no change in %s distinguishable from none (%+.0f%%, 95%% CI %+.0f%% to %+.0f%%)",
          what, 100 * v, 100 * lo, 100 * hi);
    } else {
      boolean shorter = v < 0;
      effect = String.format(Locale.ROOT, "%s %.0f%% %s (95%% CI %.0f–%.0f%%)", what, 100 * Math.abs(v),
          shorter ? down : up, 100 * Math.min(Math.abs(lo), Math.abs(hi)), 100 * Math.max(Math.abs(lo), Math.abs(hi)));
    }
    String few = e.treatedUnits() < FEW_UNITS
        ? "; only " + e.treatedUnits() + " adopting courts: a bootstrap over so few courts makes the interval too narrow,"
            + " read it as a first look" : "";
    return String.format(Locale.ROOT, "%s in the %d courts that adopted %s, in their first %d months, against %d courts"
        + " not yet using it in the same months%s%s", effect, e.treatedUnits(), program, StaggeredAdoption.POST + 1,
        e.comparisonUnits(), few, diagnostics(r));
  }

  /**
   * A breakdown value below which the estimate is called fragile: overturned by a post-adoption
   * violation smaller than half of what the pre-adoption months already showed.
   */
  static final double FRAGILE_BREAKDOWN = 0.5;

  /** The pre-trend verdict and the sensitivity, in words: whether to believe the estimate, and how far. */
  static String diagnostics(StaggeredAdoption.Result r) {
    StringBuilder words = new StringBuilder();
    double p = r.preTrendPValue();
    if (!Double.isNaN(p)) {
      words.append(p < 0.05
          ? String.format(Locale.ROOT, "; before adoption the adopting courts already drifted from the comparison (joint"
              + " test of the months before adoption, p = %.3f): parallel trends are in doubt, do not read this as the"
              + " programme's effect", p)
          : String.format(Locale.ROOT, "; no drift before adoption (joint test of the months before adoption, p = %.2f)", p));
    }
    double m = r.breakdown();
    if (m > 0) {
      words.append(Double.isInfinite(m)
          ? String.format(Locale.ROOT, "; it stands even if, after adoption, the comparison were off by %.0f times the"
              + " largest gap seen before adoption", ParallelTrendsSensitivity.MAX_BREAKDOWN)
          : m < FRAGILE_BREAKDOWN
              ? String.format(Locale.ROOT, "; it is fragile: a departure from parallel trends after adoption of only %.1f%%"
                  + " of the largest gap seen before adoption would overturn it (the breakdown value)", 100 * m)
              : String.format(Locale.ROOT, "; it stands unless, after adoption, the comparison was off by more than %.2f times"
                  + " the largest gap seen before adoption (the breakdown value)", m));
    }
    return words.toString();
  }

  /** Per court and filing month: cases and the sum of their adjusted outcome, collected once per outcome. */
  private record Cells(Map<String, Map<Integer, double[]>> byCourt) {

    static Cells of(Dataset<Row> cases, Column logDays, YearMonth start) {
      Dataset<Row> outcome = cases.withColumn("_y", logDays)
          .withColumn("_month", Period.monthsSince(col("filed_at"), start));
      Dataset<Row> strata = outcome.groupBy("case_category", "court_level").agg(avg("_y").as("_stratum_mean"));
      Dataset<Row> adjusted = outcome.join(broadcast(strata), DataFrames.joinKeys("case_category", "court_level"))
          .withColumn("_y", col("_y").minus(col("_stratum_mean")));
      Map<String, Map<Integer, double[]>> cells = new TreeMap<>();
      // One row per court and month: courts × months, a few tens of thousands at most.
      for (Row r : adjusted.groupBy("court_id", "_month").agg(count("*"), sum("_y")).collectAsList()) {
        cells.computeIfAbsent(r.getString(0), c -> new HashMap<>()).put(r.getInt(1), new double[] {r.getLong(2), r.getDouble(3)});
      }
      return new Cells(cells);
    }

    /**
     * Per court and month: cases filed (the weight) and cases decided in the month (the sum), so
     * a cell's mean is its clearance rate. Months up to the extract date; a court-month without
     * filings has no rate.
     */
    static Cells clearance(Dataset<Row> cases, YearMonth start) {
      Dataset<Row> filed = cases.groupBy(col("court_id"), Period.monthsSince(col("filed_at"), start).as("_month"))
          .agg(count("*").as("_filed"));
      Dataset<Row> decided = cases.filter(col("decided_at").isNotNull())
          .groupBy(col("court_id"), Period.monthsSince(col("decided_at"), start).as("_month"))
          .agg(count("*").as("_decided"));
      Map<String, Map<Integer, double[]>> cells = new TreeMap<>();
      // One row per court and month, as above.
      for (Row r : filed.join(decided, DataFrames.joinKeys("court_id", "_month"), "left").collectAsList()) {
        double decisions = r.isNullAt(3) ? 0 : r.getLong(3);
        cells.computeIfAbsent(r.getString(0), c -> new HashMap<>()).put(r.getInt(1), new double[] {r.getLong(2), decisions});
      }
      return new Cells(cells);
    }

    StaggeredAdoption.Panel panel(Map<String, LocalDate> adopted, YearMonth start) {
      List<String> units = new ArrayList<>(new TreeSet<>(byCourt.keySet()));
      int months = byCourt.values().stream().flatMap(m -> m.keySet().stream()).mapToInt(Integer::intValue).max().orElse(0) + 1;
      int[] cohort = new int[units.size()];
      long[][] n = new long[units.size()][months];
      double[][] y = new double[units.size()][months];
      for (int i = 0; i < units.size(); i++) {
        LocalDate on = adopted.get(units.get(i));
        // Adopted before the first month of cases: treated throughout, so neither estimated nor a comparison.
        cohort[i] = on == null ? StaggeredAdoption.NEVER
            : (int) Math.max(0, ChronoUnit.MONTHS.between(start, YearMonth.from(on)));
        for (Map.Entry<Integer, double[]> cell : byCourt.get(units.get(i)).entrySet()) {
          n[i][cell.getKey()] = (long) cell.getValue()[0];
          y[i][cell.getKey()] = cell.getValue()[1];
        }
      }
      return new StaggeredAdoption.Panel(units, cohort, n, y);
    }
  }
}
