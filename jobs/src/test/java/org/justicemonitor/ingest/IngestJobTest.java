package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.JobFailure;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;

/** End to end on data-samples/: every count checked against the generator's labels. */
@ExtendWith(SharedSpark.class)
class IngestJobTest {

  static final Path SAMPLES = SampleRun.SAMPLES;
  static final PseudonymizationKey KEY = SampleRun.KEY;

  static Path output;
  static IngestReport report;

  @BeforeAll
  static void ingestTheSamples() {
    report = SampleRun.ingest();
    output = SampleRun.output();
  }

  static IngestReport ingest(String input, String out, double maxBad) {
    return SampleRun.ingest(input, out, maxBad);
  }

  private static DatasetReport dataset(String name) {
    return report.datasets().stream().filter(d -> d.dataset().equals(name)).findFirst().orElseThrow();
  }

  private static List<String[]> csv(String file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(SAMPLES.resolve("labels").resolve(file));
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  @Test
  void countsAddUpToTheGeneratorsLabels() throws IOException {
    Map<String, long[]> expected = new TreeMap<>();
    for (String[] r : csv("row_counts.csv")) {
      // rows in files, bad, superseded, clean
      expected.put(r[0], new long[] {Long.parseLong(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3]), Long.parseLong(r[4])});
    }
    for (String[] r : csv("edge_cases.csv")) {
      long[] e = expected.get(r[0]);
      e[0]++;
      switch (r[3]) {
        case "ok" -> e[3]++;
        case "newer_version" -> e[2]++;
        default -> e[1]++;
      }
    }
    for (var entry : expected.entrySet()) {
      DatasetReport d = dataset(entry.getKey());
      long[] e = entry.getValue();
      assertEquals(e[0], d.rowsRead(), entry.getKey() + " read");
      assertEquals(e[1], d.rowsQuarantined(), entry.getKey() + " quarantined");
      assertEquals(e[2], d.versionsSuperseded(), entry.getKey() + " superseded");
      assertEquals(e[3], d.rowsWritten(), entry.getKey() + " written");
    }
  }

  @Test
  void everyBadRowIsQuarantinedForTheReasonItWasMadeBad() throws IOException {
    Map<String, Map<String, Long>> expected = new TreeMap<>();
    for (String[] r : csv("bad_rows.csv")) {
      expected.computeIfAbsent(r[0], k -> new TreeMap<>()).merge(r[2], 1L, Long::sum);
    }
    for (String[] r : csv("edge_cases.csv")) {
      if (!r[3].equals("ok") && !r[3].equals("newer_version")) {
        expected.computeIfAbsent(r[0], k -> new TreeMap<>()).merge(r[3], 1L, Long::sum);
      }
    }
    for (var entry : expected.entrySet()) {
      assertEquals(entry.getValue(), dataset(entry.getKey()).quarantinedByReason(), entry.getKey());
    }
  }

  @Test
  void handWrittenBadRowsAreFoundAtTheirLines() throws IOException {
    Dataset<Row> quarantine =
        SharedSpark.spark().read().parquet(output.resolve("quarantine/cases").toString())
            .unionByName(SharedSpark.spark().read().parquet(output.resolve("quarantine/service_events").toString()), true)
            .unionByName(SharedSpark.spark().read().parquet(output.resolve("quarantine/security_incidents").toString()), true);
    Map<String, String> found = new TreeMap<>();
    for (Row r : quarantine.filter(col("source_file").rlike("^(cases|service_events|security_incidents)/zz"))
        .select(col("source_file"), col("line"), regexp_extract(col("reason"), "^[a-z_]+", 0)).collectAsList()) {
      found.put(r.getString(0) + ":" + r.getLong(1), r.getString(2));
    }
    Map<String, String> expected = new TreeMap<>();
    for (String[] r : csv("edge_cases.csv")) {
      if (!r[3].equals("ok") && !r[3].equals("newer_version")) {
        expected.put(r[1] + ":" + r[2], r[3]);
      }
    }
    assertEquals(expected, found);
  }

  @Test
  void extraColumnsAreListed() {
    assertEquals(List.of("court_name"), dataset("cases").extraColumns());
    assertEquals(List.of("user_agent"), dataset("service_events").extraColumns());
  }

  @Test
  void noClearIdentifierOrPersonalDataInAnyOutput() throws IOException {
    List<String> secrets = SampleRun.SECRETS;
    List<Path> tables = new ArrayList<>();
    for (String top : List.of("ingested", "quarantine")) {
      try (var dirs = Files.list(output.resolve(top))) {
        dirs.forEach(tables::add);
      }
    }
    for (Path table : tables) {
      Dataset<Row> t = SharedSpark.spark().read().parquet(table.toString());
      List<Column> text = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        if (f.dataType().typeName().equals("string")) {
          text.add(col(f.name()));
        }
      }
      Column all = concat_ws("|", text.toArray(Column[]::new));
      Column leak = org.apache.spark.sql.functions.lit(false);
      for (String s : secrets) {
        leak = leak.or(all.contains(s));
      }
      assertEquals(0L, t.filter(leak).count(), "clear identifiers in " + table);
    }
  }

  @Test
  void quarantineKeepsTheRowMaskedWithItsReasonFileAndLine() {
    Row r = SharedSpark.spark().read().parquet(output.resolve("quarantine/cases").toString())
        .filter(col("source_file").equalTo("cases/zz-edge-cases.csv").and(col("line").equalTo(4)))
        .first();
    assertEquals("pii_detected(case_id)", r.getAs("reason"));
    assertEquals("<EMAIL>", r.getAs("case_id"));
    assertEquals("2025-01-20", r.getAs("filed_at"));
    assertEquals(Pseudonymizer.pseudonym(KEY, "75-D01-J01"), r.getAs("judge_id"));
  }

  @Test
  void cleanTablesArePartitionedAndPseudonymized() throws IOException {
    try (var years = Files.list(output.resolve("ingested/cases"))) {
      assertEquals(List.of("filed_year=2022", "filed_year=2023", "filed_year=2024", "filed_year=2025"),
          years.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("filed_year=")).sorted().toList());
    }
    Row newest = SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString())
        .filter(col("case_id").equalTo(Pseudonymizer.pseudonym(KEY, "KZ0000000003"))).first();
    // The hand-written newer version (appealed true) replaced the generated one.
    assertEquals(Boolean.TRUE, newest.getAs("appealed"));
    assertEquals(48L, SharedSpark.spark().read().parquet(output.resolve("ingested/service_events").toString())
        .select("event_month").distinct().count());
  }

  @Test
  void tooManyBadRowsFailsAndLeavesThePublishedOutputsAlone(@TempDir Path input) throws IOException {
    Path cases = Files.createDirectories(input.resolve("cases"));
    Files.writeString(cases.resolve("a.csv"), "case_id,court_id,court_level,region_code,case_category,filing_channel,filed_at\n"
        + "A1,71-D01,district,71,civil,paper,2025-01-01\n"
        + "A2,71-D01,district,99,civil,paper,2025-01-01\n");
    long before = SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString()).count();
    JobFailure e = assertThrows(JobFailure.class, () -> ingest(input.toString(), output.toString(), 0.05));
    assertTrue(e.getMessage().contains("cases: 1 of 2 rows (50.0%) failed validation"), e.getMessage());
    assertEquals(before, SharedSpark.spark().read().parquet(output.resolve("ingested/cases").toString()).count());
    assertTrue(Files.notExists(output.resolve("_staging")));
  }

  @Test
  void aMissingInputDirectoryIsAClearFailure() {
    JobFailure e = assertThrows(JobFailure.class, () -> ingest("/nonexistent/input", output.resolve("other").toString(), 0.05));
    assertTrue(e.getMessage().contains("/nonexistent/input does not exist"), e.getMessage());
  }

}
