package org.justicemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.JobFailure;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;

/**
 * The corpus under {@code src/test/resources/bad-inputs/} (its README says what each file is):
 * every bad row is quarantined with its reason, file and line, no row is lost, and input that
 * cannot be read at all stops the run with one line naming the file and what to do.
 */
@ExtendWith(SharedSpark.class)
class BadInputCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/bad-inputs").toAbsolutePath();

  /** Every output of the class, removed after it. */
  @TempDir static Path work;
  static Path output;
  static IngestReport report;

  @BeforeAll
  static void ingestTheQuarantineCorpus() throws IOException {
    output = Files.createDirectories(work.resolve("bad-inputs"));
    report = SampleRun.ingest(CORPUS.resolve("quarantined").toString(), output.toString(), 1.0);
  }

  @Test
  void everyBadRowIsQuarantinedWithItsReasonFileAndLine() throws IOException {
    List<String> expected = Files.readAllLines(CORPUS.resolve("quarantined/expected-quarantine.csv"));
    StringBuilder actual = new StringBuilder(expected.get(0)).append('\n');
    for (String dataset : List.of("cases", "service_events")) {
      // A few rows: the corpus is small.
      for (Row r : SharedSpark.spark().read().parquet(output.resolve("quarantine/" + dataset).toString())
          .orderBy("source_file", "line").select("source_file", "line", "reason").collectAsList()) {
        actual.append(r.getString(0)).append(',').append(r.getLong(1)).append(',').append(r.getString(2)).append('\n');
      }
    }
    assertEquals(String.join("\n", expected) + "\n", actual.toString());
  }

  /** Every case and judge id the corpus files hold: pseudonymized or masked in the quarantine, never in clear. */
  @Test
  void theQuarantineHoldsNoClearIdentifier() throws IOException {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    try (var files = Files.walk(CORPUS.resolve("quarantined"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("BAD-[A-Z][0-9]+|[0-9]{2}-D[0-9]{2}-J[0-9]{2}")
            .matcher(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (m.find()) {
          ids.add(m.group());
        }
      }
    }
    assertTrue(ids.size() >= 17, "identifiers in the corpus: " + ids);
    for (String dataset : List.of("cases", "service_events")) {
      // A few rows: the corpus is small.
      for (String row : SharedSpark.spark().read().parquet(output.resolve("quarantine/" + dataset).toString()).toJSON()
          .collectAsList()) {
        for (String id : ids) {
          assertTrue(!row.contains(id), dataset + " quarantine holds " + id);
        }
      }
    }
  }

  @Test
  void noRowIsLost() {
    // Rows in the files: cases 2 + 3 + 3 + 2 + 2 + 6 + 2 + 1 (the empty and header-only files have
    // none), service events 4 (the blank line is no row) + 2 + 4 + 6.
    Map<String, long[]> expected = new TreeMap<>(Map.of("cases", new long[] {21, 11, 10}, "service_events", new long[] {16, 11, 5}));
    for (DatasetReport d : report.datasets()) {
      long[] e = expected.getOrDefault(d.dataset(), new long[] {0, 0, 0});
      assertEquals(e[0], d.rowsRead(), d.dataset());
      assertEquals(e[1], d.rowsQuarantined(), d.dataset());
      assertEquals(e[2], d.rowsWritten(), d.dataset());
    }
    DatasetReport cases = report.datasets().get(0);
    assertEquals(1, cases.emptyFiles().size());
    assertTrue(cases.emptyFiles().get(0).endsWith("cases/a-empty.csv"), cases.emptyFiles().toString());
  }

  /** Every file under a dataset's folder, subfolders too, is read or skipped, and the summary says which and why. */
  @Test
  void everyFileGetsAnAnswer() {
    DatasetReport cases = report.datasets().get(0);
    List<String> answers = cases.fileAnswers().stream()
        .map(f -> f.file() + " " + f.answer() + (f.why() == null ? "" : " (" + f.why() + ")")
            + (f.rowsRead() == null ? "" : " " + f.rowsRead() + "/" + f.rowsQuarantined()))
        .toList();
    assertEquals(List.of(
        "cases/README.txt skipped (documentation, not data (README, *.md, *.txt, *.pdf))",
        "cases/_SUCCESS skipped (hidden or bookkeeping file (its name starts with . or _))",
        "cases/a-empty.csv read (no rows) 0/0",
        "cases/b-header-only.csv read (no rows) 0/0",
        "cases/c-bom.csv read 2/0",
        "cases/d-crlf.csv read 3/1",
        "cases/e-quoted.csv read 3/1",
        "cases/f-invalid-utf8.csv read 2/1",
        "cases/g-huge-field.csv.gz read 2/1",
        "cases/h-wrong-types.csv read 6/6",
        "cases/j-sub/inner.csv read 2/1",
        "cases/year=2025/part 1+k.csv read 1/0"), answers);
    String table = IngestReportWriter.toTable(report);
    assertTrue(table.contains("skipped cases/README.txt: documentation, not data"), table);
  }

  /** A partition-style folder adds no column, and its file's row is a row like any other. */
  @Test
  void aPartitionFolderIsReadAsAFile() {
    var clean = SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString());
    assertTrue(!List.of(clean.columns()).contains("year"), List.of(clean.columns()).toString());
    assertEquals(1L, clean.filter("filed_at = DATE'2025-03-05'").count());
  }

  @Test
  void aSymbolicLinkOutOfTheInputRootIsRefusedAndNamed() throws IOException {
    Path root = Files.createDirectories(work.resolve("linked-input"));
    Files.createDirectories(root.resolve("cases"));
    Files.copy(CORPUS.resolve("quarantined/cases/c-bom.csv"), root.resolve("cases/a.csv"));
    Path outside = Files.createDirectories(work.resolve("outside")).resolve("b.csv");
    Files.copy(CORPUS.resolve("quarantined/cases/d-crlf.csv"), outside);
    Files.createSymbolicLink(root.resolve("cases/b.csv"), outside);
    IngestReport linked = SampleRun.ingest(root.toString(), work.resolve("linked-out").toString(), 1.0);
    DatasetReport cases = linked.datasets().get(0);
    assertEquals(2, cases.rowsRead(), "only a.csv's rows");
    assertEquals("[cases/b.csv refused (a link to a file outside the input root)]",
        cases.notRead().stream().map(f -> f.file() + " " + f.answer() + " (" + f.why() + ")").toList().toString());
  }

  @Test
  void aBinaryFileNamedCsvStopsTheRunSayingWhatItIs() {
    JobFailure e = failure("binary-file");
    assertEquals(CORPUS.resolve("binary-file/cases/x.csv") + " is not text: it starts like a ZIP archive (an .xlsx or .ods"
        + " workbook is one); export it as CSV or JSON Lines in UTF-8, or move it out of " + CORPUS.resolve("binary-file/cases"),
        e.getMessage());
  }

  /**
   * The command line as a person runs it, in a JVM of its own: a file Spark cannot read is one
   * line on the console, without Spark's log lines and stack frames.
   */
  @Test
  void aTruncatedGzipIsOneLineOnTheConsole() throws Exception {
    Process p = org.justicemonitor.CommandProcess.of(List.of(), List.of(
        "ingest", "--demo", "--input", CORPUS.resolve("truncated-gzip").toString(),
        "--output", work.resolve("console").toString(), "--as-of", "2025-12-31")).start();
    String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), console);
    List<String> lines = console.lines().filter(l -> !l.startsWith("WARNING: ")).toList();
    assertEquals("justice-monitor: " + CORPUS.resolve("truncated-gzip/cases/truncated.csv.gz") + " ends early: a truncated"
        + " copy or download; copy or export it again, or move it out of the input root", lines.get(lines.size() - 1), console);
    for (String line : lines) {
      assertTrue(line.startsWith("[ingest] ") || line.equals(lines.get(lines.size() - 1)), "not one of the job's lines: " + line);
    }
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsReadCleanly() {
    List<Row> rows = SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString())
        .filter("court_id = '71-D01'").select("language").distinct().orderBy("language").collectAsList();
    assertEquals("[[kk], [ru]]", rows.toString(), "no \\r left on the last column, no BOM on the first");
  }

  @Test
  void theQuarantineKeepsOnlyTheStartOfAHugeField() {
    Row r = SharedSpark.spark().read().parquet(output.resolve("quarantine/cases").toString())
        .filter("source_file = 'cases/g-huge-field.csv.gz'").select("language").first();
    assertEquals(RowValidator.MAX_KEPT_LENGTH, r.getString(0).length());
  }

  @Test
  void aTruncatedGzipStopsTheRunNamingTheFile() {
    JobFailure e = failure("truncated-gzip");
    assertEquals(CORPUS.resolve("truncated-gzip/cases/truncated.csv.gz")
        + " ends early: a truncated copy or download; copy or export it again, or move it out of the input root",
        e.getMessage());
  }

  @Test
  void aWrongDelimiterStopsTheRunWithAHint() {
    JobFailure e = failure("wrong-delimiter");
    assertTrue(e.getMessage().contains("wrong-delimiter/cases/semicolon.csv lacks the required column "), e.getMessage());
    assertTrue(e.getMessage().contains(" (only one column: is the delimiter a comma?)"), e.getMessage());
  }

  @Test
  void aMissingRequiredColumnStopsTheRunNamingFileAndColumn() {
    JobFailure e = failure("missing-column");
    assertTrue(e.getMessage().contains("missing-column/cases/no-category.csv lacks the required column case_category"),
        e.getMessage());
  }

  @Test
  void aMissingInputDirectoryStopsTheRun() {
    JobFailure e = failure("no-such-directory");
    assertEquals("the input directory " + CORPUS.resolve("no-such-directory") + " does not exist; pass --input DIR",
        e.getMessage());
  }

  @Test
  void everyStopIsOneLine() {
    for (String root : List.of("truncated-gzip", "binary-file", "wrong-delimiter", "missing-column", "no-such-directory")) {
      assertEquals(1, failure(root).getMessage().lines().count(), root);
    }
  }

  @Test
  void theCorpusIsWhatItsReadmeSays() throws IOException {
    String readme = Files.readString(CORPUS.resolve("README.md"), StandardCharsets.UTF_8);
    try (var files = Files.walk(CORPUS)) {
      files.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString())
          .filter(p -> !p.equals("README.md"))
          .forEach(p -> assertTrue(readme.contains("`" + p + "`"), "README.md does not describe " + p));
    }
  }

  private static JobFailure failure(String root) {
    Path out = work.resolve("out-" + root);
    return assertThrows(JobFailure.class, () -> SampleRun.ingest(CORPUS.resolve(root).toString(), out.toString(), 1.0));
  }
}
