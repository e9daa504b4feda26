package org.justicemonitor.disclosure;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.spark.Concurrently;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

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
  public record Result(int k, int width, int cells, int identities, int linearPrograms, List<Finding> findings) {
    public boolean clean() {
      return findings.isEmpty();
    }
  }

  private DisclosureAudit() {}

  /**
   * A value published beside a suppressed count it rests on gives the count away, or narrows it
   * (resolved = clearance rate × incoming; a share's decimals allow few denominators).
   */
  static List<Finding> ratios(TableDeclaration table, Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    List<Measure> applicable = table.ruled().stream().filter(Measure::givesCountsAway)
        .filter(m -> columns.contains(m.column()) && columns.containsAll(table.restsOn(m))).toList();
    if (applicable.isEmpty()) {
      return List.of();
    }
    // Every rule's count in one pass over the table.
    List<Column> counts = new ArrayList<>();
    for (Measure rule : applicable) {
      Column anyHidden = lit(false);
      for (String base : table.restsOn(rule)) {
        anyHidden = anyHidden.or(col(base).isNull());
      }
      counts.add(sum(when(col(rule.column()).isNotNull().and(anyHidden), 1L).otherwise(0L)));
    }
    Row n = rows.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < applicable.size(); i++) {
      long given = n.isNullAt(i) ? 0 : n.getLong(i);
      if (given > 0) {
        findings.add(new Finding(table.path(), given + " rows: " + applicable.get(i).column(),
            "published beside a suppressed count it gives away"));
      }
    }
    return findings;
  }

  /**
   * Rows in one table and not the other, counted with their multiplicity both ways (as two
   * {@code exceptAll}s would), in one aggregation: each row's copies in {@code a} less those in {@code b}.
   */
  static long differingRows(Dataset<Row> a, Dataset<Row> b) {
    Column[] all = java.util.Arrays.stream(a.columns()).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> tagged = a.withColumn("_side", lit(1L)).unionByName(b.withColumn("_side", lit(-1L)));
    Row r = tagged.groupBy(all).agg(sum("_side").as("_d")).agg(sum(abs(col("_d")))).first();
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }

  /** The k the tables under the catalog were published with, from {@code summary/indicators.json}. */
  public static int publishedK(Catalog catalog) {
    return published(catalog, "min_cases", 10);
  }

  /** The protection width they were published with; k − 1 (at most 5) for outputs from before it was recorded. */
  public static int publishedWidth(Catalog catalog) {
    int k = publishedK(catalog);
    return published(catalog, "protection_width", Math.max(1, Math.min(5, k - 1)));
  }

  private static int published(Catalog catalog, String setting, int absent) {
    String summary = catalog.text(Catalog.INDICATORS_SUMMARY).orElseThrow(() -> new org.justicemonitor.JobFailure(
        "no " + Catalog.INDICATORS_SUMMARY + " to audit; run `justice-monitor indicators` with the same --output first"));
    try {
      return org.justicemonitor.io.Json.parseObject(summary).path(setting).asInt(absent);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new org.justicemonitor.JobFailure(Catalog.INDICATORS_SUMMARY + " is not JSON; run indicators again", e);
    }
  }

  /**
   * Attacks the indicator tables under the catalog's root with the threshold and protection width
   * they were published with: interval propagation first (fast: a pinned cell), then τ-ARGUS's LP
   * interval of every primary cell.
   */
  public static Result tables(Catalog catalog, int k, int width) {
    LinkedTables linked = new LinkedTables(catalog::table, catalog.regions());
    LinkedCells cells = linked.cells();
    List<Finding> findings = new ArrayList<>();
    for (int i : cells.recovered(k)) {
      LinkedCells.Cell c = cells.cell(i);
      findings.add(new Finding(c.table(), "[" + c.key() + "] " + c.measure(), "recoverable from the published tables"));
    }
    LinearAudit.Result lp = LinearAudit.audit(cells, k, width);
    java.util.Set<Integer> pinned = new java.util.HashSet<>(cells.recovered(k));
    for (int i : lp.unprotected()) {
      if (!pinned.contains(i)) {
        LinkedCells.Cell c = cells.cell(i);
        findings.add(new Finding(c.table(), "[" + c.key() + "] " + c.measure(),
            "a reader can narrow it by linear programming to fewer than " + width + " possible counts (the protection width)"));
      }
    }
    // Small queries, one per table: from a few driver threads, results in the tables' order.
    int threads = Concurrently.threads(catalog.regions().sparkSession());
    Concurrently.map(IndicatorTables.LINKED, threads, table -> ratios(table, catalog.table(table.path())))
        .forEach(findings::addAll);
    List<Long> differing = Concurrently.map(IndicatorTables.ALL, threads,
        table -> differingRows(catalog.table(table.path()), catalog.csvCopy(table.path())));
    for (int i = 0; i < differing.size(); i++) {
      if (differing.get(i) > 0) {
        findings.add(new Finding(IndicatorTables.ALL.get(i).path() + ".csv", "", differing.get(i) + " rows differ from the Parquet table"));
      }
    }
    return new Result(k, width, cells.size(), cells.identities(), lp.linearPrograms(), findings);
  }
}
