package org.justicemonitor.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The settings of the indicators stage.
 *
 * @param asOf the extract date: the last period reported is the one that holds it
 * @param minCases k of the disclosure control: values resting on fewer cases are suppressed
 */
public record IndicatorOptions(LocalDate asOf, int minCases) {
  public IndicatorOptions {
    Objects.requireNonNull(asOf, "asOf");
    if (minCases < 1) {
      throw new IllegalArgumentException("--min-cases must be at least 1, cannot be: " + minCases);
    }
  }
}
