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

  private DisclosureAudit() {}

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
