package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.Region;
import org.justicemonitor.contract.RegionReference;

/**
 * The world the generator simulates, fixed on the driver from the options and the seed: regions
 * and their courts, how volumes spread over months, and which anomalies go where.
 */
final class Scenario {

  /** Relative volume by calendar month: the New Year and summer holidays are quieter. */
  static final double[] SEASON = {0.78, 0.97, 1.05, 1.04, 0.96, 1.0, 0.80, 0.82, 1.04, 1.08, 1.06, 1.10};

  /** The Supreme Court sits in Astana. */
  static final String SUPREME_COURT = "71-S01";
  static final String SUPREME_REGION = "71";

  /** The programme of generated rollouts. */
  static final String PROGRAM = "e_case_management";

  private static final int TARGET_CASES_PER_COURT_MONTH = 300;
  private static final int PEOPLE_PER_DISTRICT_COURT = 150_000;

  final GeneratorOptions options;
  final List<Region> regions;
  final List<Anomaly> anomalies;
  private final int[] districtCourts;

  Scenario(GeneratorOptions options, List<Region> regions) {
    this.options = options;
    this.regions = List.copyOf(regions);
    long population = regions.stream().mapToLong(Region::population).sum();
    double casesPerMonth = (double) options.cases() / options.months();
    this.districtCourts = new int[regions.size()];
    for (int i = 0; i < regions.size(); i++) {
      Region r = regions.get(i);
      double regionCasesPerMonth = casesPerMonth * r.population() / population;
      int byPopulation = (int) Math.max(1, Math.round((double) r.population() / PEOPLE_PER_DISTRICT_COURT));
      int byVolume = (int) Math.max(1, Math.round(regionCasesPerMonth / TARGET_CASES_PER_COURT_MONTH));
      districtCourts[i] = Math.min(byPopulation, byVolume);
    }
    this.anomalies = planAnomalies();
  }

  /**
   * Which district courts adopt {@link #PROGRAM} when: half of them, in a fixed shuffle, over four
   * start dates (at 35, 50, 65 and 80% of the months, each on the first of a month); the others
   * never. Empty without {@link GeneratorOptions#rolloutEffect}.
   */
  java.util.SortedMap<String, java.time.LocalDate> rollouts() {
    java.util.SortedMap<String, java.time.LocalDate> starts = new java.util.TreeMap<>();
    if (options.rolloutEffect() == null) {
      return starts;
    }
    List<String> courts = new ArrayList<>(districtCourtIds());
    Collections.sort(courts);
    Collections.shuffle(courts, new Random(options.seed() ^ 0x5011L));
    double[] at = {0.35, 0.50, 0.65, 0.80};
    for (int i = 0; i < courts.size() / 2; i++) {
      int month = (int) Math.round(at[i % at.length] * (options.months() - 1));
      starts.put(courts.get(i), options.from().plusMonths(month).atDay(1));
    }
    return starts;
  }

  static Scenario of(GeneratorOptions options) {
    return new Scenario(options, RegionReference.shipped().regions());
  }

  List<String> regionCodes() {
    return regions.stream().map(Region::code).toList();
  }

  double[] populations() {
    return regions.stream().mapToDouble(Region::population).toArray();
  }

  /**
   * Every court of the scenario with names in the three languages, for {@code courts/courts.csv}:
   * illustrative names built from the region's (a real court's name comes from its registry).
   */
  List<org.justicemonitor.contract.CourtReference.Court> courtNames() {
    List<org.justicemonitor.contract.CourtReference.Court> courts = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      Region r = regions.get(i);
      boolean city = "cities".equals(r.group());
      for (int c = 1; c <= districtCourts[i]; c++) {
        courts.add(new org.justicemonitor.contract.CourtReference.Court(districtCourtId(r.code(), c),
            r.nameEn() + " district court no. " + c, "Районный суд № " + c + " (" + r.nameRu() + ")",
            "№ " + c + " аудандық сот (" + r.nameKk() + ")"));
      }
      courts.add(new org.justicemonitor.contract.CourtReference.Court(r.code() + "-R01",
          r.nameEn() + (city ? " city court" : " regional court"), (city ? "Городской суд (" : "Областной суд (") + r.nameRu() + ")",
          (city ? "Қалалық сот (" : "Облыстық сот (") + r.nameKk() + ")"));
    }
    courts.add(new org.justicemonitor.contract.CourtReference.Court(SUPREME_COURT, "Supreme Court", "Верховный суд", "Жоғарғы Сот"));
    courts.sort(java.util.Comparator.comparing(org.justicemonitor.contract.CourtReference.Court::id));
    return courts;
  }

  List<String> districtCourtIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      for (int c = 1; c <= districtCourts[i]; c++) {
        ids.add(districtCourtId(regions.get(i).code(), c));
      }
    }
    return ids;
  }

  static String districtCourtId(String region, int number) {
    return String.format("%s-D%02d", region, number);
  }

  /** A per-region number as a column, looked up by region code. */
  Column byRegion(Column code, ToDoubleFunction<Region> value) {
    Column result = null;
    for (Region r : regions) {
      Column branch = code.equalTo(r.code());
      result = result == null ? when(branch, lit(value.applyAsDouble(r))) : result.when(branch, lit(value.applyAsDouble(r)));
    }
    return result;
  }

  Column districtCourtCount(Column code) {
    Column result = null;
    for (int i = 0; i < regions.size(); i++) {
      Column branch = code.equalTo(regions.get(i).code());
      result = result == null ? when(branch, lit(districtCourts[i])) : result.when(branch, lit(districtCourts[i]));
    }
    return result.otherwise(lit(1));
  }

  /** A structural speed factor per region (0.8 to 1.25), stable across the years: not an anomaly. */
  Column regionSpeed(Column code) {
    return byRegion(code, r -> 0.8 + 0.45 * ((Math.abs(r.code().hashCode() * 31L + 7) % 100) / 100.0));
  }

  /**
   * Index of the month (0 = {@code from}) for a uniform draw, with the month's share of volume
   * growing by {@code yearlyGrowth} and following {@link #SEASON}.
   */
  Column monthIndex(Column uniform, double yearlyGrowth) {
    int months = options.months();
    double[] weights = new double[months];
    double total = 0;
    for (int m = 0; m < months; m++) {
      YearMonth ym = options.from().plusMonths(m);
      weights[m] = Math.pow(yearlyGrowth, m / 12.0) * SEASON[ym.getMonthValue() - 1];
      total += weights[m];
    }
    double[] cumulative = new double[months];
    double running = 0;
    for (int m = 0; m < months; m++) {
      running += weights[m];
      cumulative[m] = running / total;
    }
    return firstAbove(uniform, cumulative, 0, months - 1);
  }

  /**
   * The first index whose cumulative weight exceeds {@code u}, as a balanced tree of comparisons:
   * a handful of compiled branches per row instead of a scan over every month.
   */
  private static Column firstAbove(Column u, double[] cumulative, int lo, int hi) {
    if (lo == hi) {
      return lit(lo);
    }
    int mid = (lo + hi) / 2;
    return when(u.lt(cumulative[mid]), firstAbove(u, cumulative, lo, mid))
        .otherwise(firstAbove(u, cumulative, mid + 1, hi));
  }

  /** Which anomalies go where: a fixed function of the seed. */
  private List<Anomaly> planAnomalies() {
    int months = options.months();
    int firstEligible = Math.min(12, months / 3);
    int lastEligible = months - 4;
    List<Anomaly> plan = new ArrayList<>();
    if (options.anomaliesPerKind() == 0 || lastEligible < firstEligible) {
      return plan;
    }
    Random random = new Random(options.seed());
    List<String> courts = new ArrayList<>(districtCourtIds());
    Collections.shuffle(courts, random);
    List<String> regionCodes = new ArrayList<>(regionCodes());
    Collections.shuffle(regionCodes, random);
    List<String> pairs = new ArrayList<>();
    for (String region : regionCodes()) {
      for (String service : Contract.SERVICES) {
        pairs.add(region + ":" + service);
      }
    }
    Collections.shuffle(pairs, random);

    int n = options.anomaliesPerKind();
    Set<String> usedCourts = new LinkedHashSet<>();
    String[][] courtKinds = {
      {Anomaly.SLOW_COURT, "days_to_decision"},
      {Anomaly.STALLED_COURT, "clearance_rate"},
      {Anomaly.FILING_SURGE, "incoming"}
    };
    int next = 0;
    for (String[] kind : courtKinds) {
      for (int i = 0; i < n && next < courts.size(); i++, next++) {
        String court = courts.get(next);
        usedCourts.add(court);
        plan.add(new Anomaly(kind[0], "court", court, month(random, firstEligible, lastEligible), kind[1]));
      }
    }
    for (int i = 0; i < n && i < regionCodes.size(); i++) {
      plan.add(
          new Anomaly(
              Anomaly.REGISTRATION_LAG, "region", regionCodes.get(i), month(random, firstEligible, lastEligible),
              "days_to_register_e_filing"));
    }
    for (int i = 0; i < n && i < pairs.size(); i++) {
      plan.add(
          new Anomaly(
              Anomaly.SERVICE_OUTAGE, "region_service", pairs.get(i), month(random, firstEligible, lastEligible),
              "service_failure_rate"));
    }
    return List.copyOf(plan);
  }

  private YearMonth month(Random random, int firstEligible, int lastEligible) {
    return options.from().plusMonths(firstEligible + random.nextInt(lastEligible - firstEligible + 1));
  }

  List<Anomaly> anomalies(String kind) {
    return anomalies.stream().filter(a -> a.kind().equals(kind)).toList();
  }
}
