package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The reporting periods tables cover: whole calendar years from {@code firstYear} to the extract
 * date. Older cases still count in the pending stocks and ages (running totals start with the
 * oldest filing); the stock pending at the window's start is published as the first period's
 * {@code pending_start}.
 *
 * <p>The default, when {@code --from} is not given: the longest run of years up to the extract
 * date in each of which at least k cases were filed, and at most the last {@value #DEFAULT_YEARS}
 * years. A real extract with decades of history has sparse early years (a case from 1990, none
 * the next year): their counts are all under k, and protecting them would cascade through the
 * stock-flow identity into every later year. Ten years is the span of a trend in the EU Justice
 * Scoreboard and two CEPEJ cycles of five.
 */
public record PublicationWindow(int firstYear) {

  public static final int DEFAULT_YEARS = 10;

  /** The first period of the window, as its label ({@code 2018} or {@code 2018-01}). */
  public String firstLabel(Period period) {
    return period == Period.YEAR ? Integer.toString(firstYear) : firstYear + "-01";
  }

  /** Whether a row's {@code period} lies in the window. */
  public Column covers(Period period) {
    return col("period").geq(lit(firstLabel(period)));
  }

  /** Whether a month label ({@code yyyy-MM}) lies in the window. */
  public Column coversMonth(Column monthLabel) {
    return monthLabel.geq(lit(firstLabel(Period.MONTH)));
  }

  /**
   * The default window for an extract: from the filings per year counted in {@link CaseCells}
   * (one small aggregation: a row per year).
   */
  public static PublicationWindow byDefault(Dataset<Row> cells, LocalDate asOf, int k) {
    Map<Integer, Long> filed = new TreeMap<>();
    for (Row r : cells.filter(col("measure").equalTo(CaseCells.INCOMING))
        .groupBy(col("month").substr(1, 4).cast("int").as("year")).agg(sum("n")).collectAsList()) {
      if (!r.isNullAt(0)) {
        filed.put(r.getInt(0), r.getLong(1));
      }
    }
    return new PublicationWindow(defaultFirstYear(filed, asOf.getYear(), k));
  }

  /**
   * The first year of the longest run of years ending with {@code lastYear} in each of which at
   * least k cases were filed, no earlier than {@value #DEFAULT_YEARS} years back; the last year
   * itself when even it has fewer.
   */
  public static int defaultFirstYear(Map<Integer, Long> filedPerYear, int lastYear, int k) {
    int first = lastYear;
    while (first > lastYear - DEFAULT_YEARS + 1 && filedPerYear.getOrDefault(first - 1, 0L) >= k) {
      first--;
    }
    return first;
  }
}
