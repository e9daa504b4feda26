package org.justicemonitor.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.justicemonitor.io.Json;
import org.justicemonitor.io.TextTable;

/** The ingest run summary as JSON (for machines) and as a console table (for people). */
public final class IngestReportWriter {

  private static final int MAX_LISTED = 20;

  public static String toJson(IngestReport report) {
    return Json.write(report);
  }

  public static String toTable(IngestReport report) {
    TextTable table =
        new TextTable("dataset", "files", "skipped", "rows read", "written", "quarantined", "superseded", "conserved", "seconds");
    for (DatasetReport d : report.datasets()) {
      table.row(
          d.dataset(),
          d.files(),
          d.filesSkipped(),
          d.rowsRead(),
          d.rowsWritten(),
          d.rowsQuarantined(),
          d.versionsSuperseded(),
          d.rowsConserved() ? "yes" : "NO",
          String.format(Locale.ROOT, "%.1f", d.seconds()));
    }
    StringBuilder sb = new StringBuilder(table.render());
    sb.append(report.full() ? "full ingest: " : "incremental ingest: ").append(report.mode()).append('\n');
    for (DatasetReport d : report.datasets()) {
      if (!d.quarantinedByReason().isEmpty()) {
        sb.append("quarantined ").append(d.dataset()).append(" by reason: ");
        sb.append(join(d.quarantinedByReason())).append('\n');
      }
      if (!d.extraColumns().isEmpty()) {
        sb.append("extra columns ignored in ").append(d.dataset()).append(": ")
            .append(String.join(", ", d.extraColumns())).append('\n');
      }
      if (!d.emptyFiles().isEmpty()) {
        sb.append("empty files in ").append(d.dataset()).append(": ").append(d.emptyFiles().size()).append('\n');
      }
      notRead(d, sb);
    }
    report.warnings().forEach(w -> sb.append("WARNING: ").append(w).append('\n'));
    return sb.toString();
  }

  /** Files not read, a line each, except those ingested before (the "skipped" column counts them). */
  private static void notRead(DatasetReport d, StringBuilder sb) {
    List<DatasetReport.FileAnswer> listed =
        d.notRead().stream().filter(f -> !DatasetReport.FileAnswer.INGESTED_BEFORE.equals(f.why())).toList();
    listed.stream().limit(MAX_LISTED).forEach(f -> sb.append(f.answer()).append(' ').append(f.file()).append(": ")
        .append(f.why()).append('\n'));
    if (listed.size() > MAX_LISTED) {
      sb.append("... and ").append(listed.size() - MAX_LISTED).append(" more files of ").append(d.dataset())
          .append(" not read: summary/ingest.json lists them\n");
    }
  }

  private static String join(Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }

  private IngestReportWriter() {}
}
