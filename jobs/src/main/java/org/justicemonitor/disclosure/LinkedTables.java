package org.justicemonitor.disclosure;

import org.justicemonitor.indicators.IndicatorsJob;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;

/**
 * The indicator tables that share cases, and how their counts add up: the cells and identities
 * of {@link LinkedCells}, read from the tables as published (or about to be).
 *
 * <p>Identities: within each series, pending at the end of a period is the pending before plus
 * incoming minus resolved (pending before the first period is 0); the months of a year add up to
 * the year and the last month's pending is the year's; the regions add up to the nation, the
 * district courts of a region to the region, the courts of a level to the level, the case
 * categories and filing channels to the nation (and the district level is the nation); the
 * services of a region-month to its requests; the user types of a service-year to the service's
 * requests in that year; the bins of the days-to-decision histogram to the resolved cases of
 * their category. E-notary requests, which a published rate per 1,000 inhabitants gives away
 * with the public population, take part as counts of the regional tables (months, regions, and
 * the e-notary rows of service_reliability_month). A row absent from a table (no events of a service in a region-month) counts 0.
 */
public final class LinkedTables {

  static final List<String> FLOW = List.of("incoming", "resolved", "pending_end");

  /** A table taking part: its name, key columns (period last) and count columns. */
  record Shape(String table, List<String> keys, List<String> counts) {
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
  }

  static final Shape REGION_YEAR = new Shape(Catalog.REGION_YEAR, List.of("region_code", "period"),
      List.of("incoming", "resolved", "pending_end", "service_requests"));
  static final Shape REGION_MONTH = new Shape(Catalog.REGION_MONTH, REGION_YEAR.keys(), REGION_YEAR.counts());
  static final Shape NATIONAL_YEAR = new Shape(Catalog.NATIONAL_YEAR, REGION_YEAR.keys(), REGION_YEAR.counts());
  static final Shape COURT_YEAR = new Shape(Catalog.COURT_YEAR, List.of("court_id", "period"), FLOW);
  static final Shape COURT_MONTH = new Shape(Catalog.COURT_MONTH, COURT_YEAR.keys(), FLOW);
  static final Shape CATEGORY_YEAR = new Shape(Catalog.CATEGORY_YEAR, List.of("case_category", "period"), FLOW);
  static final Shape LEVEL_YEAR = new Shape(Catalog.LEVEL_YEAR, List.of("court_level", "period"), FLOW);
  static final Shape CHANNEL_YEAR = new Shape(Catalog.CHANNEL_YEAR, List.of("filing_channel", "period"), FLOW);
  static final Shape SERVICES = new Shape(Catalog.SERVICE_RELIABILITY_MONTH, List.of("service", "region_code", "period"),
      List.of("requests"));
  static final Shape USERS = new Shape(Catalog.SERVICE_USERS_YEAR, List.of("service", "user_type", "period"),
      List.of("requests"));
  static final Shape HISTOGRAM = new Shape(Catalog.DECISION_DAYS_HISTOGRAM, List.of("case_category", "bin", "period"),
      List.of("decisions"));

  static final List<Shape> SHAPES = List.of(REGION_YEAR, REGION_MONTH, NATIONAL_YEAR, COURT_YEAR, COURT_MONTH,
      CATEGORY_YEAR, LEVEL_YEAR, CHANNEL_YEAR, SERVICES, USERS, HISTOGRAM);

  private static final Pattern PRIMARY = Pattern.compile("(?:^|; )([a-z0-9_, ]+) rests? on fewer than");
  private static final Pattern COMPLEMENT = Pattern.compile("(?:^|; )([a-z0-9_, ]+) suppressed as complements");

  private static final String NOTARY_RATE = "e_notary_requests_per_1000";
  /** Not a column: the count a published rate per 1,000 inhabitants gives away. */
  static final String NOTARY_REQUESTS = "e_notary_requests";
  private static final List<Shape> REGIONAL = List.of(REGION_YEAR, REGION_MONTH, NATIONAL_YEAR);

  private final Map<String, Long> population = new java.util.HashMap<>();
  private final LinkedCells cells = new LinkedCells();
  private final Map<Shape, List<Row>> rows = new LinkedHashMap<>();

  /**
   * Reads every linked table's keys, counts and reasons to the driver: published tables are
   * small (at most courts × months rows).
   *
   * @param table a table by its catalog name
   */
public LinkedTables(Function<String, Dataset<Row>> table, Dataset<Row> regions) {
    // The region reference (20-odd rows) is public: a reader turns e-notary requests per 1,000
    // back into requests.
    for (Row r : regions.select("region_code", "population").collectAsList()) {
      population.put(r.getString(0), r.isNullAt(1) ? 0L : ((Number) r.get(1)).longValue());
    }
    population.put(IndicatorsJob.NATIONAL, population.values().stream().mapToLong(Long::longValue).sum());
    for (Shape shape : SHAPES) {
      Dataset<Row> t = table.apply(shape.table());
      List<Column> columns = new ArrayList<>();
      shape.keys().forEach(k -> columns.add(col(k)));
      shape.counts().forEach(c -> columns.add(col(c)));
      columns.add(col("suppression_reason"));
      for (String extra : List.of("court_level", "region_code", "share_of_service_requests", NOTARY_RATE)) {
        if (List.of(t.columns()).contains(extra) && !shape.keys().contains(extra)) {
          columns.add(col(extra));
        }
      }
      // Small published tables: at most courts × months rows.
      List<Row> collected = t.select(columns.toArray(Column[]::new)).collectAsList();
      rows.put(shape, collected);
      for (Row r : collected) {
        for (String count : shape.counts()) {
          addCell(shape, r, count);
        }
        if (REGIONAL.contains(shape)) {
          addNotaryRequests(shape, r);
        }
      }
    }
    identities();
  }

  public LinkedCells cells() {
    return cells;
  }

  private void addCell(Shape shape, Row r, String count) {
    Object v = r.getAs(count);
    String reason = r.getAs("suppression_reason");
    State state = v != null ? State.PUBLISHED
        : listed(COMPLEMENT, reason, count) ? State.COMPLEMENTARY
        : State.PRIMARY;
    cells.add(new Cell(shape.table(), shape.key(r), count), v == null ? -1 : ((Number) v).longValue(), state);
  }

  /**
   * The e-notary requests of a region row: rate × population / 1,000 where the rate is published
   * (exact: rates keep six decimals), else suppressed as the rate is. Suppressing it as a
   * complement suppresses the rate, which rests on it.
   */
  private void addNotaryRequests(Shape shape, Row r) {
    Object rate = r.getAs(NOTARY_RATE);
    String reason = r.getAs("suppression_reason");
    long people = population.getOrDefault(r.<String>getAs("region_code"), 0L);
    State state = rate != null ? State.PUBLISHED
        : listed(COMPLEMENT, reason, NOTARY_RATE) ? State.COMPLEMENTARY
        : State.PRIMARY;
    long value = rate == null ? -1 : Math.round(((Number) rate).doubleValue() * people / 1000.0);
    cells.add(new Cell(shape.table(), shape.key(r), NOTARY_REQUESTS), value, state);
  }

  /** Whether a suppression reason names the column in the part the pattern finds. */
  static boolean listed(Pattern part, String reason, String column) {
    if (reason == null) {
      return false;
    }
    Matcher m = part.matcher(reason);
    while (m.find()) {
      for (String c : m.group(1).split(", ")) {
        if (c.strip().equals(column)) {
          return true;
        }
      }
    }
    return false;
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
    for (Row r : rows.get(LEVEL_YEAR)) {
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

  /** pending(t) = pending(t − 1) + incoming(t) − resolved(t); pending before the first period is 0. */
  private void stockAndFlow(Shape s) {
    Map<String, TreeMap<String, Row>> series = new TreeMap<>();
    for (Row r : rows.get(s)) {
      series.computeIfAbsent(s.series(r), x -> new TreeMap<>()).put(r.getAs("period"), r);
    }
    for (TreeMap<String, Row> one : series.values()) {
      String before = null;
      for (Map.Entry<String, Row> e : one.entrySet()) {
        String key = s.key(e.getValue());
        List<Integer> terms = new ArrayList<>(List.of(cell(s, key, "pending_end"), cell(s, key, "incoming"),
            cell(s, key, "resolved")));
        List<Integer> signs = new ArrayList<>(List.of(1, -1, 1));
        if (before != null) {
          terms.add(cell(s, before, "pending_end"));
          signs.add(-1);
        }
        cells.identity(terms, signs);
        before = key;
      }
    }
  }

  private void monthsToYears(Shape months, Shape years, List<String> flows) {
    Map<String, List<String>> monthsOfYear = new TreeMap<>();
    Map<String, String> lastMonth = new TreeMap<>();
    for (Row r : rows.get(months)) {
      String period = r.getAs("period");
      String yearKey = months.series(r).isEmpty() ? period.substring(0, 4) : months.series(r) + "|" + period.substring(0, 4);
      monthsOfYear.computeIfAbsent(yearKey, y -> new ArrayList<>()).add(months.key(r));
      lastMonth.merge(yearKey, months.key(r), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    monthsOfYear.forEach((yearKey, keys) -> {
      for (String x : flows) {
        cells.sum(cell(years, yearKey, x), keys.stream().map(k -> cell(months, k, x)).toList());
      }
      equal(cell(years, yearKey, "pending_end"), cell(months, lastMonth.get(yearKey), "pending_end"));
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
    for (Row r : rows.get(shape)) {
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
    for (Row r : rows.get(USERS)) {
      byServiceYear.computeIfAbsent(r.getAs("service") + "|" + r.getAs("period"), x -> new ArrayList<>()).add(r);
    }
    Map<String, List<String>> monthsOfServiceYear = new TreeMap<>();
    for (Row r : rows.get(SERVICES)) {
      monthsOfServiceYear.computeIfAbsent(r.getAs("service") + "|" + r.<String>getAs("period").substring(0, 4),
          x -> new ArrayList<>()).add(SERVICES.key(r));
    }
    byServiceYear.forEach((serviceYear, users) -> {
      List<Integer> parts = users.stream().map(r -> cell(USERS, USERS.key(r), "requests")).toList();
      Long total = null;
      for (Row r : users) {
        Object share = r.getAs("share_of_service_requests");
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
    return IndicatorsJob.NATIONAL + "|" + period;
  }
}
