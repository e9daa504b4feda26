package org.justicemonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.justicemonitor.report.Table.Cell;
import org.justicemonitor.report.Table.Row;
import org.justicemonitor.report.Table.Span;
import org.justicemonitor.tables.CellStatus;

/**
 * The report's tables, built on the JVM from the report data in the page's language: every row
 * is in the page (none hidden in a scroll box), reads without scripts and prints. A suppressed
 * cell says so, with the reason as its tooltip; an empty one reads "—".
 */
final class ReportTables {

  /** How each published indicator reads: counts whole, days to one decision, a share as a percent. */
  private static final Map<String, Integer> DIGITS = Map.ofEntries(Map.entry("incoming", 0), Map.entry("resolved", 0),
      Map.entry("pending_end", 0), Map.entry("service_requests", 0), Map.entry("online_decisions", 0),
      Map.entry("in_person_decisions", 0), Map.entry("disposition_time_days", 0), Map.entry("median_days_to_decision", 1),
      Map.entry("p90_days_to_decision", 1), Map.entry("median_days_to_register_e_filing", 1),
      Map.entry("median_days_protocol_to_decision", 1), Map.entry("median_days_to_publication", 1),
      Map.entry("e_notary_requests_per_1000", 1));
  private static final List<String[]> BANDS = List.of(new String[] {"share_pending_0_1_years", "band_0_1"},
      new String[] {"share_pending_1_3_years", "band_1_3"}, new String[] {"share_pending_3_5_years", "band_3_5"},
      new String[] {"share_pending_5_10_years", "band_5_10"}, new String[] {"share_pending_over_10_years", "band_over_10"});
  private static final Pattern DISMISSED_SCORE = Pattern.compile("score ([0-9.]+)");

  private final JsonNode data;
  private final PageLanguage l;

  ReportTables(JsonNode data, PageLanguage language) {
    this.data = data;
    this.l = language;
  }

  /** Every table by the id of its place in the page. */
  Map<String, Table> all() {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Table t : List.of(theil(), equivalence(), access(), availability(), security(), channels(), regional(), drilldown(),
        courts(), courtQuality(), columnQuality(), ingest())) {
      tables.put(t.id(), t);
    }
    flags().ifPresent(t -> tables.put(t.id(), t));
    return tables;
  }

  // ---- values ----

  private static Double num(JsonNode row, String key) {
    JsonNode v = row == null ? null : row.get(key);
    return v == null || v.isNull() || !v.isNumber() ? null : v.asDouble();
  }

  private static String str(JsonNode row, String key) {
    JsonNode v = row == null ? null : row.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String sortKey(Double x) {
    return x == null ? "" : String.valueOf(x);
  }

  private String format(String key, Double x) {
    Integer digits = DIGITS.get(key);
    return digits == null ? l.percent(x) : l.number(x, digits);
  }

  private List<JsonNode> rows(String key) {
    JsonNode a = data.get(key);
    return a == null || !a.isArray() ? List.of() : StreamSupport.stream(a.spliterator(), false).toList();
  }

  private String latestYear() {
    TreeSet<String> periods = new TreeSet<>();
    rows("region_year").forEach(r -> periods.add(str(r, "period")));
    return periods.isEmpty() ? null : periods.last();
  }

  private List<JsonNode> regionsOfLatestYear() {
    String latest = latestYear();
    return rows("region_year").stream().filter(r -> Objects.equals(str(r, "period"), latest))
        .sorted(Comparator.comparing((JsonNode r) -> l.regionName(str(r, "region_code")), l.byName())).toList();
  }

  private JsonNode nationalOfLatestYear() {
    String latest = latestYear();
    return rows("national_year").stream().filter(r -> Objects.equals(str(r, "period"), latest)).findFirst().orElse(null);
  }

  // ---- cells ----

  private Cell suppressed(JsonNode row) {
    return new Cell(List.of(Span.text(l.t("suppressed"))), "", "suppressed", str(row, "suppression_reason"), null);
  }

  /** A published value: written as its indicator reads, or why it is empty. */
  private Cell value(JsonNode row, String key) {
    Double x = num(row, key);
    return x == null || withheld(row, key) ? missing(row, key) : Cell.number(format(key, x), sortKey(x));
  }

  /**
   * An empty cell as its status says: suppressed (primary or complementary) with the reason as its
   * tooltip, or "—" for a value that cannot exist or was not recorded. Tables without status
   * columns: suppressed when the row is.
   */
  private Cell missing(JsonNode row, String key) {
    String status = str(row, key + CellStatus.SUFFIX);
    boolean suppressed = status != null ? withheld(row, key)
        : row != null && (row.path("suppressed").asBoolean(false) || str(row, "suppression_reason") != null);
    if (suppressed) {
      return CellStatus.COMPLEMENT.code().equals(status)
          ? new Cell(List.of(Span.text(l.t("suppressed_complement"))), "", "suppressed", str(row, "suppression_reason"), null)
          : suppressed(row);
    }
    Cell none = Cell.number(PageLanguage.NONE, "");
    return CellStatus.NOT_APPLICABLE.code().equals(status) ? none.title(l.t("not_applicable")) : none;
  }

  private static boolean withheld(JsonNode row, String key) {
    String status = str(row, key + CellStatus.SUFFIX);
    return CellStatus.PRIMARY.code().equals(status) || CellStatus.COMPLEMENT.code().equals(status);
  }

  private Cell number(Double x, int digits) {
    return Cell.number(l.number(x, digits), sortKey(x));
  }

  private Cell percent(Double x) {
    return Cell.number(l.percent(x), sortKey(x));
  }

  /** A place's name, with the CEPEJ-style flag when its figures rest on a court of low data quality. */
  private Cell name(String name, JsonNode row) {
    return withQualityFlag(Cell.text(name), row);
  }

  private Cell withQualityFlag(Cell c, JsonNode row) {
    String flag = str(row, "quality_flag");
    return flag == null ? c : c.with(Span.flag(flag, l.t("quality_flag_note")));
  }

  /** A court by its name where the input gives one, its code beside it (the code alone otherwise). */
  private Cell court(String id, JsonNode row) {
    return withQualityFlag(l.courtName(id).map(n -> Cell.text(n).with(Span.text(" ")).with(Span.code(id)).css("text court"))
        .orElse(Cell.text(id).css("text id")), row);
  }

  private Cell yesNo(JsonNode row, String key) {
    JsonNode v = row.get(key);
    return Cell.text(v == null || v.isNull() ? PageLanguage.NONE : l.t(v.asBoolean() ? "yes" : "no"));
  }

  private List<Cell> head(String firstKey, boolean firstWords, List<String> keys) {
    List<Cell> head = new ArrayList<>();
    head.add(Cell.heading(l.t(firstKey), firstWords));
    keys.forEach(k -> head.add(Cell.heading(l.t(k), false)));
    return head;
  }

  private static Row row(Cell first, List<Cell> rest) {
    List<Cell> cells = new ArrayList<>();
    cells.add(first);
    cells.addAll(rest);
    return Row.of(cells);
  }

  private List<Cell> values(JsonNode row, List<String> keys) {
    return keys.stream().map(k -> value(row, k)).toList();
  }

  // ---- tables ----

  /** The case flow by region of the latest year, the whole country as the footer. */
  Table regional() {
    List<String> keys = List.of("incoming", "resolved", "clearance_rate", "disposition_time_days", "median_days_to_decision",
        "e_filing_share", "online_hearing_share", "service_failure_rate");
    List<Row> body = regionsOfLatestYear().stream()
        .map(r -> row(name(l.regionName(str(r, "region_code")), r), values(r, keys))).toList();
    Table t = Table.of("regional-table", head("region", true, keys), body);
    JsonNode national = nationalOfLatestYear();
    return national == null ? t : t.withFoot(row(name(l.t("country"), national), values(national, keys)));
  }

  /** Language, representation and appeals, and the pending cases older than a year, by region. */
  Table access() {
    List<String> keys = List.of("kk_language_share", "representation_rate", "appeal_rate", "share_pending_over_12_months");
    Function<JsonNode, List<Cell>> cells = r -> {
      List<Cell> out = new ArrayList<>(values(r, keys.subList(0, 3)));
      Double young = num(r, "share_pending_0_1_years");
      out.add(young == null || withheld(r, "share_pending_0_1_years") ? missing(r, "share_pending_0_1_years") : percent(1 - young));
      return out;
    };
    List<Row> body = new ArrayList<>();
    JsonNode national = nationalOfLatestYear();
    if (national != null) {
      body.add(row(Cell.text(l.t("country")), cells.apply(national)));
    }
    regionsOfLatestYear().forEach(r -> body.add(row(Cell.text(l.regionName(str(r, "region_code"))), cells.apply(r))));
    return Table.of("access-table", head("region", true, keys), body);
  }

  /** Each service for the whole country over the last 12 months with data. */
  Table availability() {
    List<JsonNode> all = rows("availability");
    TreeSet<String> periods = new TreeSet<>();
    all.forEach(r -> periods.add(str(r, "period")));
    List<String> months = new ArrayList<>(periods).subList(Math.max(0, periods.size() - 12), periods.size());
    String latest = months.isEmpty() ? null : months.get(months.size() - 1);
    Double target = all.isEmpty() ? null : num(all.get(0), "latency_target_ms");
    List<Row> body = new ArrayList<>();
    for (String service : new TreeSet<>(all.stream().map(r -> str(r, "service")).toList())) {
      List<JsonNode> mine = all.stream().filter(r -> service.equals(str(r, "service")) && months.contains(str(r, "period"))).toList();
      Function<String, Double> sum = k -> mine.stream().map(r -> num(r, k)).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
      double judged = sum.apply("judged_hours");
      double down = sum.apply("outage_hours");
      double longest = mine.stream().map(r -> num(r, "longest_outage_hours")).filter(Objects::nonNull)
          .mapToDouble(Double::doubleValue).max().orElse(0);
      JsonNode last = mine.stream().filter(r -> Objects.equals(str(r, "period"), latest)).findFirst().orElse(null);
      Double availability = judged > 0 ? 1 - down / judged : null;
      JsonNode within = last == null ? null : last.get("p95_within_target");
      body.add(Row.of(List.of(Cell.text(l.t("service_" + service)), percent(availability), number(judged, 0),
          number(sum.apply("outages"), 0), number(longest, 0), number(num(last, "p95_latency_ms"), 0),
          Cell.text(within == null || within.isNull() ? PageLanguage.NONE : l.t(within.asBoolean() ? "yes" : "no")))));
    }
    List<Cell> head = List.of(Cell.heading(l.t("service"), true), Cell.heading(l.t("availability_share"), false),
        Cell.heading(l.t("judged_hours"), false), Cell.heading(l.t("outages"), false),
        Cell.heading(l.t("longest_outage_hours"), false), Cell.heading(l.t("p95_latency_ms"), false),
        Cell.heading(l.fill("p95_within_target", Map.of("target", l.number(target, 0))), true));
    return Table.of("availability-table", head, body);
  }

  /** Security incidents by year: counts and how fast they were resolved, by severity. */
  Table security() {
    List<String> severities = List.of("low", "medium", "high", "critical");
    List<Row> body = rows("security_year").stream().map(r -> {
      List<Cell> cells = new ArrayList<>(List.of(Cell.text(str(r, "period")), number(num(r, "incidents"), 0),
          number(num(r, "median_hours_to_resolve"), 1)));
      severities.forEach(s -> cells.add(number(num(r, "median_hours_to_resolve_" + s), 1)));
      cells.add(number(num(r, "open_incidents"), 0));
      cells.add(percent(num(r, "notified_in_time_share")));
      return Row.of(cells);
    }).toList();
    List<Cell> head = new ArrayList<>(List.of(Cell.heading(l.t("year"), true), Cell.heading(l.t("incidents"), false),
        Cell.heading(l.t("median_hours_to_resolve"), false)));
    severities.forEach(s -> head.add(Cell.heading(l.t("median_hours_to_resolve") + ": " + l.t("severity_" + s), false)));
    head.add(Cell.heading(l.t("open_incidents"), false));
    head.add(Cell.heading(l.t("notified_in_time_share"), false));
    return Table.of("security-table", head, body);
  }

  /** A relative difference with its interval in small print, or suppressed. */
  private Cell interval(JsonNode r, String v, String lo, String hi, Function<Double, String> f) {
    Double x = num(r, v);
    if (x == null || withheld(r, v)) {
      return missing(r, v);
    }
    return Cell.number(f.apply(x), sortKey(x)).with(Span.note("(" + f.apply(num(r, lo)) + " … " + f.apply(num(r, hi)) + ")"));
  }

  /** E-filed against paper cases of the same court, category and month: the whole country by year of filing. */
  Table channels() {
    List<Row> body = rows("channel_comparison").stream().map(r -> Row.of(List.of(Cell.text(str(r, "period")),
        interval(r, "relative_difference_days_to_decision", "ci_low", "ci_high", l::percent),
        interval(r, "relative_difference_days_to_register", "register_ci_low", "register_ci_high", l::percent)))).toList();
    return Table.of("channel-table", head("year", true, List.of("channel_days_to_decision", "channel_days_to_register")), body);
  }

  /** One region at a time: every indicator of the latest year, the country beside it, the region's place. */
  Table drilldown() {
    List<String> keys = new ArrayList<>(List.of("incoming", "resolved", "pending_end", "clearance_rate", "disposition_time_days",
        "median_days_to_decision", "p90_days_to_decision", "e_filing_share", "online_hearing_share",
        "median_days_to_register_e_filing", "service_requests", "service_failure_rate", "e_protocol_share",
        "median_days_protocol_to_decision", "publication_share", "median_days_to_publication", "service_center_share",
        "e_notary_requests_per_1000", "kk_language_share", "representation_rate", "appeal_rate"));
    BANDS.forEach(b -> keys.add(b[0]));
    Map<String, String> bandLabels = new LinkedHashMap<>();
    BANDS.forEach(b -> bandLabels.put(b[0], l.t("pending_for") + ": " + l.t(b[1])));
    List<JsonNode> regions = regionsOfLatestYear();
    JsonNode national = nationalOfLatestYear();
    List<Table.Body> bodies = new ArrayList<>();
    for (JsonNode mine : regions) {
      List<Row> rows = new ArrayList<>();
      for (String k : keys) {
        List<Double> values = regions.stream().map(r -> num(r, k)).filter(Objects::nonNull).sorted(Comparator.reverseOrder()).toList();
        Double x = num(mine, k);
        Integer rank = x == null ? null : values.indexOf(x) + 1;
        rows.add(Row.of(List.of(Cell.text(bandLabels.getOrDefault(k, l.t(k))), value(mine, k), value(national, k),
            Cell.number(rank == null ? PageLanguage.NONE : l.number((double) rank, 0) + " / " + l.number((double) values.size(), 0),
                rank == null ? "" : String.valueOf(rank)))));
      }
      bodies.add(new Table.Body(str(mine, "region_code"), !bodies.isEmpty(), rows));
    }
    String first = regions.isEmpty() ? "" : l.regionName(str(regions.get(0), "region_code"));
    List<Cell> head = List.of(Cell.heading(l.t("indicator"), true), Cell.heading(first, false), Cell.heading(l.t("country"), false),
        Cell.heading(l.t("rank_among_regions"), false));
    return new Table("drilldown-table", head, bodies, List.of());
  }

  /** The regions of the drill-down, by name: the options of its selector. */
  List<String[]> drilldownRegions() {
    return regionsOfLatestYear().stream().map(r -> new String[] {str(r, "region_code"), l.regionName(str(r, "region_code"))}).toList();
  }

  /** Courts of the latest year: the case flow and access figures. */
  Table courts() {
    List<String> keys = List.of("incoming", "resolved", "clearance_rate", "congestion_rate", "median_days_to_decision",
        "share_pending_over_12_months", "representation_rate", "appeal_rate");
    List<Row> body = rows("court_year").stream().map(r -> {
      List<Cell> cells = new ArrayList<>(List.of(court(str(r, "court_id"), r), Cell.text(l.regionName(str(r, "region_code")))));
      cells.addAll(values(r, keys));
      return Row.of(cells);
    }).toList();
    List<Cell> head = new ArrayList<>(List.of(Cell.heading(l.t("court"), true), Cell.heading(l.t("region"), true)));
    keys.forEach(k -> head.add(Cell.heading(l.t(k), false)));
    return Table.of("court-table", head, body);
  }

  /** The public part of the flags (no judge's, no actual or expected values): where, when, which signal, how strong. */
  java.util.Optional<Table> flags() {
    List<JsonNode> flags = rows("flags");
    if (flags.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<Row> body = flags.stream().map(f -> {
      String type = str(f, "entity_type");
      String id = str(f, "entity_id");
      String entity = ("region".equals(type) ? l.regionName(id) : "court".equals(type) ? l.courtName(id).map(n -> n + ", " + id).orElse(id) : id)
          + " (" + l.t("entity_" + type) + ")";
      return Row.of(List.of(number(num(f, "rank"), 0), Cell.text(entity), Cell.text(str(f, "period")),
          Cell.text(l.t("signal_name_" + str(f, "signal"))), number(num(f, "score"), 1),
          new Cell(List.of(Span.text(l.t("signal_" + str(f, "signal")))), "", "text", null, null), Cell.text(review(str(f, "review")))));
    }).toList();
    List<Cell> head = List.of(Cell.heading(l.t("rank"), false), Cell.heading(l.t("entity"), true), Cell.heading(l.t("period"), true),
        Cell.heading(l.t("signal"), true), Cell.heading(l.t("score"), false), Cell.heading(l.t("what_is_unusual"), true),
        Cell.heading(l.t("review"), true));
    return java.util.Optional.of(Table.of("flags-table", head, body));
  }

  private String review(String review) {
    if (review == null || review.isEmpty()) {
      return "";
    }
    if (review.equals("confirmed")) {
      return l.t("review_confirmed");
    }
    Matcher score = DISMISSED_SCORE.matcher(review);
    return l.fill("review_dismissed_worse", Map.of("score", score.find() ? l.number(Double.valueOf(score.group(1)), 1) : ""));
  }

  /** What the ingest read, wrote and set aside, per dataset. */
  Table ingest() {
    List<String> keys = List.of("rows_read", "rows_written", "rows_quarantined", "versions_superseded");
    JsonNode ingest = data.get("ingest");
    List<Row> body = new ArrayList<>();
    for (JsonNode d : PageLanguage.iterable(ingest == null ? null : ingest.get("datasets"))) {
      List<Cell> cells = new ArrayList<>();
      cells.add(new Cell(List.of(Span.code(str(d, "dataset"))), str(d, "dataset"), "text", null, null));
      keys.forEach(k -> cells.add(number(num(d, k), 0)));
      List<Span> reasons = new ArrayList<>();
      d.path("quarantined_by_reason").fields().forEachRemaining(e -> {
        if (!reasons.isEmpty()) {
          reasons.add(Span.text(", "));
        }
        reasons.add(Span.code(e.getKey()));
        reasons.add(Span.text(" " + l.number(e.getValue().asDouble(), 0)));
      });
      cells.add(new Cell(reasons, "", "text", null, null));
      List<Span> extra = new ArrayList<>();
      for (JsonNode c : PageLanguage.iterable(d.get("extra_columns"))) {
        if (!extra.isEmpty()) {
          extra.add(Span.text(", "));
        }
        extra.add(Span.code(c.asText()));
      }
      cells.add(new Cell(extra, "", "text", null, null));
      body.add(Row.of(cells));
    }
    List<Cell> head = new ArrayList<>(List.of(Cell.heading(l.t("dataset"), true)));
    keys.forEach(k -> head.add(Cell.heading(l.t(k), false)));
    head.add(Cell.heading(l.t("reasons"), true));
    head.add(Cell.heading(l.t("extra_columns"), true));
    return Table.of("ingest-table", head, body);
  }

  /** The Theil index of the latest year, split between the macro-regions and within them. */
  Table theil() {
    List<JsonNode> all = rows("inequality");
    TreeSet<String> periods = new TreeSet<>();
    all.forEach(r -> periods.add(str(r, "period")));
    String latest = periods.isEmpty() ? null : periods.last();
    List<Row> body = all.stream().filter(r -> Objects.equals(str(r, "period"), latest))
        .sorted(Comparator.comparing((JsonNode r) -> l.t(str(r, "indicator")), l.byName())).map(r -> {
      Double theil = num(r, "theil");
      Double between = num(r, "theil_between");
      Double share = theil != null && theil > 0 && between != null ? between / theil : null;
      return Row.of(List.of(Cell.text(l.t(str(r, "indicator"))), number(num(r, "gini"), 4), number(theil, 4), number(between, 4),
          number(num(r, "theil_within"), 4), percent(share)));
    }).toList();
    return Table.of("theil-table", head("indicator", true, List.of("gini", "theil_index", "theil_between", "theil_within",
        "theil_between_share")), body);
  }

  /** Remote against in-person hearings of the latest year, with the verdicts. */
  Table equivalence() {
    Function<Double, String> days = x -> l.number(x, 1);
    List<Row> body = rows("hearing_equivalence_year").stream().map(r -> Row.of(List.of(
        Cell.text(l.t("category_" + str(r, "case_category"))), value(r, "online_decisions"), value(r, "in_person_decisions"),
        interval(r, "days_difference", "days_difference_ci_low", "days_difference_ci_high", days), verdict(r, "days_verdict"),
        interval(r, "appeal_rate_difference", "appeal_rate_difference_ci_low", "appeal_rate_difference_ci_high", l::percent),
        verdict(r, "appeal_verdict")))).toList();
    List<Cell> head = List.of(Cell.heading(l.t("category"), true), Cell.heading(l.t("online_decisions"), false),
        Cell.heading(l.t("in_person_decisions"), false), Cell.heading(l.t("days_difference"), false),
        Cell.heading(l.t("days_verdict"), true), Cell.heading(l.t("appeal_rate_difference"), false),
        Cell.heading(l.t("appeal_verdict"), true));
    return Table.of("equivalence-table", head, body);
  }

  private Cell verdict(JsonNode r, String key) {
    String v = str(r, key);
    return Cell.text(v == null ? PageLanguage.NONE : l.t("verdict_" + v));
  }

  /** The courts' data-quality scores of the latest year, the best first. */
  Table courtQuality() {
    List<JsonNode> rows = new ArrayList<>(rows("data_quality_court"));
    rows.sort(Comparator.comparingDouble(r -> num(r, "rank") == null ? 1e9 : num(r, "rank")));
    List<String> rates = List.of("quarantine_rate", "completeness", "decided_without_hearing_format_rate",
        "pending_over_10_years_rate", "date_order_rate");
    List<Row> body = rows.stream().map(r -> {
      List<Cell> cells = new ArrayList<>(List.of(number(num(r, "rank"), 0), court(str(r, "court_id"), null),
          Cell.text(l.regionName(str(r, "region_code"))),
          num(r, "score") == null ? missing(r, "score") : number(num(r, "score"), 1)));
      rates.forEach(k -> cells.add(num(r, k) == null ? missing(r, k) : percent(num(r, k))));
      cells.add(yesNo(r, "volume_jump"));
      cells.add(yesNo(r, "last_month_decisions_missing"));
      return Row.of(cells);
    }).toList();
    List<Cell> head = new ArrayList<>(List.of(Cell.heading(l.t("rank"), false), Cell.heading(l.t("court"), true),
        Cell.heading(l.t("region"), true), Cell.heading(l.t("quality_score"), false)));
    rates.forEach(k -> head.add(Cell.heading(l.t(k), false)));
    head.add(Cell.heading(l.t("volume_jump"), true));
    head.add(Cell.heading(l.t("last_month_decisions_missing"), true));
    return Table.of("court-quality-table", head, body);
  }

  /** Each column's completeness per court, the weakest courts first, coloured so that a gap stands out. */
  Table columnQuality() {
    List<JsonNode> rows = rows("data_quality_column");
    List<String> columns = rows.stream().map(r -> str(r, "column")).distinct().toList();
    Map<String, Double> lowest = new LinkedHashMap<>();
    Map<String, JsonNode> cell = new LinkedHashMap<>();
    for (JsonNode r : rows) {
      cell.put(str(r, "court_id") + "\u0000" + str(r, "column"), r);
      Double c = num(r, "completeness");
      if (c != null) {
        lowest.merge(str(r, "court_id"), c, Math::min);
      }
    }
    List<String> courts = rows.stream().map(r -> str(r, "court_id")).distinct()
        .sorted(Comparator.comparingDouble((String c) -> lowest.getOrDefault(c, 2.0)).thenComparing(Comparator.naturalOrder()))
        .toList();
    List<Row> body = courts.stream().map(court -> {
      List<Cell> cells = new ArrayList<>(List.of(court(court, null)));
      for (String column : columns) {
        JsonNode r = cell.get(court + "\u0000" + column);
        Double c = num(r, "completeness");
        cells.add(c == null ? missing(r, "completeness")
            : percent(c).background(c >= 1 ? "#e3f1e3" : c >= 0.9 ? "#fff3cd" : "#f8d7da"));
      }
      return Row.of(cells);
    }).toList();
    List<Cell> head = new ArrayList<>(List.of(Cell.heading(l.t("court"), true)));
    columns.forEach(c -> head.add(Cell.heading(l.t("column_" + c), false)));
    return Table.of("column-quality-table", head, body);
  }
}
