package org.justicemonitor.disclosure;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;
import org.justicemonitor.tables.CellStatus;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

/**
 * The indicator tables that share cases, and how their counts add up: the cells and identities
 * of {@link LinkedCells}, read from the tables as published (or about to be).
 *
 * <p>Identities: in each row, pending at the end of a period is pending at its start plus
 * incoming minus resolved, and a period's start stock is the end stock of the period before when
 * the table has that row (a series has no row for a period without cases: its stocks were 0);
 * the months of a year add up to the year, the first month's start stock is the year's and the
 * last month's end stock is the year's; the regions add up to the nation, the
 * district courts of a region to the region, the courts of a level to the level, the case
 * categories and filing channels to the nation (and the district level is the nation); the
 * services of a region-month to its requests; the user types of a service-year to the service's
 * requests in that year; the bins of the days-to-decision histogram to the resolved cases of
 * their category. E-notary requests, which a published rate per 1,000 inhabitants gives away
 * with the public population, take part as counts of the regional tables (months, regions, and
 * the e-notary rows of service_reliability_month). A row absent from a table (no events of a service in a region-month) counts 0.
 */
final class LinkedTables {

  static final List<String> FLOW = List.of("pending_start", "incoming", "resolved", "pending_end");

  /** A table taking part: its path, grain (period last) and count columns, from its declaration. */
  record Shape(TableDeclaration declaration, String table, List<String> keys, List<String> counts) {
    static Shape of(TableDeclaration d) {
      return new Shape(d, d.path(), d.grain(), d.counts());
    }

    String series(Row r) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < keys.size() - 1; i++) {
        b.append(i > 0 ? "|" : "").append(String.valueOf(r.<Object>getAs(keys.get(i))));
      }
      return b.toString();
    }

    String key(Row r) {
      String s = series(r);
      String period = String.valueOf(r.<Object>getAs("period"));
      return s.isEmpty() ? period : s + "|" + period;
    }

    /** The measures that give a count away with public figures: rates per population, shares of a total. */
    List<Measure> givingAway(Measure.Kind kind) {
      return declaration.measures().stream().filter(m -> m.kind() == kind).toList();
    }
  }

  static final Shape REGION_YEAR = Shape.of(IndicatorTables.REGION_YEAR);
  static final Shape REGION_MONTH = Shape.of(IndicatorTables.REGION_MONTH);
  static final Shape NATIONAL_YEAR = Shape.of(IndicatorTables.NATIONAL_YEAR);
  static final Shape COURT_YEAR = Shape.of(IndicatorTables.COURT_YEAR);
  static final Shape COURT_MONTH = Shape.of(IndicatorTables.COURT_MONTH);
  static final Shape CATEGORY_YEAR = Shape.of(IndicatorTables.CATEGORY_YEAR);
  static final Shape LEVEL_YEAR = Shape.of(IndicatorTables.LEVEL_YEAR);
  static final Shape CHANNEL_YEAR = Shape.of(IndicatorTables.CHANNEL_YEAR);
  static final Shape SERVICES = Shape.of(IndicatorTables.SERVICE_RELIABILITY_MONTH);
  static final Shape USERS = Shape.of(IndicatorTables.SERVICE_USERS_YEAR);
  static final Shape HISTOGRAM = Shape.of(IndicatorTables.DECISION_DAYS_HISTOGRAM);

  static final List<Shape> SHAPES = IndicatorTables.LINKED.stream().map(Shape::of).toList();

  /** Not a column: the e-notary requests that the published rate per 1,000 inhabitants gives away. */
  static final String NOTARY_REQUESTS = IndicatorTables.REGION_YEAR.measure("e_notary_requests_per_1000")
      .orElseThrow().numerator();

  private final Map<String, Long> population = new java.util.HashMap<>();
  private final LinkedCells cells = new LinkedCells();
  private final Map<Shape, List<Row>> rows = new LinkedHashMap<>();

  /**
   * Reads every linked table's keys, counts and reasons to the driver: published tables are
   * small (at most courts × months rows).
   *
   * @param table a table by its catalog name
   */
  LinkedTables(Function<String, Dataset<Row>> table, Dataset<Row> regions) {
    this(table, regions, SHAPES);
  }

  /** The same over any declared tables: cells from their counts and the counts their rates give away. */
  LinkedTables(Function<String, Dataset<Row>> table, Dataset<Row> regions, List<Shape> shapes) {
    // The region reference (20-odd rows) is public: a reader turns e-notary requests per 1,000
    // back into requests.
    for (Row r : regions.select("region_code", "population").collectAsList()) {
      population.put(r.getString(0), r.isNullAt(1) ? 0L : ((Number) r.get(1)).longValue());
    }
    population.put(IndicatorTables.NATIONAL, population.values().stream().mapToLong(Long::longValue).sum());
    for (Shape shape : shapes) {
      Dataset<Row> t = table.apply(shape.table());
      List<Column> columns = new ArrayList<>();
      shape.declaration().keys().forEach(k -> columns.add(col(k.column())));
      for (Measure m : shape.declaration().measures()) {
        boolean read = m.kind() == Measure.Kind.COUNT || m.kind() == Measure.Kind.PER_POPULATION
            || m.kind() == Measure.Kind.SHARE_OF_TOTAL;
        if (read) {
          columns.add(col(m.column()));
          columns.add(col(m.statusColumn()));
        }
      }
      // The true counts, where the table still has them (before publication): the protection's
      // solution of the identities. A published table has none: the audit finds one.
      List<String> present = List.of(t.columns());
      for (String name : present) {
        if (name.startsWith(Disclosure.TRUE_VALUE)) {
          columns.add(col(name));
        }
      }
      // Small published tables: at most courts × months rows.
      List<Row> collected = t.select(columns.toArray(Column[]::new)).collectAsList();
      rows.put(shape, collected);
      for (Row r : collected) {
        for (String count : shape.counts()) {
          addCell(shape, r, count);
        }
        for (Measure rate : shape.givingAway(Measure.Kind.PER_POPULATION)) {
          addPerPopulation(shape, r, rate);
        }
      }
    }
    identities();
  }

  LinkedCells cells() {
    return cells;
  }

  private void addCell(Shape shape, Row r, String count) {
    Object v = r.getAs(count);
    cells.add(new Cell(shape.table(), shape.key(r), count), v == null ? trueValue(r, count) : ((Number) v).longValue(),
        state(v, r.getAs(count + CellStatus.SUFFIX)));
  }

  /** A suppressed count's value where the table still has it, else -1 (unknown). */
  private static long trueValue(Row r, String count) {
    String name = Disclosure.TRUE_VALUE + count;
    if (!java.util.Arrays.asList(r.schema().fieldNames()).contains(name)) {
      return -1;
    }
    Object v = r.getAs(name);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** What a reader knows of a cell, from its published value and status. */
  private static State state(Object value, String status) {
    return value != null ? State.PUBLISHED
        : CellStatus.of(status) == CellStatus.COMPLEMENT ? State.COMPLEMENTARY
        : State.PRIMARY;
  }

  /**
   * The count a rate per 1,000 inhabitants gives away: rate × population / 1,000 where the rate
   * is published (exact: rates keep six decimals), else suppressed as the rate is. Suppressing it
   * as a complement suppresses the rate, which rests on it.
   */
  private void addPerPopulation(Shape shape, Row r, Measure rate) {
    Object value = r.getAs(rate.column());
    long people = population.getOrDefault(r.<String>getAs("region_code"), 0L);
    long count = value == null ? trueValue(r, rate.numerator())
        : Math.round(((Number) value).doubleValue() * people / 1000.0);
    cells.add(new Cell(shape.table(), shape.key(r), rate.numerator()), count,
        state(value, r.getAs(rate.statusColumn())));
  }

  /** A table's rows; none when the model was built without it. */
  private List<Row> rowsOf(Shape shape) {
    return rows.getOrDefault(shape, List.of());
  }

  private int cell(Shape shape, String key, String measure) {
    return cells.find(new Cell(shape.table(), key, measure)).orElse(-1);
  }

  private void identities() {
    for (Shape s : List.of(REGION_YEAR, REGION_MONTH, NATIONAL_YEAR, COURT_YEAR, COURT_MONTH, CATEGORY_YEAR, LEVEL_YEAR,
        CHANNEL_YEAR)) {
      stockAndFlow(s);
    }
    monthsToYears(REGION_MONTH, REGION_YEAR, List.of("incoming", "resolved", "service_requests", NOTARY_REQUESTS));
    monthsToYears(COURT_MONTH, COURT_YEAR, List.of("incoming", "resolved"));
    regionsToNation();
    courtsToRegions(COURT_YEAR, REGION_YEAR);
    courtsToRegions(COURT_MONTH, REGION_MONTH);
    courtsToLevels();
    breakdownToNation(CATEGORY_YEAR);
    breakdownToNation(CHANNEL_YEAR);
    for (Row r : rowsOf(LEVEL_YEAR)) {
      if ("district".equals(r.getAs("court_level"))) {
        for (String x : FLOW) {
          equal(cell(LEVEL_YEAR, LEVEL_YEAR.key(r), x), cell(NATIONAL_YEAR, national(r.getAs("period")), x));
        }
      }
    }
    servicesToRegions();
    userTypesToServices();
    histogramToCategories();
  }

  /** pending_end = pending_start + incoming − resolved; pending_start(t) = pending_end(t − 1). */
  private void stockAndFlow(Shape s) {
    Map<String, TreeMap<String, Row>> series = new TreeMap<>();
    for (Row r : rowsOf(s)) {
      series.computeIfAbsent(s.series(r), x -> new TreeMap<>()).put(r.getAs("period"), r);
    }
    for (TreeMap<String, Row> one : series.values()) {
      for (Map.Entry<String, Row> e : one.entrySet()) {
        String key = s.key(e.getValue());
        cells.identity(List.of(cell(s, key, "pending_end"), cell(s, key, "pending_start"), cell(s, key, "incoming"),
            cell(s, key, "resolved")), List.of(1, -1, -1, 1));
        Row before = one.get(previousPeriod(e.getKey()));
        if (before != null) {
          equal(cell(s, key, "pending_start"), cell(s, s.key(before), "pending_end"));
        }
      }
    }
  }

  private static String previousPeriod(String period) {
    return period.length() == 4 ? Integer.toString(Integer.parseInt(period) - 1)
        : java.time.YearMonth.parse(period).minusMonths(1).toString();
  }

  private void monthsToYears(Shape months, Shape years, List<String> flows) {
    Map<String, List<String>> monthsOfYear = new TreeMap<>();
    Map<String, String> lastMonth = new TreeMap<>();
    Map<String, String> firstMonth = new TreeMap<>();
    for (Row r : rowsOf(months)) {
      String period = r.getAs("period");
      String yearKey = months.series(r).isEmpty() ? period.substring(0, 4) : months.series(r) + "|" + period.substring(0, 4);
      monthsOfYear.computeIfAbsent(yearKey, y -> new ArrayList<>()).add(months.key(r));
      lastMonth.merge(yearKey, months.key(r), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      firstMonth.merge(yearKey, months.key(r), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    monthsOfYear.forEach((yearKey, keys) -> {
      for (String x : flows) {
        cells.sum(cell(years, yearKey, x), keys.stream().map(k -> cell(months, k, x)).toList());
      }
      equal(cell(years, yearKey, "pending_end"), cell(months, lastMonth.get(yearKey), "pending_end"));
      equal(cell(years, yearKey, "pending_start"), cell(months, firstMonth.get(yearKey), "pending_start"));
    });
  }

  private void regionsToNation() {
    Map<String, List<String>> byPeriod = keysBy(REGION_YEAR, r -> r.getAs("period"));
    // Service requests of users whose region is unknown count nationally, and by service and month.
    Map<String, List<String>> unknownRegion = keysBy(SERVICES, r -> Contract.UNKNOWN_REGION.equals(r.getAs("region_code"))
        ? r.<String>getAs("period").substring(0, 4) : null);
    Map<String, List<String>> unknownRegionNotary = keysBy(SERVICES, r -> Contract.UNKNOWN_REGION.equals(r.getAs("region_code"))
        && "e_notary".equals(r.getAs("service")) ? r.<String>getAs("period").substring(0, 4) : null);
    byPeriod.forEach((period, keys) -> {
      List<String> measures = new ArrayList<>(REGION_YEAR.counts());
      measures.add(NOTARY_REQUESTS);
      for (String x : measures) {
        List<Integer> parts = new ArrayList<>(keys.stream().map(k -> cell(REGION_YEAR, k, x)).toList());
        Map<String, List<String>> unknown = x.equals("service_requests") ? unknownRegion
            : x.equals(NOTARY_REQUESTS) ? unknownRegionNotary : Map.of();
        unknown.getOrDefault(period, List.of()).forEach(k -> parts.add(cell(SERVICES, k, "requests")));
        cells.sum(cell(NATIONAL_YEAR, national(period), x), parts);
      }
    });
  }

  private void courtsToRegions(Shape courts, Shape regions) {
    Map<String, List<String>> byRegion = keysBy(courts, r -> "district".equals(r.getAs("court_level"))
        ? r.getAs("region_code") + "|" + r.getAs("period") : null);
    FLOW.forEach(x -> sums(byRegion, regions, x, courts, x));
  }

  private void courtsToLevels() {
    Map<String, List<String>> byLevel = keysBy(COURT_YEAR, r -> r.getAs("court_level") + "|" + r.getAs("period"));
    FLOW.forEach(x -> sums(byLevel, LEVEL_YEAR, x, COURT_YEAR, x));
  }

  private void breakdownToNation(Shape breakdown) {
    Map<String, List<String>> byPeriod = keysBy(breakdown, r -> national(r.getAs("period")));
    FLOW.forEach(x -> sums(byPeriod, NATIONAL_YEAR, x, breakdown, x));
  }

  private void servicesToRegions() {
    sums(keysBy(SERVICES, r -> r.getAs("region_code") + "|" + r.getAs("period")), REGION_MONTH, "service_requests",
        SERVICES, "requests");
    sums(keysBy(SERVICES, r -> "e_notary".equals(r.getAs("service")) ? r.getAs("region_code") + "|" + r.getAs("period") : null),
        REGION_MONTH, NOTARY_REQUESTS, SERVICES, "requests");
  }

  /** The row keys of a table, grouped by what {@code group} says of each row (null leaves a row out). */
  private Map<String, List<String>> keysBy(Shape shape, Function<Row, String> group) {
    Map<String, List<String>> groups = new TreeMap<>();
    for (Row r : rowsOf(shape)) {
      String g = group.apply(r);
      if (g != null) {
        groups.computeIfAbsent(g, x -> new ArrayList<>()).add(shape.key(r));
      }
    }
    return groups;
  }

  /** For each group, {@code totals[group].total = Σ parts[key].part} over the group's keys. */
  private void sums(Map<String, List<String>> groups, Shape totals, String total, Shape parts, String part) {
    groups.forEach((group, keys) -> {
      int t = cell(totals, group, total);
      if (t >= 0) {
        cells.sum(t, keys.stream().map(k -> cell(parts, k, part)).toList());
      }
    });
  }

  /**
   * The user types of a service-year add up to its requests in the months and regions of
   * service_reliability_month, and to the service's total that any published share gives away
   * (requests / share): a fixed cell.
   */
  private void userTypesToServices() {
    Map<String, List<Row>> byServiceYear = new TreeMap<>();
    for (Row r : rowsOf(USERS)) {
      byServiceYear.computeIfAbsent(r.getAs("service") + "|" + r.getAs("period"), x -> new ArrayList<>()).add(r);
    }
    Map<String, List<String>> monthsOfServiceYear = new TreeMap<>();
    for (Row r : rowsOf(SERVICES)) {
      monthsOfServiceYear.computeIfAbsent(r.getAs("service") + "|" + r.<String>getAs("period").substring(0, 4),
          x -> new ArrayList<>()).add(SERVICES.key(r));
    }
    byServiceYear.forEach((serviceYear, users) -> {
      List<Integer> parts = users.stream().map(r -> cell(USERS, USERS.key(r), "requests")).toList();
      Long total = null;
      for (Row r : users) {
        Object share = r.getAs(USERS.givingAway(Measure.Kind.SHARE_OF_TOTAL).get(0).column());
        Object requests = r.getAs("requests");
        if (share != null && requests != null && ((Number) share).doubleValue() > 0) {
          total = Math.round(((Number) requests).doubleValue() / ((Number) share).doubleValue());
          break;
        }
      }
      if (total != null) {
        cells.sum(cells.add(new Cell(USERS.table(), serviceYear, "total_from_shares"), total, State.FIXED), parts);
      }
      List<String> months = monthsOfServiceYear.get(serviceYear);
      if (months != null) {
        List<Integer> terms = new ArrayList<>(parts);
        List<Integer> signs = new ArrayList<>();
        parts.forEach(p -> signs.add(1));
        months.forEach(k -> {
          terms.add(cell(SERVICES, k, "requests"));
          signs.add(-1);
        });
        cells.identity(terms, signs);
      }
    });
  }

  private void histogramToCategories() {
    sums(keysBy(HISTOGRAM, r -> r.getAs("case_category") + "|" + r.getAs("period")), CATEGORY_YEAR, "resolved",
        HISTOGRAM, "decisions");
  }

  private void equal(int a, int b) {
    if (a >= 0 && b >= 0) {
      cells.identity(List.of(a, b), List.of(1, -1));
    }
  }

  private static String national(String period) {
    return IndicatorTables.NATIONAL + "|" + period;
  }
}
