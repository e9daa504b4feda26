package org.justicemonitor.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;

/**
 * What ingest did with one dataset. Rows are conserved:
 * {@code rowsRead == rowsWritten + rowsQuarantined + versionsSuperseded}.
 *
 * @param seconds wall time, to a tenth of a second
 * @param quarantinedByReason rows per reason code; a row with several problems counts once
 *     under each of its codes
 */
@JsonPropertyOrder({"dataset", "files", "files_skipped", "bytes", "rows_read", "rows_written", "rows_quarantined",
    "versions_superseded", "rows_conserved", "quarantined_by_reason", "extra_columns", "empty_files", "seconds",
    "file_answers"})
public record DatasetReport(
    String dataset,
    int files,
    int filesSkipped,
    List<String> emptyFiles,
    long bytes,
    long rowsRead,
    long rowsWritten,
    long rowsQuarantined,
    long versionsSuperseded,
    SortedMap<String, Long> quarantinedByReason,
    List<String> extraColumns,
    List<FileAnswer> fileAnswers,
    double seconds) {

  /**
   * What became of one file under the dataset's directory: {@code read} (with its rows), {@code
   * skipped} (not data, or ingested before) or {@code refused} (withheld, e.g. a link out of the
   * input root), with why.
   *
   * @param file {@code <dataset>/<path under its directory>}
   */
  @JsonPropertyOrder({"file", "answer", "why", "rows_read", "rows_quarantined"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileAnswer(String file, String answer, String why, Long rowsRead, Long rowsQuarantined) {

    public static final String READ = "read";
    public static final String SKIPPED = "skipped";
    public static final String REFUSED = "refused";
    static final String INGESTED_BEFORE = "ingested before, unchanged";

    static FileAnswer read(String file, long rows, long quarantined) {
      return new FileAnswer(file, READ, rows == 0 ? "no rows" : null, rows, quarantined);
    }

    static FileAnswer notRead(String file, boolean refused, String why) {
      return new FileAnswer(file, refused ? REFUSED : SKIPPED, why, null, null);
    }

    @JsonIgnore
    boolean isRead() {
      return READ.equals(answer);
    }
  }

  public DatasetReport {
    emptyFiles = List.copyOf(emptyFiles);
    fileAnswers = List.copyOf(fileAnswers);
    extraColumns = List.copyOf(extraColumns);
    quarantinedByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(quarantinedByReason));
    seconds = Math.round(seconds * 10) / 10.0;
  }

  /** A dataset of an incremental ingest with no new file: nothing read, its table left as it is. */
  public static DatasetReport unchanged(String dataset, int filesSkipped, List<FileAnswer> answers) {
    return new DatasetReport(
        dataset, 0, filesSkipped, List.of(), 0, 0, 0, 0, 0, new java.util.TreeMap<>(), List.of(), answers, 0.0);
  }

  /** The files not read, with why. */
  public List<FileAnswer> notRead() {
    return fileAnswers.stream().filter(f -> !f.isRead()).toList();
  }

  @JsonProperty
  public boolean rowsConserved() {
    return rowsRead == rowsWritten + rowsQuarantined + versionsSuperseded;
  }

  public double quarantinedFraction() {
    return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
  }
}
