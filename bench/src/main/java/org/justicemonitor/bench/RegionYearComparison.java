package org.justicemonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.justicemonitor.io.CsvLine;

/**
 * Checks that two engines' {@code region_year} tables agree on the contract's columns, cell by
 * cell: counts exactly, ratios and days within 1e-6 (both round to six decimals). The Spark table
 * has more columns after the contract's, and its suppression reason may also name those; only the
 * contract's columns are compared, so its reason is cut down to them.
 */
public final class RegionYearComparison {

  static final List<String> CONTRACT_COLUMNS = List.of("region_code", "period", "incoming", "resolved", "pending_end",
      "clearance_rate", "disposition_time_days", "median_days_to_decision", "p90_days_to_decision", "e_filing_share",
      "online_hearing_share", "median_days_to_register_e_filing", "service_requests", "service_failure_rate", "suppressed",
      "suppression_reason");
  private static final double TOLERANCE = 1e-6;

  private RegionYearComparison() {}

  /** @return the differences, empty when the tables agree; at most the first 20 */
  public static List<String> differences(Path sparkCsv, Path duckDbCsv) throws IOException {
    Map<String, Map<String, String>> spark = rows(sparkCsv);
    Map<String, Map<String, String>> duck = rows(duckDbCsv);
    List<String> differences = new ArrayList<>();
    if (!spark.keySet().equals(duck.keySet())) {
      differences.add("different rows: Spark " + spark.size() + " (" + firstKeys(spark) + "), DuckDB " + duck.size() + " ("
          + firstKeys(duck) + ")");
      return differences;
    }
    for (String key : spark.keySet()) {
      Map<String, String> s = contractView(spark.get(key));
      Map<String, String> d = duck.get(key);
      for (String column : CONTRACT_COLUMNS) {
        if (!same(s.get(column), d.get(column)) && differences.size() < 20) {
          differences.add(key + " " + column + ": Spark " + s.get(column) + ", DuckDB " + d.get(column));
        }
      }
    }
    return differences;
  }

  /** The row as the contract alone defines it: suppression only for the contract's columns. */
  static Map<String, String> contractView(Map<String, String> row) {
    Map<String, String> view = new TreeMap<>(row);
    String reason = row.get("suppression_reason");
    if (reason != null && !reason.isEmpty()) {
      String[] parts = reason.split(" rest on fewer than ", 2);
      String kept = Arrays.stream(parts[0].split(", ")).filter(CONTRACT_COLUMNS::contains).collect(Collectors.joining(", "));
      view.put("suppression_reason", kept.isEmpty() ? "" : kept + " rest on fewer than " + parts[1]);
      view.put("suppressed", Boolean.toString(!kept.isEmpty()));
    }
    return view;
  }

  static boolean same(String a, String b) {
    String x = a == null ? "" : a;
    String y = b == null ? "" : b;
    if (x.equals(y)) {
      return true;
    }
    try {
      return Math.abs(Double.parseDouble(x) - Double.parseDouble(y)) <= TOLERANCE * Math.max(1, Math.abs(Double.parseDouble(x)));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map<String, Map<String, String>> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = CsvLine.split(lines.get(0));
    Map<String, Map<String, String>> rows = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> values = CsvLine.split(line);
      Map<String, String> row = new TreeMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < values.size() ? values.get(i) : "");
      }
      rows.put(row.get("region_code") + "/" + row.get("period"), row);
    }
    return rows;
  }

  private static String firstKeys(Map<String, Map<String, String>> rows) {
    return rows.keySet().stream().limit(3).collect(Collectors.joining(", ")) + (rows.size() > 3 ? ", ..." : "");
  }
}
