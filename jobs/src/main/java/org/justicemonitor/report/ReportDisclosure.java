package org.justicemonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.disclosure.DisclosureAudit.Finding;
import org.justicemonitor.tables.IndicatorTables;

/**
 * The report's part of the disclosure audit: every figure the page embeds from a published table
 * must be that table's value, suppressed where the table suppresses it, and the page must embed
 * nothing of the flags beyond their ranks, signals and scores.
 */
public final class ReportDisclosure {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATA_START = "const DATA = ";

  /** What the page embeds from which table, and the fields that find the table's row. */
  private record Embedded(String field, String table, List<String> keys) {}

  private static final List<Embedded> EMBEDDED = List.of(
      new Embedded("region_year", IndicatorTables.REGION_YEAR.path(), List.of("region_code", "period")),
      new Embedded("national_year", IndicatorTables.NATIONAL_YEAR.path(), List.of("region_code", "period")),
      new Embedded("failure_by_region_month", IndicatorTables.REGION_MONTH.path(), List.of("region_code", "period")),
      new Embedded("digital_justice_index", IndicatorTables.DIGITAL_JUSTICE_INDEX.path(), List.of("region_code", "period")),
      new Embedded("inequality", IndicatorTables.INEQUALITY.path(), List.of("indicator", "period")),
      new Embedded("security_year", IndicatorTables.SECURITY_YEAR.path(), List.of("system", "period")),
      new Embedded("availability", IndicatorTables.SERVICE_AVAILABILITY_MONTH.path(), List.of("service", "region_code", "period")),
      new Embedded("court_year", IndicatorTables.COURT_YEAR.path(), List.of("court_id", "period")),
      new Embedded("court_month", IndicatorTables.COURT_MONTH.path(), List.of("court_id", "period")),
      new Embedded("hearing_equivalence_year", IndicatorTables.HEARING_EQUIVALENCE_YEAR.path(), List.of("case_category", "period")),
      new Embedded("data_quality_court", IndicatorTables.DATA_QUALITY_COURT.path(), List.of("source", "court_id", "period")),
      new Embedded("data_quality_column", IndicatorTables.DATA_QUALITY_COLUMN.path(), List.of("source", "court_id", "period", "column")),
      new Embedded("service_users_year", IndicatorTables.SERVICE_USERS_YEAR.path(), List.of("service", "user_type", "period")),
      new Embedded("days_histogram", IndicatorTables.DECISION_DAYS_HISTOGRAM.path(), List.of("case_category", "bin", "period")),
      new Embedded("digital_impact", IndicatorTables.DIGITAL_IMPACT.path(), List.of("program", "outcome")),
      new Embedded("channel_comparison", IndicatorTables.CHANNEL_COMPARISON.path(), List.of("region_code", "period")),
      new Embedded("digital_impact_event_time", IndicatorTables.DIGITAL_IMPACT_EVENT_TIME.path(),
          List.of("program", "outcome", "months_since_adoption")));

  private ReportDisclosure() {}

  /** Every page of the report: the one in the language asked for and one per language. */
  public static List<Finding> check(Catalog catalog) {
    List<String> pages = new ArrayList<>(List.of(Catalog.REPORT_PAGE));
    ReportPage.LANGUAGES.forEach(lang -> pages.add(Catalog.reportPage(lang)));
    Map<String, Map<String, Row>> tables = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (String name : pages) {
      catalog.text(name).ifPresent(page -> findings.addAll(check(catalog, name, page, tables)));
    }
    return findings;
  }

  private static List<Finding> check(Catalog catalog, String name, String page, Map<String, Map<String, Row>> tables) {
    List<Finding> findings = new ArrayList<>();
    JsonNode data = embeddedData(name, page);
    for (Embedded e : EMBEDDED) {
      // Small published tables (at most regions × months rows), read once for every page.
      Map<String, Row> rows = tables.computeIfAbsent(e.field(), f -> {
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : catalog.table(e.table()).collectAsList()) {
          byKey.put(key(r, e.keys()), r);
        }
        return byKey;
      });
      int n = 0;
      for (JsonNode embedded : data.path(e.field())) {
        n++;
        String key = key(embedded, e.keys());
        Row row = rows.get(key);
        if (row == null) {
          findings.add(new Finding(name, e.field() + " row " + n, "not a row of " + e.table()));
          continue;
        }
        embedded.fieldNames().forEachRemaining(f -> {
          if (List.of(row.schema().fieldNames()).contains(f) && !same(embedded.get(f), row.getAs(f))) {
            findings.add(new Finding(name, e.field() + " [" + key + "] " + f, "differs from " + e.table()));
          }
        });
      }
    }
    for (JsonNode flag : data.path("flags")) {
      for (String quoted : List.of("actual", "expected", "explanation", "top_features")) {
        if (flag.has(quoted)) {
          findings.add(new Finding(name, "flags " + quoted, "a flag's exact figures on a public page"));
          return findings;
        }
      }
    }
    return findings;
  }

  private static JsonNode embeddedData(String name, String page) {
    int start = page.indexOf(DATA_START);
    if (start < 0) {
      throw new IllegalStateException(name + " holds no data block; was it written by this version?");
    }
    try {
      // The block is the first JSON value after the marker; the script goes on after it.
      try (var parser = JSON.getFactory().createParser(page.substring(start + DATA_START.length()))) {
        return JSON.readTree(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data block of " + name, e);
    }
  }

  /** The histogram's year is the table's period. */
  private static String key(JsonNode node, List<String> keys) {
    StringBuilder b = new StringBuilder();
    for (String k : keys) {
      JsonNode v = k.equals("period") && !node.has("period") ? node.get("year") : node.get(k);
      b.append(v == null || v.isNull() ? "null" : v.asText()).append('|');
    }
    return b.toString();
  }

  private static String key(Row r, List<String> keys) {
    StringBuilder b = new StringBuilder();
    for (String k : keys) {
      Object v = r.getAs(k);
      b.append(v == null ? "null" : v.toString()).append('|');
    }
    return b.toString();
  }

  private static boolean same(JsonNode embedded, Object value) {
    if (embedded == null || embedded.isNull()) {
      return value == null;
    }
    if (value == null) {
      return false;
    }
    if (value instanceof Number n) {
      return embedded.isNumber() && Math.abs(embedded.asDouble() - n.doubleValue()) <= 1e-9 * Math.max(1, Math.abs(n.doubleValue()));
    }
    return embedded.asText().equals(value.toString());
  }
}
