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
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Statistical disclosure control, the one step every published figure goes through. Primary: a
 * published value that rests on fewer than k cases is set to null, the row marked
 * {@code suppressed} and the reason named, without the number itself. Complementary: counts that
 * {@link ComplementarySuppression} chose so that no primary cell can be worked out from the
 * others are set to null too, with every value resting on them ({@link #complement}).
 */
public final class Disclosure {

  /**
   * A published column and the counts it rests on: it is suppressed when any of them is below k.
   * A count column names itself.
   *
   * @param reveals whether the value, with the row's other published values, gives its counts
   *     away (a clearance rate with incoming gives resolved; a share of a total others give; a rate
   *     per 1,000 of a public population): then it goes with any of them suppressed as a
   *     complement. A median resting on the resolved cases does not.
   */
  public record Rule(String column, List<String> restsOn, boolean reveals) {
    public static Rule count(String column) {
      return new Rule(column, List.of(column), true);
    }

    public static Rule of(String column, String... restsOn) {
      return new Rule(column, List.of(restsOn), false);
    }

    /** A ratio of counts, at least one of them published in the row or given away by others. */
    public static Rule ratio(String column, String... counts) {
      return new Rule(column, List.of(counts), true);
    }
  }

  /** Complements of one table: the row key (key values joined by {@code |}) and the counts to suppress. */
  public static final StructType COMPLEMENTS_SCHEMA = new StructType()
      .add("_key", DataTypes.StringType)
      .add("_complements", DataTypes.createArrayType(DataTypes.StringType));

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

  /** Applies the rules; adds {@code suppressed} and {@code suppression_reason}. */
  public Dataset<Row> apply(Dataset<Row> table, List<Rule> rules) {
    List<Column> reasons = new ArrayList<>();
    List<Column> conditions = new ArrayList<>();
    for (Rule rule : rules) {
      Column small = lit(false);
      for (String base : rule.restsOn()) {
        small = small.or(coalesce(col(base), lit(0)).lt(k));
      }
      conditions.add(small);
      reasons.add(when(small, lit(rule.column())));
    }
    Column listed = concat_ws(", ", reasons.toArray(Column[]::new));
    Column reason = when(listed.notEqual(""), concat(listed, lit(" rest on fewer than " + k + " cases")));
    // One projection: every condition sees the counts before any of them is suppressed.
    List<Column> select = new ArrayList<>();
    for (String name : table.columns()) {
      int i = indexOf(rules, name);
      select.add(i < 0 ? col(name) : when(conditions.get(i).unary_$bang(), col(name)).as(name));
    }
    select.add(reason.isNotNull().as("suppressed"));
    select.add(reason.as("suppression_reason"));
    return table.select(select.toArray(Column[]::new));
  }

  /**
   * Suppresses complementary counts: in each row of {@code complements}, the named counts and
   * every column that would give one of them away ({@link Rule#reveals}); the reason says which,
   * after any primary reason.
   *
   * @param keys the columns whose values, joined by {@code |}, make a row's key
   */
  public Dataset<Row> complement(Dataset<Row> table, List<Rule> rules, List<String> keys, Dataset<Row> complements) {
    Column key = concat_ws("|", keys.stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
    Dataset<Row> joined = table.join(broadcast(complements), key.equalTo(complements.col("_key")), "left");
    Column chosen = coalesce(col("_complements"), array().cast(COMPLEMENTS_SCHEMA.apply("_complements").dataType()));
    // Each ruled column: whether this row's complements take it along.
    java.util.Map<String, Column> taken = new java.util.LinkedHashMap<>();
    for (String name : table.columns()) {
      int i = indexOf(rules, name);
      if (i >= 0) {
        taken.put(name, revealed(rules.get(i), chosen));
      }
    }
    List<Column> listed = new ArrayList<>();
    taken.forEach((name, hit) -> listed.add(when(hit.and(col(name).isNotNull()), lit(name))));
    Column names = concat_ws(", ", listed.toArray(Column[]::new));
    Column note = when(names.notEqual(""), concat(names, lit(" suppressed as complements, so that no value under " + k
        + " can be worked out from the others")));
    Column reason = concat_ws("; ", col("suppression_reason"), note);
    List<Column> select = new ArrayList<>();
    for (String name : table.columns()) {
      if (name.equals("suppressed")) {
        select.add(col(name).or(note.isNotNull()).as(name));
      } else if (name.equals("suppression_reason")) {
        select.add(when(reason.notEqual(""), reason).as(name));
      } else if (taken.containsKey(name)) {
        select.add(when(taken.get(name).unary_$bang(), col(name)).as(name));
      } else {
        select.add(col(name));
      }
    }
    return joined.select(select.toArray(Column[]::new));
  }

  /** Whether a column must go with the complements chosen for its row: it is one, or gives one away. */
  private static Column revealed(Rule rule, Column chosen) {
    Column hit = array_contains(chosen, rule.column());
    if (rule.reveals()) {
      for (String base : rule.restsOn()) {
        hit = hit.or(array_contains(chosen, base));
      }
    }
    return hit;
  }

  private static int indexOf(List<Rule> rules, String column) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).column().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
