package org.justicemonitor.indicators;

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

/**
 * Statistical disclosure control: a published value that rests on fewer than k cases is set to
 * null, the row marked {@code suppressed} and the reason named, without the number itself.
 */
public final class Disclosure {

  /**
   * A published column and the counts it rests on: it is suppressed when any of them is below k.
   * A count column names itself.
   */
  public record Rule(String column, List<String> restsOn) {
    public static Rule count(String column) {
      return new Rule(column, List.of(column));
    }

    public static Rule of(String column, String... restsOn) {
      return new Rule(column, List.of(restsOn));
    }
  }

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

  private static int indexOf(List<Rule> rules, String column) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).column().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
