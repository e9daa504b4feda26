package org.justicemonitor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.justicemonitor.JobFailure;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.spark.Progress;

@ExtendWith(SharedSpark.class)
// The generator switches a session setting off and back while it writes: one generator at a time.
@ResourceLock("spark.sql.codegen.wholeStage")
class GenerateJobTest {

  @TempDir static Path root;

  static GeneratorOptions options(long rowsPerFile, String format) {
    return new GeneratorOptions(3000, 6000, YearMonth.of(2023, 1), YearMonth.of(2025, 12), 7, format, format.equals("jsonl"),
        0.05, 0.02, 1, rowsPerFile);
  }

  static List<GenerateJob.Counts> generate(Path dir, GeneratorOptions o) {
    return new GenerateJob(SharedSpark.spark(), o, dir.toString(), new Progress(SharedSpark.spark(), System.out)).run();
  }

  @BeforeAll
  static void generateTwiceWithDifferentFileLayouts() {
    generate(root.resolve("a"), options(1000, "csv"));
    generate(root.resolve("b"), options(2500, "csv"));
  }

  /** Every data line of a dataset, headers left out, sorted. */
  static List<String> lines(Path dataset) throws IOException {
    List<String> all = new ArrayList<>();
    try (var files = Files.list(dataset)) {
      for (Path f : files.sorted().toList()) {
        var in = Files.newInputStream(f);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
          List<String> fileLines = r.lines().toList();
          all.addAll(f.toString().contains(".csv") ? fileLines.subList(1, fileLines.size()) : fileLines);
        }
      }
    }
    all.sort(null);
    return all;
  }

  @Test
  void theSameSeedGivesTheSameRowsWhateverTheFileLayout() throws IOException {
    for (String dataset : List.of("cases", "service_events", "security_incidents")) {
      assertEquals(lines(root.resolve("a").resolve(dataset)), lines(root.resolve("b").resolve(dataset)), dataset);
    }
    for (String label : List.of("anomalies.csv", "bad_rows.csv", "row_counts.csv")) {
      assertEquals(Files.readString(root.resolve("a/labels").resolve(label)), Files.readString(root.resolve("b/labels").resolve(label)));
    }
    try (var files = Files.list(root.resolve("a/cases"))) {
      assertEquals(List.of("cases-0-00000.csv", "cases-1-00000.csv", "cases-1-00001.csv", "cases-1-00002.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void labelsCountWhatIsInTheFiles() throws IOException {
    List<String> counts = Files.readAllLines(root.resolve("a/labels/row_counts.csv"));
    String[] cases = counts.get(1).split(",");
    assertEquals("cases", cases[0]);
    assertEquals(lines(root.resolve("a/cases")).size(), Long.parseLong(cases[1]));
    // Older versions: every line of the cases-0 file repeats a case id of the newer files.
    assertEquals(lines(root.resolve("a/cases")).size() - 3000, Long.parseLong(cases[3]));
    assertEquals(6000, lines(root.resolve("a/service_events")).size());
  }

  @Test
  void anomaliesOfEveryKindAreLabelled() throws IOException {
    List<String> anomalies = Files.readAllLines(root.resolve("a/labels/anomalies.csv"));
    assertEquals("entity_type,entity_id,period,signal,kind", anomalies.get(0));
    for (String kind : List.of("slow_court", "stalled_court", "filing_surge", "registration_lag", "service_outage")) {
      assertTrue(anomalies.stream().anyMatch(l -> l.endsWith("," + kind)), kind);
    }
  }

  @Test
  void jsonLinesWithGzipAndMalformedLines(@TempDir Path dir) throws IOException {
    generate(dir, options(100_000, "jsonl"));
    List<String> events = lines(dir.resolve("service_events"));
    assertEquals(6000, events.size());
    assertTrue(events.stream().anyMatch(l -> !l.endsWith("}")), "a cut-off line is expected among the bad rows");
    assertTrue(Files.exists(dir.resolve("service_events/service-events-00000.jsonl.gz")));
  }

  @Test
  void refusesToWriteIntoAFullDirectory() {
    assertThrows(JobFailure.class, () -> generate(root.resolve("a"), options(1000, "csv")));
  }

  @Test
  void noChecksumFilesAreLeft() throws IOException {
    try (var files = Files.walk(root.resolve("a"))) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".crc")));
    }
  }
}
