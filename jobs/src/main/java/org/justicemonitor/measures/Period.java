package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;

/** The periods indicators are published for: calendar years ({@code 2025}) and months ({@code 2025-03}). */
public enum Period {
  YEAR("yyyy"),
  MONTH("yyyy-MM");

  private final String pattern;

  Period(String pattern) {
    this.pattern = pattern;
  }

  /** The period label of a date, e.g. {@code 2025} or {@code 2025-03}; labels sort in time order. */
  /** The extract's last complete month: its own month when the extract date is the month's last day. */
  public static YearMonth lastCompleteMonth(LocalDate asOf) {
    YearMonth month = YearMonth.from(asOf);
    return asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
  }

  /** Whole months from {@code start} to the month of {@code date} (0 in {@code start}'s month). */
  public static Column monthsSince(Column date, YearMonth start) {
    return year(date).multiply(12).plus(month(date)).minus(start.getYear() * 12 + start.getMonthValue());
  }

  /** A month label's ({@code yyyy-MM}) number on one scale, so that consecutive months differ by 1. */
  public static Column monthNumber(Column monthLabel) {
    return substring(monthLabel, 1, 4).cast("int").multiply(12).plus(substring(monthLabel, 6, 2).cast("int"));
  }

  public Column of(Column date) {
    return date_format(date, pattern);
  }

  /** The label of a month label's period: {@code 2025-03} itself, or its year {@code 2025}. */
  public Column ofMonthLabel(Column monthLabel) {
    return this == YEAR ? monthLabel.substr(1, 4) : monthLabel;
  }

  /** The first day of the period with this label. */
  public Column start(Column label) {
    return to_date(this == YEAR ? concat(label, lit("-01-01")) : concat(label, lit("-01")));
  }

  /**
   * Days in the period for CEPEJ's Disposition Time: 365 for a year, as the contract fixes it,
   * and the month's own length for a month.
   */
  public Column days(Column label) {
    return this == YEAR ? lit(365) : dayofmonth(last_day(start(label)));
  }

  /** Every period label from the one holding {@code from} to the one holding {@code to}, in order. */
  public List<String> labels(LocalDate from, LocalDate to) {
    List<String> labels = new ArrayList<>();
    if (this == YEAR) {
      for (int y = from.getYear(); y <= to.getYear(); y++) {
        labels.add(Integer.toString(y));
      }
    } else {
      for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
        labels.add(m.toString());
      }
    }
    return labels;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
