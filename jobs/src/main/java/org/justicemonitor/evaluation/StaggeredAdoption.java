package org.justicemonitor.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A difference-in-differences valid under staggered adoption, after Callaway and Sant'Anna
 * (2021) with not-yet-treated comparison units: each adoption cohort is compared only with
 * units that have not adopted (yet), in the same calendar months, never with units already
 * treated, so effects that change over time do not leak into the comparison as they do in a
 * two-way fixed-effects regression.
 *
 * <p>Estimand: the average effect on the treated of adoption on a unit-level outcome (the mean of
 * a per-case outcome, e.g. log days to decision), over event times 0 … {@value #POST} months
 * after adoption, weighted by the treated cases of each month. For a cohort g (units adopting in
 * month g) and a calendar month t:
 *
 * <pre>
 *   ATT(g, t) = Σ_{i∈g} n_it (ȳ_it − ȳ_i,pre) / Σ_{i∈g} n_it  −  Σ_{j∈C} n_jt (ȳ_jt − ȳ_j,pre) / Σ_{j∈C} n_jt
 * </pre>
 *
 * where ȳ_i,pre is unit i's mean over the {@value #PRE} months g−12 … g−1 (the same calendar
 * months for every unit), and C the units not treated by month max(t, g−1) other than g's. The
 * event-time effect ATT(e) averages ATT(g, g+e) over cohorts by their treated cases; for e &lt; 0
 * it is the deviation from the pre-adoption average, which shows whether the comparison was on a
 * parallel path before adoption. Assumptions: parallel trends of untreated outcomes between
 * cohorts and comparison units, no anticipation, no spill-over to comparison units.
 *
 * <p>Uncertainty: a cluster bootstrap over units (all units resampled with replacement, each
 * drawn unit weighing as often as it is drawn), {@code replicates} times with a fixed seed; 95%
 * percentile intervals. A unit's cases are correlated, so resampling cases would understate it.
 */
public final class StaggeredAdoption {

  /** Months before adoption that form the base, and the earliest event time published. */
  public static final int PRE = 12;
  /** The latest event time published and averaged. */
  public static final int POST = 24;

  /**
   * From this many adopting units the pre-trend test uses the bootstrap (max-t); below, placebo
   * adoptions. In simulation (ImpactDiagnosticsSimulationTest's design), the bootstrap test
   * rejected 94 of 100 true nulls with 2 adopting courts, 16 with 8, 8 with 12 and 6 to 13 with 24;
   * the placebo test 4 with 2 and 2 with 6, and caught a drift of 1.5% a month with 6 in 35 of 100.
   */
  static final int BOOTSTRAP_TEST_ADOPTERS = 12;

  /** Never treated. */
  public static final int NEVER = Integer.MAX_VALUE;

  /**
   * How the effect is expressed. {@code LOG}: the outcome is a mean of logs, and the estimate is
   * the difference (exp(·) − 1 is the relative change). {@code LEVEL}: the outcome is a level (a
   * clearance rate), and the estimate is the relative change ATT / (treated level − ATT), the
   * treated cells' level against what it would have been; computed in every bootstrap replicate.
   */
  public enum Scale { LOG, LEVEL }

  /**
   * The cells: per unit and month (0 … months−1), the number of cases and the sum of their outcome.
   *
   * @param cohort per unit, the month index of adoption, or {@link #NEVER}
   */
  public record Panel(List<String> units, int[] cohort, long[][] cases, double[][] outcomeSums) {
    public Panel {
      if (cohort.length != units.size() || cases.length != units.size() || outcomeSums.length != units.size()) {
        throw new IllegalArgumentException("one cohort and one row of cells per unit");
      }
    }

    int months() {
      return cases.length == 0 ? 0 : cases[0].length;
    }
  }

  /** An estimate with its 95% interval, on the outcome's scale (a difference in mean log days). */
  public record Estimate(double value, double ciLow, double ciHigh, long treatedCases, int treatedUnits, int comparisonUnits) {}

  /** A 95% simultaneous band at one event time: with the others', it covers the whole curve at once. */
  public record Band(double low, double high) {}

  /**
   * What {@link #estimate} gives: the overall effect and, by event time −12 … 24, the dynamic one
   * with its simultaneous band ({@link EventStudyInference}).
   *
   * @param preTrendPValue the joint test that every month before adoption is 0 (NaN without a
   *     varying pre-adoption month)
   * @param breakdown the {@link ParallelTrendsSensitivity} breakdown value of the overall effect
   */
  public record Result(Estimate overall, TreeMap<Integer, Estimate> byEventTime, TreeMap<Integer, Band> simultaneous,
      double preTrendPValue, double breakdown) {}

  private StaggeredAdoption() {}

  /** @return empty when no cohort has a treated cell after adoption with a comparison */
  public static java.util.Optional<Result> estimate(Panel panel, int replicates, long seed) {
    return estimate(panel, replicates, seed, Scale.LOG);
  }

  /** @return empty when no cohort has a treated cell after adoption with a comparison */
  public static java.util.Optional<Result> estimate(Panel panel, int replicates, long seed, Scale scale) {
    double[] ones = new double[panel.units().size()];
    Arrays.fill(ones, 1.0);
    TreeMap<Integer, double[]> bases = bases(panel);
    Point point = point(panel, ones, scale, bases);
    if (Double.isNaN(point.overall)) {
      return java.util.Optional.empty();
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = panel.units().size();
    double[] overall = new double[replicates];
    List<double[]> byEvent = new ArrayList<>();
    for (int e = -PRE; e <= POST; e++) {
      byEvent.add(new double[replicates]);
    }
    for (int b = 0; b < replicates; b++) {
      double[] weight = new double[n];
      for (int i = 0; i < n; i++) {
        weight[random.nextInt(n)] += 1; // n units drawn with replacement
      }
      Point p = point(panel, weight, scale, bases);
      overall[b] = p.overall;
      for (int e = -PRE; e <= POST; e++) {
        byEvent.get(e + PRE)[b] = p.byEvent[e + PRE];
      }
    }
    Estimate total = withInterval(point.overall, overall, point.treatedCases, point.treatedUnits, point.comparisonUnits);
    double[][] eventReplicates = byEvent.toArray(new double[0][]);
    EventStudyInference.Band band = EventStudyInference.uniformBand(point.byEvent, eventReplicates, 0.95);
    TreeMap<Integer, Estimate> dynamic = new TreeMap<>();
    TreeMap<Integer, Band> simultaneous = new TreeMap<>();
    boolean[] beforeAdoption = new boolean[PRE + POST + 1];
    for (int e = -PRE; e <= POST; e++) {
      beforeAdoption[e + PRE] = e < 0;
      if (!Double.isNaN(point.byEvent[e + PRE])) {
        dynamic.put(e, withInterval(point.byEvent[e + PRE], byEvent.get(e + PRE), point.eventCases[e + PRE],
            point.eventUnits[e + PRE], point.eventComparisons[e + PRE]));
        simultaneous.put(e, new Band(band.low()[e + PRE], band.high()[e + PRE]));
      }
    }
    long adopters = Arrays.stream(panel.cohort()).filter(bases::containsKey).count();
    double preTrend = adopters >= BOOTSTRAP_TEST_ADOPTERS
        ? EventStudyInference.jointTestPValue(point.byEvent, eventReplicates, beforeAdoption)
        : placeboPreTrendPValue(panel, point.byEvent, scale, replicates, seed);
    double breakdown = ParallelTrendsSensitivity.breakdown(overall, largestPreDeviation(eventReplicates));
    return java.util.Optional.of(new Result(total, dynamic, simultaneous, preTrend, breakdown));
  }

  /**
   * The joint pre-trend test by placebo adoptions (randomization inference, as Conley and Taber
   * 2011 and MacKinnon and Webb 2020 propose for few treated clusters): the adopting courts'
   * largest absolute deviation before adoption, T = max_{e<0} |θ̂_e|, against the same statistic
   * when never-adopting courts drawn at random are given the adoption months instead (the same
   * cohorts and sizes). The real adopters then serve as comparisons in their untreated months only
   * (their months from adoption on are left out), so no placebo is compared with a treated month.
   * Valid when, before and without the programme, adopting courts are exchangeable with the
   * others; unlike the bootstrap, it does not need many adopting courts (a bootstrap of two courts
   * cannot show how two courts vary). Used below {@link #BOOTSTRAP_TEST_ADOPTERS} adopters, where
   * never-adopters are plenty: drawing placebos among the adopters too would hand some placebo
   * groups fewer usable courts (an adopter's untreated months do not cover a later placebo date),
   * and noisier placebos took all the power in simulation.
   *
   * @return p = (1 + #{T_placebo ≥ T}) / (1 + draws); NaN without a pre-adoption estimate or with
   *     fewer never-adopting courts than adopting ones plus two
   */
  static double placeboPreTrendPValue(Panel panel, double[] observed, Scale scale, int draws, long seed) {
    double statistic = largestBeforeAdoption(observed);
    int n = panel.units().size();
    List<Integer> assignable = new ArrayList<>();
    List<Integer> adoptionMonths = new ArrayList<>();
    long[][] untreatedCases = new long[n][];
    double[][] untreatedSums = new double[n][];
    // The real adopters compare in their untreated months: in every draw they are never treated.
    int[] withoutAdopters = panel.cohort().clone();
    for (int i = 0; i < n; i++) {
      int g = panel.cohort()[i];
      untreatedCases[i] = panel.cases()[i].clone();
      untreatedSums[i] = panel.outcomeSums()[i].clone();
      if (g != NEVER && g >= 1 && g < panel.months()) {
        Arrays.fill(untreatedCases[i], g, panel.months(), 0L);
        Arrays.fill(untreatedSums[i], g, panel.months(), 0.0);
        adoptionMonths.add(g);
        withoutAdopters[i] = NEVER;
      }
      if (g == NEVER) {
        assignable.add(i);
      }
    }
    if (Double.isNaN(statistic) || assignable.size() < adoptionMonths.size() + 2) {
      return Double.NaN;
    }
    Panel untreated = new Panel(panel.units(), panel.cohort(), untreatedCases, untreatedSums);
    TreeMap<Integer, double[]> bases = bases(untreated);
    double[] weight = new double[n];
    Arrays.fill(weight, 1.0);
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    int[] order = assignable.stream().mapToInt(Integer::intValue).toArray();
    long atLeast = 0;
    int valid = 0;
    for (int d = 0; d < draws; d++) {
      int[] cohort = withoutAdopters.clone();
      // A partial Fisher–Yates shuffle: the first never-adopters drawn take the adoption months.
      for (int k = 0; k < adoptionMonths.size(); k++) {
        int j = k + random.nextInt(order.length - k);
        int swap = order[k];
        order[k] = order[j];
        order[j] = swap;
        cohort[order[k]] = adoptionMonths.get(k);
      }
      Panel placebo = new Panel(panel.units(), cohort, untreatedCases, untreatedSums);
      double t = largestBeforeAdoption(point(placebo, weight, scale, bases).byEvent);
      if (!Double.isNaN(t)) {
        valid++;
        atLeast += t >= statistic ? 1 : 0;
      }
    }
    return valid == 0 ? Double.NaN : (1.0 + atLeast) / (1.0 + valid);
  }

  /** max_{e<0} |θ_e| over the event times with an estimate; NaN with none. */
  private static double largestBeforeAdoption(double[] byEvent) {
    double largest = Double.NaN;
    for (int e = 0; e < PRE; e++) {
      if (!Double.isNaN(byEvent[e])) {
        largest = Double.isNaN(largest) ? Math.abs(byEvent[e]) : Math.max(largest, Math.abs(byEvent[e]));
      }
    }
    return largest;
  }

  /** Per replicate, the largest absolute deviation before adoption, D*_b; NaN when it has none. */
  private static double[] largestPreDeviation(double[][] eventReplicates) {
    double[] largest = new double[eventReplicates[0].length];
    double[] curve = new double[eventReplicates.length];
    for (int r = 0; r < largest.length; r++) {
      for (int e = 0; e < curve.length; e++) {
        curve[e] = eventReplicates[e][r];
      }
      largest[r] = largestBeforeAdoption(curve);
    }
    return largest;
  }

  /** The point estimates under unit weights (1 each, or bootstrap multiplicities). */
  private record Point(double overall, double[] byEvent, long treatedCases, int treatedUnits, int comparisonUnits,
      long[] eventCases, int[] eventUnits, int[] eventComparisons) {}

  /**
   * Per cohort g (adopting within the panel, after its first month), each unit's mean over the
   * months g − 12 … g − 1: the same in every bootstrap replicate, so computed once.
   */
  private static TreeMap<Integer, double[]> bases(Panel panel) {
    TreeMap<Integer, double[]> bases = new TreeMap<>();
    for (int g : panel.cohort()) {
      // A unit adopting in the panel's first month has no month before to compare with.
      if (g != NEVER && g >= 1 && g < panel.months() && !bases.containsKey(g)) {
        double[] base = new double[panel.units().size()];
        for (int i = 0; i < base.length; i++) {
          base[i] = mean(panel, i, g - PRE, g - 1);
        }
        bases.put(g, base);
      }
    }
    return bases;
  }

  private static Point point(Panel panel, double[] weight, Scale scale, TreeMap<Integer, double[]> bases) {
    int n = panel.units().size();
    int months = panel.months();
    double[] eventSum = new double[PRE + POST + 1];
    double[] eventWeight = new double[PRE + POST + 1];
    // The treated cells' own level, for a relative change of a level outcome.
    double[] eventLevel = new double[PRE + POST + 1];
    long[] eventCases = new long[PRE + POST + 1];
    List<TreeSet<Integer>> eventUnits = new ArrayList<>();
    List<TreeSet<Integer>> eventComparisons = new ArrayList<>();
    for (int e = -PRE; e <= POST; e++) {
      eventUnits.add(new TreeSet<>());
      eventComparisons.add(new TreeSet<>());
    }
    for (Map.Entry<Integer, double[]> cohort : bases.entrySet()) {
      int g = cohort.getKey();
      double[] base = cohort.getValue();
      for (int t = Math.max(0, g - PRE); t <= Math.min(g + POST, months - 1); t++) {
        double treatedSum = 0;
        double treatedWeight = 0;
        double treatedLevel = 0;
        double controlSum = 0;
        double controlWeight = 0;
        List<Integer> treated = new ArrayList<>();
        List<Integer> controls = new ArrayList<>();
        int lastUntreatedMonth = Math.max(t, g - 1);
        for (int i = 0; i < n; i++) {
          long cases = panel.cases()[i][t];
          if (weight[i] == 0 || cases == 0 || Double.isNaN(base[i])) {
            continue;
          }
          double w = weight[i] * cases;
          double change = panel.outcomeSums()[i][t] / cases - base[i];
          if (panel.cohort()[i] == g) {
            treatedSum += w * change;
            treatedWeight += w;
            treatedLevel += w * panel.outcomeSums()[i][t] / cases;
            treated.add(i);
          } else if (panel.cohort()[i] > lastUntreatedMonth) {
            controlSum += w * change;
            controlWeight += w;
            controls.add(i);
          }
        }
        if (treatedWeight == 0 || controlWeight == 0) {
          continue;
        }
        int e = t - g;
        double att = treatedSum / treatedWeight - controlSum / controlWeight;
        eventSum[e + PRE] += treatedWeight * att;
        eventWeight[e + PRE] += treatedWeight;
        eventLevel[e + PRE] += treatedLevel;
        for (int i : treated) {
          eventCases[e + PRE] += panel.cases()[i][t];
        }
        eventUnits.get(e + PRE).addAll(treated);
        eventComparisons.get(e + PRE).addAll(controls);
      }
    }
    double[] byEvent = new double[PRE + POST + 1];
    double postSum = 0;
    double postWeight = 0;
    double postLevel = 0;
    long postCases = 0;
    TreeSet<Integer> postUnits = new TreeSet<>();
    TreeSet<Integer> postComparisons = new TreeSet<>();
    int[] units = new int[PRE + POST + 1];
    int[] comparisons = new int[PRE + POST + 1];
    for (int k = 0; k <= PRE + POST; k++) {
      byEvent[k] = eventWeight[k] == 0 ? Double.NaN : scaled(eventSum[k], eventLevel[k], eventWeight[k], scale);
      units[k] = eventUnits.get(k).size();
      comparisons[k] = eventComparisons.get(k).size();
      if (k >= PRE) {
        postSum += eventSum[k];
        postWeight += eventWeight[k];
        postLevel += eventLevel[k];
        postCases += eventCases[k];
        postUnits.addAll(eventUnits.get(k));
        postComparisons.addAll(eventComparisons.get(k));
      }
    }
    double overall = postWeight == 0 ? Double.NaN : scaled(postSum, postLevel, postWeight, scale);
    return new Point(overall, byEvent, postCases, postUnits.size(), postComparisons.size(), eventCases, units, comparisons);
  }

  /** The weighted ATT, or for a level outcome the relative change it makes of the treated cells' level. */
  private static double scaled(double attSum, double levelSum, double weight, Scale scale) {
    double att = attSum / weight;
    if (scale == Scale.LOG) {
      return att;
    }
    double counterfactual = levelSum / weight - att;
    return counterfactual == 0 ? Double.NaN : att / counterfactual;
  }

  /** Unit i's case-weighted mean outcome over months from … to (clipped to the panel); NaN without cases. */
  private static double mean(Panel panel, int i, int from, int to) {
    double sum = 0;
    long cases = 0;
    for (int m = Math.max(0, from); m <= Math.min(to, panel.months() - 1); m++) {
      sum += panel.outcomeSums()[i][m];
      cases += panel.cases()[i][m];
    }
    return cases == 0 ? Double.NaN : sum / cases;
  }

  private static Estimate withInterval(double value, double[] replicates, long cases, int units, int comparisons) {
    double[] finite = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (finite.length < 2) {
      return new Estimate(value, Double.NaN, Double.NaN, cases, units, comparisons);
    }
    return new Estimate(value, quantile(finite, 0.025), quantile(finite, 0.975), cases, units, comparisons);
  }

  /** Type 7 quantile (linear between order statistics), as R's default. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
