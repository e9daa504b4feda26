package org.justicemonitor.measures;

import java.util.List;

/**
 * The age profile of pending cases: CNJ's backlog age, the share of the cases pending at the end
 * of a period that were filed more than 6, 12 and 24 months before that end; and the National
 * Judicial Data Grid's (India) age bands, the shares pending 0–1, 1–3, 3–5, 5–10 and over 10 years.
 *
 * <p>A case is "older than m months" at the end E of a period when {@code add_months(filed_at, m)
 * < E} and it is still pending then. So it counts from the period holding the day after its
 * m-month anniversary up to the period before the one it is decided in: one +1 and one −1 per
 * case, summed as running totals over the period grid, like {@code pending_end} itself. The moves
 * are counted per month ({@link CaseCells}): a year's running total at its end is its December's,
 * so the years take the months' moves.
 */
public final class PendingAge {

  /** The thresholds of the CNJ shares, in months. */
  public static final List<Integer> MONTHS = List.of(6, 12, 24);

  /**
   * An NJDG age band: pending for at least {@code fromMonths} and less than {@code toMonths}
   * (null: no upper end). Its share is (older than from − older than to) / pending at the end.
   */
  public record Band(String column, int fromMonths, Integer toMonths) {
    /** The count of pending cases in the band: the share's numerator. */
    public String count() {
      return column.replace("share_", "");
    }
  }

  public static final List<Band> BANDS = List.of(
      new Band("share_pending_0_1_years", 0, 12),
      new Band("share_pending_1_3_years", 12, 36),
      new Band("share_pending_3_5_years", 36, 60),
      new Band("share_pending_5_10_years", 60, 120),
      new Band("share_pending_over_10_years", 120, null));

  /** Every age a pending case is counted past, in months: the CNJ thresholds and the bands' ends. */
  static final List<Integer> THRESHOLDS = java.util.stream.Stream.concat(MONTHS.stream(),
          BANDS.stream().flatMap(b -> java.util.stream.Stream.of(b.fromMonths(), b.toMonths())))
      .filter(m -> m != null && m > 0).distinct().sorted().toList();

  private PendingAge() {}

  public static String share(int months) {
    return "share_pending_over_" + months + "_months";
  }

  /** The count of pending cases older than {@code months}: the share's numerator. */
  public static String count(int months) {
    return "pending_older_than_" + months + "_months";
  }

}
