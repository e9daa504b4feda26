package org.justicemonitor.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.justicemonitor.io.TextTable;

/** The ingest run summary as JSON (for machines) and as a console table (for people). */
public final class IngestReportWriter {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static String toJson(IngestReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("as_of", report.asOf().toString());
    root.put("region_reference", report.regionReference());
    root.put("demo_key", report.demoKey());
    root.put("full", report.full());
    root.put("mode", report.mode());
    root.put("seconds", round(report.seconds()));
    ArrayNode datasets = root.putArray("datasets");
    for (DatasetReport d : report.datasets()) {
      ObjectNode n = datasets.addObject();
      n.put("dataset", d.dataset());
      n.put("files", d.files());
      n.put("files_skipped", d.filesSkipped());
      n.put("bytes", d.bytes());
      n.put("rows_read", d.rowsRead());
      n.put("rows_written", d.rowsWritten());
      n.put("rows_quarantined", d.rowsQuarantined());
      n.put("versions_superseded", d.versionsSuperseded());
      n.put("rows_conserved", d.rowsConserved());
      ObjectNode reasons = n.putObject("quarantined_by_reason");
      d.quarantinedByReason().forEach(reasons::put);
      d.extraColumns().forEach(n.putArray("extra_columns")::add);
      d.emptyFiles().forEach(n.putArray("empty_files")::add);
      n.put("seconds", round(d.seconds()));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
    }
    return sb.toString();
  }

  private static String join(Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }

  private IngestReportWriter() {}
}
