package org.justicemonitor.indicators;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.catalog.Catalog;

/**
 * An attack on what a run published: can any suppressed count be worked out from the published
 * tables? It rebuilds the linked tables' cells and identities ({@link LinkedTables}) from the
 * Parquet tables as a reader gets them, bounds every suppressed cell ({@link LinkedCells#attack}),
 * and lists each one it pins down; it also checks that each table's CSV copy holds exactly what
 * the table holds. Findings name the table, the row and the column, never a value.
 */
public final class DisclosureAudit {

  /** One leak: where, and how it leaks. */
  public record Finding(String output, String cell, String how) {}

  /** What the audit looked at and what it found; clean when it found nothing. */
  public record Result(int k, int cells, int identities, List<Finding> findings) {
    public boolean clean() {
      return findings.isEmpty();
    }
  }

  /** The rules of every linked table whose values give their counts away. */
  private static final List<Disclosure.Rule> REVEALING = java.util.stream.Stream.of(RegionalIndicators.RULES,
          CaseFlowBreakdown.RULES, ServiceUse.USER_TYPE_RULES)
      .flatMap(List::stream).filter(r -> r.reveals() && !r.restsOn().equals(List.of(r.column()))).distinct().toList();

  private DisclosureAudit() {}

  /**
   * A published ratio next to a suppressed count it is made of gives the count away (resolved =
   * clearance rate × incoming); so does a share whose total the other rows give.
   */
  static List<Finding> ratios(String table, Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    List<Finding> findings = new ArrayList<>();
    for (Disclosure.Rule rule : REVEALING) {
      if (!columns.contains(rule.column()) || !columns.containsAll(rule.restsOn())) {
        continue;
      }
      org.apache.spark.sql.Column anyHidden = org.apache.spark.sql.functions.lit(false);
      org.apache.spark.sql.Column allHidden = org.apache.spark.sql.functions.lit(true);
      for (String base : rule.restsOn()) {
        anyHidden = anyHidden.or(org.apache.spark.sql.functions.col(base).isNull());
        allHidden = allHidden.and(org.apache.spark.sql.functions.col(base).isNull());
      }
      org.apache.spark.sql.Column gives = rule.restsOn().size() == 1 ? anyHidden : anyHidden.and(allHidden.unary_$bang());
      long n = rows.filter(org.apache.spark.sql.functions.col(rule.column()).isNotNull().and(gives)).count();
      if (n > 0) {
        findings.add(new Finding(table, n + " rows: " + rule.column(), "published beside a suppressed count it gives away"));
      }
    }
    return findings;
  }

  /** The k the tables under the catalog were published with, from {@code summary/indicators.json}. */
  public static int publishedK(Catalog catalog) {
    String summary = catalog.text(Catalog.INDICATORS_SUMMARY).orElseThrow(() -> new org.justicemonitor.JobFailure(
        "no " + Catalog.INDICATORS_SUMMARY + " to audit; run `justice-monitor indicators` with the same --output first"));
    try {
      return org.justicemonitor.io.Json.parseObject(summary).path("min_cases").asInt(10);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new org.justicemonitor.JobFailure(Catalog.INDICATORS_SUMMARY + " is not JSON; run indicators again", e);
    }
  }

  /** Attacks the indicator tables under the catalog's root with the threshold they were published with. */
  public static Result tables(Catalog catalog, int k) {
    LinkedTables linked = new LinkedTables(catalog::table, catalog.regions());
    LinkedCells cells = linked.cells();
    List<Finding> findings = new ArrayList<>();
    for (int i : cells.recovered(k)) {
      LinkedCells.Cell c = cells.cell(i);
      findings.add(new Finding(c.table(), "[" + c.key() + "] " + c.measure(), "recoverable from the published tables"));
    }
    for (LinkedTables.Shape shape : LinkedTables.SHAPES) {
      findings.addAll(ratios(shape.table(), catalog.table(shape.table())));
    }
    for (String table : Catalog.INDICATOR_TABLES) {
      Dataset<Row> parquet = catalog.table(table);
      Dataset<Row> csv = catalog.csvCopy(table);
      long differing = parquet.exceptAll(csv).count() + csv.exceptAll(parquet).count();
      if (differing > 0) {
        findings.add(new Finding(table + ".csv", "", differing + " rows differ from the Parquet table"));
      }
    }
    return new Result(k, cells.size(), cells.identities(), findings);
  }
}
