package org.justicemonitor.cli;

import java.io.PrintStream;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.report.ReportJob;
import org.justicemonitor.spark.Progress;

/** The report stage as the command line runs it. */
final class ReportStage {

  static void run(OutputStore store, String lang, Progress progress, PrintStream out) {
    progress.stage("report");
    long started = System.nanoTime();
    String page = progress.result("report page", () -> new ReportJob(store, lang, new Version().getVersion()[0]).run());
    store.manifest().settings("report", new Recorded(lang));
    progress.done((System.nanoTime() - started) / 1e9);
    out.println("report:       " + page + " (one file; opens offline)");
  }

  /** What the manifest records of the stage's settings. */
  record Recorded(String lang) {}

  private ReportStage() {}
}
