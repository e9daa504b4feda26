package org.justicemonitor.cli;

import java.io.PrintStream;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.report.ReportJob;
import org.justicemonitor.report.ReportPage;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Option;

/** The report stage: its option, shared by {@code report} and {@code run}; the page. */
final class ReportStage implements Stage {

  @Option(names = "--lang", paramLabel = "LANG", description = "Language of report/index.html: en, ru or kk; every language is also written as"
      + " report/index.<lang>.html (default: ${DEFAULT-VALUE}).")
  String lang = "en";

  /** What the manifest records of the stage's settings. */
  record Recorded(String lang) {}

  @Override
  public void prepare(CommonOptions common) {
    if (!ReportPage.LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("--lang must be one of " + ReportPage.LANGUAGES + ", cannot be: " + lang);
    }
  }

  @Override
  public void run(OutputStore store, Progress progress, PrintStream out) {
    progress.stage("report");
    long started = System.nanoTime();
    String page = progress.result("report page", () -> new ReportJob(store, lang, new Version().getVersion()[0]).run());
    store.manifest().settings("report", new Recorded(lang));
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("report:       " + page + " (one file; opens offline; index.en.html, index.ru.html and index.kk.html beside it)");
  }
}
