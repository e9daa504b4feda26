package org.justicemonitor.cli;

import picocli.CommandLine.Option;

/** The options of the indicators stage, shared by {@code indicators} and {@code run}. */
public final class IndicatorSettings {

  @Option(
      names = "--min-cases",
      paramLabel = "K",
      description = "Disclosure control: a published value resting on fewer cases is suppressed (default: ${DEFAULT-VALUE}).")
  int minCases = 10;
}
