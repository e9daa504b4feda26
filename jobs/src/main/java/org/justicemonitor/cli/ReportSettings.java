package org.justicemonitor.cli;

import org.justicemonitor.report.ReportPage;
import picocli.CommandLine.Option;

/** The options of the report stage, shared by {@code report} and {@code run}. */
public final class ReportSettings {

  @Option(names = "--lang", paramLabel = "LANG", description = "Language of the report: en, ru or kk (default: ${DEFAULT-VALUE}).")
  String lang = "en";

  void check() {
    if (!ReportPage.LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("--lang must be one of " + ReportPage.LANGUAGES + ", cannot be: " + lang);
    }
  }
}
