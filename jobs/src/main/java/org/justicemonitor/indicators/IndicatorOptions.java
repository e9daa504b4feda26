package org.justicemonitor.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.quality.DataQuality;

/**
 * The settings of the indicators stage.
 *
 * @param asOf the extract date: the last period reported is the one that holds it
 * @param minCases k of the disclosure control: values resting on fewer cases are suppressed
 * @param outage when an hour of a service counts, and when it is down ({@link ServiceHours})
 * @param latencyTargetMs the latency a service request should be answered within, for availability
 * @param notificationDeadlineHours a {@code data_leak}'s subjects count as notified in time within
 *     this many hours of detection
 * @param daysMargin remote and in-person hearings count as equivalent when the difference of
 *     their median days to decision is surely within ± this many days
 * @param appealRateMargin the same for their appeal rates (a difference of shares)
 * @param qualityThreshold a published value resting on a court whose data-quality score of the
 *     year is below this is flagged ({@link DataQuality})
 * @param indexWeights the Digital Justice Index weights of its components, in the order of {@link
 *     DigitalJusticeIndex#COMPONENTS}
 * @param protectionWidth every primary cell's interval, as a reader can narrow it by linear
 *     programming over all published figures, leaves at least this many possible counts ([0, 4]
 *     leaves five)
 * @param fromYear the first year of the publication window; null for the default ({@link PublicationWindow})
 */
public record IndicatorOptions(
    LocalDate asOf,
    int minCases,
    ServiceHours.Rule outage,
    long latencyTargetMs,
    int notificationDeadlineHours,
    double daysMargin,
    double appealRateMargin,
    double qualityThreshold,
    List<Double> indexWeights,
    int protectionWidth,
    Integer fromYear) {

  public static final double OUTAGE_FAILURE_RATE = 0.5;
  public static final int OUTAGE_MIN_REQUESTS = 10;
  public static final long LATENCY_TARGET_MS = 2_000;
  public static final int NOTIFICATION_DEADLINE_HOURS = 72;
  public static final double DAYS_MARGIN = 14;
  public static final double APPEAL_RATE_MARGIN = 0.05;
  public static final double QUALITY_THRESHOLD = 90;
  public static final int PROTECTION_WIDTH = 5;

  public IndicatorOptions {
    Objects.requireNonNull(asOf, "asOf");
    if (minCases < 1) {
      throw new IllegalArgumentException("--min-cases must be at least 1, cannot be: " + minCases);
    }
    Objects.requireNonNull(outage, "outage");
    if (latencyTargetMs < 1) {
      throw new IllegalArgumentException("--latency-target-ms must be at least 1, cannot be: " + latencyTargetMs);
    }
    if (notificationDeadlineHours < 1) {
      throw new IllegalArgumentException("--notification-deadline-hours must be at least 1, cannot be: " + notificationDeadlineHours);
    }
    if (!(daysMargin > 0) || !(appealRateMargin > 0 && appealRateMargin < 1)) {
      throw new IllegalArgumentException("equivalence margins must be positive (the appeal-rate margin below 1), cannot be: "
          + daysMargin + " days, " + appealRateMargin);
    }
    if (!(qualityThreshold >= 0 && qualityThreshold <= 100)) {
      throw new IllegalArgumentException("--quality-threshold must be in [0, 100], cannot be: " + qualityThreshold);
    }
    if (protectionWidth < 2 || protectionWidth > Math.max(2, minCases)) {
      throw new IllegalArgumentException("--protection-width must be from 2 (not pinned) to k = " + Math.max(2, minCases)
          + " (a primary cell holds one of the counts 0 to k − 1), cannot be: " + protectionWidth);
    }
    if (fromYear != null && fromYear > asOf.getYear()) {
      throw new IllegalArgumentException("--from must not be after the extract date's year " + asOf.getYear()
          + ", cannot be: " + fromYear);
    }
    indexWeights = List.copyOf(indexWeights);
    if (indexWeights.size() != DigitalJusticeIndex.COMPONENTS.size()
        || indexWeights.stream().anyMatch(w -> !(w >= 0))
        || indexWeights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new IllegalArgumentException("--index-weights needs " + DigitalJusticeIndex.COMPONENTS.size()
          + " non-negative weights, not all 0 (" + String.join(", ", DigitalJusticeIndex.COMPONENTS) + "), cannot be: " + indexWeights);
    }
  }

  /** The defaults for everything but the extract date and k. */
  public static IndicatorOptions of(LocalDate asOf, int minCases) {
    return new IndicatorOptions(asOf, minCases, new ServiceHours.Rule(OUTAGE_FAILURE_RATE, OUTAGE_MIN_REQUESTS),
        LATENCY_TARGET_MS, NOTIFICATION_DEADLINE_HOURS, DAYS_MARGIN,
        APPEAL_RATE_MARGIN, QUALITY_THRESHOLD, DigitalJusticeIndex.EQUAL_WEIGHTS, defaultWidth(minCases), null);
  }

  /** {@value #PROTECTION_WIDTH} cases, or k when k is smaller: a primary cell holds one of the k counts 0 to k − 1. */
  public static int defaultWidth(int minCases) {
    return Math.max(2, Math.min(PROTECTION_WIDTH, minCases));
  }
}
