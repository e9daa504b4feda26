package org.justicemonitor.tables;

import java.util.List;

/**
 * The indicator tables as Markdown, from their declarations: {@code docs/indicator-tables.md}.
 * A test holds the committed file to what this writes, so the docs cannot drift from the tables.
 */
public final class TableDocs {

  private TableDocs() {}

  public static String markdown(List<TableDeclaration> tables) {
    StringBuilder b = new StringBuilder();
    b.append("# Indicator tables\n\n")
        .append("Written from the table declarations (`org.justicemonitor.tables.IndicatorTables`); do not edit by hand.\n")
        .append("Regenerate with `JUSTICE_MONITOR_WRITE_DOCS=true mvn -B test -Dtest=TableDocsTest`.\n\n")
        .append("Each table is under `indicators/<name>` as Parquet with a sorted `.csv` copy. Its *grain* is the\n")
        .append("columns that identify a row. A measure's *kind* says what disclosure control sees: a `count` is a\n")
        .append("cell; a `ratio` is numerator / denominator (named counts, published in the table or not), and\n")
        .append("where its numerator counts people's cases and is not published, a numerator of 1 to k − 1 cases\n")
        .append("suppresses it (*numerator rule*); a `per_population` rate and a `share_of_total` give their\n")
        .append("numerator away; a `statistic` rests on the counts named; a `value` is not under the k rule. A\n")
        .append("value is suppressed when a count it rests on holds 1 to k − 1 cases; a ratio, a rate or a share also\n")
        .append("when such a count is a complement (a median or a percentile does not give its count away). A count\n")
        .append("of 0 is published, unless its row holds a count of 1 to k − 1. Every ruled column has a `<column>_status`\n")
        .append("cell status: `A` published, `C` primary (rests on 1 to k − 1 cases), `D` complement\n")
        .append("(suppressed so that no primary cell can be worked out), `M` not applicable (no value can exist).\n\n");
    for (TableDeclaration t : tables) {
      b.append("## `").append(t.name()).append("`\n\n").append(t.description()).append(".\n\n")
          .append("Grain: ").append(code(t.grain())).append("; sorted by ").append(code(t.sortBy()))
          .append("; access: ").append(t.access()).append(".\n\n")
          .append("| column | kind | rests on | description |\n|---|---|---|---|\n");
      for (String column : t.columns()) {
        if (column.endsWith(CellStatus.SUFFIX) && t.measure(column).isEmpty()) {
          continue;
        }
        String kind = t.keys().stream().anyMatch(k -> k.column().equals(column)) ? "key"
            : t.measure(column).map(m -> m.kind().name().toLowerCase(java.util.Locale.ROOT)).orElse("");
        String restsOn = t.measure(column).filter(Measure::ruled).map(m -> formula(t, m)).orElse("");
        b.append("| `").append(column).append("` | ").append(kind).append(" | ").append(restsOn).append(" | ")
            .append(t.describe(column).orElse("")).append(" |\n");
      }
      if (t.protectedByRule()) {
        b.append("\nAnd one `<column>_status` per ruled column, in the same order.\n");
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String formula(TableDeclaration t, Measure m) {
    String on = code(t.restsOn(m));
    return switch (m.kind()) {
      case RATIO -> "`" + m.numerator() + "` / " + String.join(" + ", m.denominator().stream()
          .map(d -> "`" + d + "`").toList()) + "; k on " + on
          + t.numeratorRule(m).map(n -> "; numerator rule on `" + n + "`").orElse("");
      case PER_POPULATION -> "`" + m.numerator() + "` × 1,000 / population; k on " + on;
      case SHARE_OF_TOTAL -> "`" + m.numerator() + "` / its group's total; k on " + on;
      default -> on;
    };
  }

  private static String code(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }
}
