package org.justicemonitor.disclosure;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.tables.CellStatus;
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

/**
 * Statistical disclosure control, the one step every published figure goes through, with the
 * rules its table declares ({@link TableDeclaration#restsOn}). Primary: a published value that
 * rests on 1 to k − 1 cases (or on a count of 0 beside such a count in its row) is set to null
 * and its cell status set to {@link CellStatus#PRIMARY}. Complementary: counts that {@link ComplementarySuppression} chose so that
 * no primary cell can be worked out from the others are set to null too, with every value that
 * would give one of them away ({@link #complement}), status {@link CellStatus#COMPLEMENT}. The
 * status is data, one {@code <column>_status} per ruled column; {@code suppressed} and {@code
 * suppression_reason} are written from it for people.
 */
public final class Disclosure {

  /** Complements of one table: the row key (grain values joined by {@code |}) and the counts to suppress. */
  static final StructType COMPLEMENTS_SCHEMA = new StructType()
      .add("_key", DataTypes.StringType)
      .add("_complements", DataTypes.createArrayType(DataTypes.StringType));

  /**
   * Before a suppressed count's column: its value, kept beside the table until complementary
   * suppression has used it (the LP audit needs a solution of the published identities, and the
   * true counts are one). Never written: {@link #complement} drops these columns, and writers
   * select the declared columns only.
   */
  public static final String TRUE_VALUE = "_true_";

  private final int k;

  public Disclosure(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("the disclosure threshold k must be at least 1, cannot be: " + k);
    }
    this.k = k;
  }

  public int k() {
    return k;
  }

  /**
   * Applies the declared rules: each ruled column gets its status ({@code A} published, {@code C}
   * resting on fewer than k cases, {@code M} no value to publish), values under the rule become
   * null; then {@code suppressed} and {@code suppression_reason}.
   */
  public Dataset<Row> apply(Dataset<Row> table, TableDeclaration declaration) {
    Map<String, Column> status = new LinkedHashMap<>();
    List<String> present = List.of(table.columns());
    // A count of 0 tells nothing of anyone and is published, except beside a count of 1 to
    // k − 1 in its row: there the 0s would tell where the few cases are not (with a yearly
    // total, that 7 of 12 months hold 9 cases pins each month to 1 to 3).
    Column rowHoldsSmall = lit(false);
    for (String count : declaration.counts()) {
      if (present.contains(count)) {
        rowHoldsSmall = rowHoldsSmall.or(coalesce(col(count).between(1, k - 1), lit(false)));
      }
    }
    for (Measure m : declaration.ruled()) {
      Column small = lit(false);
      for (String base : declaration.restsOn(m)) {
        small = small.or(coalesce(col(base).between(1, k - 1), lit(false)));
        if (declaration.counts().contains(base)) {
          // A count rests on itself. What rests on a 0 suppressed beside small counts would give
          // the 0 back: a disposition time of 0 days, a median with no value to publish.
          small = small.or(coalesce(col(base).equalTo(0), lit(false)).and(rowHoldsSmall));
        }
      }
      java.util.Optional<String> numerator = declaration.numeratorRule(m);
      if (numerator.isPresent()) {
        if (!present.contains(numerator.get())) {
          throw new IllegalStateException(declaration.name() + "." + m.column() + ": its numerator "
              + numerator.get() + " is not computed, so its rule cannot be applied");
        }
        // 1 … k − 1 cases with the attribute: the share times its denominator gives them away.
        small = small.or(col(numerator.get()).between(1, k - 1));
      }
      status.put(m.column(), when(small, lit(CellStatus.PRIMARY.code()))
          .when(col(m.column()).isNull(), lit(CellStatus.NOT_APPLICABLE.code()))
          .otherwise(lit(CellStatus.PUBLISHED.code())));
    }
    // One projection: every condition sees the counts before any of them is suppressed.
    List<Column> select = new ArrayList<>();
    for (String name : table.columns()) {
      Column s = status.get(name);
      select.add(s == null ? col(name) : when(s.equalTo(CellStatus.PUBLISHED.code()), col(name)).as(name));
    }
    status.forEach((name, s) -> select.add(s.as(name + CellStatus.SUFFIX)));
    for (String count : linkedCounts(declaration)) {
      if (present.contains(count)) {
        select.add(col(count).as(TRUE_VALUE + count));
      }
    }
    return described(table.select(select.toArray(Column[]::new)), declaration);
  }

  /**
   * Suppresses complementary counts: in each row of {@code complements}, the named counts and
   * every value that rests on one of them ({@link TableDeclaration#restsOn}).
   */
  public Dataset<Row> complement(Dataset<Row> table, TableDeclaration declaration, Dataset<Row> complements) {
    Column key = concat_ws("|", declaration.grain().stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
    Dataset<Row> joined = table.join(broadcast(complements), key.equalTo(complements.col("_key")), "left");
    Column chosen = coalesce(col("_complements"), array().cast(COMPLEMENTS_SCHEMA.apply("_complements").dataType()));
    Map<String, Column> taken = new LinkedHashMap<>();
    for (Measure m : declaration.ruled()) {
      // No value is published beside a suppressed count it rests on: a share beside it narrows
      // it to the denominators its decimals allow (0.344828 = 10/29).
      Column hit = array_contains(chosen, m.column());
      for (String base : m.givesCountsAway() ? declaration.restsOn(m) : List.<String>of()) {
        hit = hit.or(array_contains(chosen, base));
      }
      taken.put(m.column(), hit);
    }
    List<Column> select = new ArrayList<>();
    for (String name : table.columns()) {
      if (name.startsWith(TRUE_VALUE)) {
        continue;
      }
      String ruled = name.endsWith(CellStatus.SUFFIX) ? name.substring(0, name.length() - CellStatus.SUFFIX.length()) : null;
      if (taken.containsKey(name)) {
        select.add(when(taken.get(name).unary_$bang(), col(name)).as(name));
      } else if (ruled != null && taken.containsKey(ruled)) {
        select.add(when(taken.get(ruled).and(col(name).equalTo(CellStatus.PUBLISHED.code())),
            lit(CellStatus.COMPLEMENT.code())).otherwise(col(name)).as(name));
      } else {
        select.add(col(name));
      }
    }
    return described(joined.select(select.toArray(Column[]::new)), declaration);
  }

  /** The counts a reader can link across tables: the count columns and the counts a rate per population gives away. */
  private static List<String> linkedCounts(TableDeclaration declaration) {
    List<String> counts = new ArrayList<>(declaration.counts());
    declaration.measures().stream().filter(m -> m.kind() == Measure.Kind.PER_POPULATION || m.kind() == Measure.Kind.SHARE_OF_TOTAL)
        .map(Measure::numerator).filter(n -> !counts.contains(n)).forEach(counts::add);
    return counts;
  }

  /** {@code suppressed} and {@code suppression_reason}, written from the cell statuses. */
  private Dataset<Row> described(Dataset<Row> table, TableDeclaration declaration) {
    List<Column> primary = new ArrayList<>();
    List<Column> complement = new ArrayList<>();
    for (Measure m : declaration.ruled()) {
      Column status = col(m.statusColumn());
      primary.add(when(status.equalTo(CellStatus.PRIMARY.code()), lit(m.column())));
      complement.add(when(status.equalTo(CellStatus.COMPLEMENT.code()), lit(m.column())));
    }
    Column primaryList = concat_ws(", ", primary.toArray(Column[]::new));
    Column complementList = concat_ws(", ", complement.toArray(Column[]::new));
    Column reason = concat_ws("; ",
        when(primaryList.notEqual(""), concat(primaryList, lit(" rest on fewer than " + k + " cases"))),
        when(complementList.notEqual(""), concat(complementList, lit(" suppressed as complements, so that no value under "
            + k + " can be worked out from the others"))));
    return table
        .withColumn(TableDeclaration.SUPPRESSED, reason.notEqual(""))
        .withColumn(TableDeclaration.SUPPRESSION_REASON, when(reason.notEqual(""), reason));
  }
}
