package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.tables.DataPackage;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.indicators.IndicatorsJob;
import org.justicemonitor.io.Json;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.measures.PublicationWindow;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Option;

/** The indicators stage: its options, shared by {@code indicators} and {@code run}; the job and its summary. */
final class IndicatorsStage implements Stage {

  @Option(
      names = "--min-cases",
      paramLabel = "K",
      description = "Disclosure control: a published value resting on fewer cases is suppressed (default: ${DEFAULT-VALUE}).")
  int minCases = 10;

  @Option(
      names = "--protection-width",
      paramLabel = "CASES",
      description = "Disclosure control: no reader may narrow a suppressed count under k to fewer possible counts than"
          + " this, by linear programming over every published figure ([0, 4] leaves five; default: "
          + IndicatorOptions.PROTECTION_WIDTH + ", or k when k is smaller).")
  Integer protectionWidth;

  @Option(
      names = "--from",
      paramLabel = "YEAR",
      description = "The first year the tables cover; older cases still count in pending stocks and ages (default: the"
          + " longest run of years up to the extract date with at least k filings each, at most the last "
          + PublicationWindow.DEFAULT_YEARS + ").")
  Integer fromYear;

  @Option(
      names = "--outage-failure-rate",
      paramLabel = "RATE",
      description = "An hour of a service is down when its failure rate is above this (default: ${DEFAULT-VALUE}).")
  double outageFailureRate = IndicatorOptions.OUTAGE_FAILURE_RATE;

  @Option(
      names = "--outage-min-requests",
      paramLabel = "N",
      description = "An hour of a service is judged up or down only with at least this many requests (default: ${DEFAULT-VALUE}).")
  int outageMinRequests = IndicatorOptions.OUTAGE_MIN_REQUESTS;

  @Option(
      names = "--latency-target-ms",
      paramLabel = "MS",
      description = "The latency a service request should be answered within (default: ${DEFAULT-VALUE}).")
  long latencyTargetMs = IndicatorOptions.LATENCY_TARGET_MS;

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
      names = "--quality-threshold",
      paramLabel = "SCORE",
      description = "Flag (NQ) a published value resting on a court whose data-quality score of the year is below this, "
          + "0-100 (default: ${DEFAULT-VALUE}).")
  double qualityThreshold = IndicatorOptions.QUALITY_THRESHOLD;

  @Option(
      names = "--index-weights",
      paramLabel = "W",
      split = ",",
      description = "Digital Justice Index weights of e-filing share, online-hearing share, service success rate and "
          + "internet-users share (default: equal).")
  List<Double> indexWeights = new ArrayList<>();

  private IndicatorOptions options;

  /** {@code summary/indicators.json}: the settings the tables were computed with; the report and analysts read them back. */
  record Summary(String asOf, int minCases, int protectionWidth, Integer from, double outageFailureRate, int outageMinRequests, long latencyTargetMs,
      int notificationDeadlineHours,
      double equivalenceDaysMargin, double equivalenceAppealMargin, double qualityThreshold, List<Double> indexWeights,
      List<String> tables) {

    static Summary of(IndicatorOptions o, PublicationWindow window, List<String> tables) {
      return new Summary(o.asOf().toString(), o.minCases(), o.protectionWidth(), window.firstYear(), o.outage().failingAbove(), o.outage().minRequests(),
          o.latencyTargetMs(), o.notificationDeadlineHours(),
          o.daysMargin(), o.appealRateMargin(), o.qualityThreshold(), o.indexWeights(), tables);
    }
  }

  @Override
  public void prepare(CommonOptions common) {
    IndicatorOptions defaults = IndicatorOptions.of(common.asOf(), minCases);
    options = new IndicatorOptions(common.asOf(), minCases, new ServiceHours.Rule(outageFailureRate, outageMinRequests),
        latencyTargetMs, notificationDeadlineHours, daysMargin,
        appealRateMargin, qualityThreshold, indexWeights.isEmpty() ? defaults.indexWeights() : indexWeights,
        protectionWidth == null ? defaults.protectionWidth() : protectionWidth, fromYear);
  }

  @Override
  public void run(OutputStore store, Progress progress, PrintStream out) {
    progress.stage("indicators");
    long started = System.nanoTime();
    IndicatorsJob job = new IndicatorsJob(store, options, progress);
    List<String> tables = job.run();
    store.writeText(Catalog.DISCLOSURE_SUMMARY, Json.write(job.disclosureSummary()));
    Summary settings = Summary.of(options, job.window(), tables);
    store.writeText(Catalog.INDICATORS_SUMMARY, Json.write(settings));
    store.manifest().settings("indicators", settings);
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("indicator tables: " + store.published(Catalog.INDICATORS) + " ("
        + tables.stream().filter(t -> !t.endsWith(".csv") && !t.endsWith(".json")).map(t -> t.substring(t.lastIndexOf('/') + 1))
            .toList()
        + ", each with a .csv copy, described in " + DataPackage.NAME + ")");
  }
}
