package org.justicemonitor.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.justicemonitor.indicators.IndicatorOptions;
import picocli.CommandLine.Option;

/** The options of the indicators stage, shared by {@code indicators} and {@code run}. */
public final class IndicatorSettings {

  @Option(
      names = "--min-cases",
      paramLabel = "K",
      description = "Disclosure control: a published value resting on fewer cases is suppressed (default: ${DEFAULT-VALUE}).")
  int minCases = 10;

  @Option(
      names = "--outage-failure-rate",
      paramLabel = "RATE",
      description = "An hour of a service in a region is failing when its failure rate is above this (default: ${DEFAULT-VALUE}).")
  double outageFailureRate = IndicatorOptions.OUTAGE_FAILURE_RATE;

  @Option(
      names = "--notification-deadline-hours",
      paramLabel = "HOURS",
      description = "Data-leak subjects notified within this many hours of detection count as notified in time "
          + "(default: ${DEFAULT-VALUE}).")
  int notificationDeadlineHours = IndicatorOptions.NOTIFICATION_DEADLINE_HOURS;

  @Option(
      names = "--equivalence-days-margin",
      paramLabel = "DAYS",
      description = "Remote and in-person hearings are equivalent when their median days to decision surely differ by "
          + "less than this (default: ${DEFAULT-VALUE}).")
  double daysMargin = IndicatorOptions.DAYS_MARGIN;

  @Option(
      names = "--equivalence-appeal-margin",
      paramLabel = "SHARE",
      description = "The same for their appeal rates, as a share (default: ${DEFAULT-VALUE}).")
  double appealRateMargin = IndicatorOptions.APPEAL_RATE_MARGIN;

  @Option(
      names = "--index-weights",
      paramLabel = "W",
      split = ",",
      description = "Digital Justice Index weights of e-filing share, online-hearing share, service success rate and "
          + "internet-users share (default: equal).")
  List<Double> indexWeights = new ArrayList<>();

  IndicatorOptions options(LocalDate asOf) {
    IndicatorOptions defaults = IndicatorOptions.of(asOf, minCases);
    return new IndicatorOptions(asOf, minCases, outageFailureRate, notificationDeadlineHours, daysMargin, appealRateMargin,
        indexWeights.isEmpty() ? defaults.indexWeights() : indexWeights);
  }
}
