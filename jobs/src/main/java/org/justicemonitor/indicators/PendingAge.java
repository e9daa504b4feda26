package org.justicemonitor.indicators;

import java.util.List;

/**
 * The age profile of pending cases (CNJ's backlog age): the share of the cases pending at the end
 * of a period that were filed more than 6, 12 and 24 months before that end.
 *
 * <p>A case is "older than m months" at the end E of a period when {@code add_months(filed_at, m)
 * < E} and it is still pending then. So it counts from the period holding the day after its
 * m-month anniversary up to the period before the one it is decided in: one +1 and one −1 per
 * case, summed as running totals over the period grid, like {@code pending_end} itself. The moves
 * are counted per month ({@link CaseCells}): a year's running total at its end is its December's,
 * so the years take the months' moves.
 */
public final class PendingAge {

  /** The age thresholds, in months. */
  public static final List<Integer> MONTHS = List.of(6, 12, 24);

  private PendingAge() {}

  public static String share(int months) {
    return "share_pending_over_" + months + "_months";
  }

  /** The disclosure rules of the shares: each rests on the pending cases it divides. */
  static List<Disclosure.Rule> rules() {
    return MONTHS.stream().map(m -> Disclosure.Rule.of(share(m), "pending_end")).toList();
  }
}
