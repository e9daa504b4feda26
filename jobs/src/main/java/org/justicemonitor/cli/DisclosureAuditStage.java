package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.justicemonitor.JobFailure;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.disclosure.DisclosureAudit;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.report.ReportDisclosure;
import org.justicemonitor.spark.Progress;

/**
 * The disclosure audit as a stage: the last of {@code run}, so that a run whose outputs leak a
 * suppressed value fails before anything is published; and the work of {@code disclosure audit}.
 */
final class DisclosureAuditStage implements Stage {

  private static final int SHOWN = 20;

  @Override
  public void prepare(CommonOptions common) {}

  @Override
  public void run(OutputStore store, Progress progress, PrintStream out) {
    progress.stage("disclosure audit");
    long started = System.nanoTime();
    audit(new Catalog(store), progress, "nothing was published");
    progress.done((System.nanoTime() - started) / 1e9);
  }

  /** Audits the tables and the report under a catalog; fails listing the leaks (never a value). */
  static void audit(Catalog catalog, Progress progress, String consequence) {
    int k = DisclosureAudit.publishedK(catalog);
    int width = DisclosureAudit.publishedWidth(catalog);
    DisclosureAudit.Result tables = progress.result("attack on the linked tables (propagation, then LP)",
        () -> DisclosureAudit.tables(catalog, k, width));
    List<DisclosureAudit.Finding> findings = new ArrayList<>(tables.findings());
    findings.addAll(progress.result("figures of the report", () -> ReportDisclosure.check(catalog)));
    if (findings.isEmpty()) {
      progress.block(String.format("disclosure audit: %d count cells, %d identities, k = %d: no suppressed value can be"
          + " worked out, and every primary one keeps an LP interval of at least %d possible counts (%d linear programs); CSV copies"
          + " and the report hold only what the tables publish", tables.cells(), tables.identities(), k, width,
          tables.linearPrograms()));
      return;
    }
    for (DisclosureAudit.Finding f : findings.subList(0, Math.min(SHOWN, findings.size()))) {
      progress.block("leak: " + f.output() + " " + f.cell() + ": " + f.how());
    }
    if (findings.size() > SHOWN) {
      progress.block("... and " + (findings.size() - SHOWN) + " more");
    }
    throw new JobFailure("the disclosure audit found " + findings.size() + " leaks (listed above); " + consequence);
  }
}
