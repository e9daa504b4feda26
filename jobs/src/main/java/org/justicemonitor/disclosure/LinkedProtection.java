package org.justicemonitor.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.tables.TableDeclaration;

/**
 * Complementary suppression over every linked table at once, before any is written: the cells
 * and identities of the tables with their primary suppression ({@link LinkedTables}), the
 * complements chosen ({@link ComplementarySuppression}), and each table's share of them.
 */
public final class LinkedProtection {

  private final LinkedTables model;
  private final ComplementarySuppression.Result result;
  private final int k;
  private final int width;

  private LinkedProtection(LinkedTables model, ComplementarySuppression.Result result, int k, int width) {
    this.model = model;
    this.result = result;
    this.k = k;
    this.width = width;
  }

  /**
   * @param table a linked table with its primary suppression, by its path
   * @param width the protection width: every primary cell's LP interval is at least this wide
   * @throws IllegalStateException when a suppressed cell stays exposed: a bug, never a data error
   */
  public static LinkedProtection protect(Function<String, Dataset<Row>> table, Dataset<Row> regions, int k, int width) {
    LinkedTables model = new LinkedTables(table, regions);
    ComplementarySuppression.Result result = ComplementarySuppression.protect(model.cells(), k, width);
    if (!result.unprotected().isEmpty()) {
      throw new IllegalStateException(result.unprotected().size() + " suppressed cells stay exposed, e.g. "
          + result.unprotected().get(0) + "; this is a bug, please report it");
    }
    return new LinkedProtection(model, result, k, width);
  }

  /** The complements of one table: its row keys (grain values joined by {@code |}), each with the counts to suppress. */
  public Dataset<Row> complementsOf(SparkSession spark, TableDeclaration table) {
    Map<String, List<String>> byRow = new TreeMap<>();
    result.complements().stream().filter(c -> c.table().equals(table.path()))
        .forEach(c -> byRow.computeIfAbsent(c.key(), x -> new ArrayList<>()).add(c.measure()));
    List<Row> rows = new ArrayList<>();
    byRow.forEach((key, measures) -> rows.add(RowFactory.create(key,
        scala.jdk.javaapi.CollectionConverters.asScala(measures).toSeq())));
    return spark.createDataFrame(rows, Disclosure.COMPLEMENTS_SCHEMA);
  }

  /** What was done, for {@code summary/disclosure.json}. */
  public DisclosureSummary summary() {
    return DisclosureSummary.of(k, width, model.cells(), result);
  }
}
