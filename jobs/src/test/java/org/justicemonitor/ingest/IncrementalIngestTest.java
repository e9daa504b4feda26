package org.justicemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.JobFailure;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;

/**
 * Incremental ingest keyed by file fingerprint: a second delivery adds only its rows, its newer
 * case versions replace older ones, and the tables equal those of one full ingest of both.
 */
@ExtendWith(SharedSpark.class)
class IncrementalIngestTest {

  static final String CASES_HEADER =
      "court_id,case_id,court_level,region_code,case_category,filing_channel,filed_at,registered_at,"
          + "first_hearing_at,decided_at,hearing_format,outcome,appealed,judge_id,party_represented,published_at,language\n";
  static final String EVENTS_HEADER = "event_ts,service,region_code,channel,user_type,session_id,status,latency_ms,case_id\n";

  /** January: three cases and one bad row (an unknown region); two events. */
  static final String JANUARY =
      CASES_HEADER
          + "71-D01,INC-1,district,71,civil,e_filing,2025-01-10,2025-01-11,,,,,,71-D01-J01,false,,ru\n"
          + "71-D01,INC-2,district,71,civil,paper,2025-01-12,2025-01-13,,,,,,71-D01-J01,false,,ru\n"
          + "71-D01,INC-3,district,71,criminal,paper,2025-01-14,2025-01-15,,,,,,71-D01-J02,false,,kk\n"
          + "99-D01,INC-X,district,99,civil,paper,2025-01-14,2025-01-15,,,,,,99-D01-J02,false,,kk\n";

  /** February: INC-2 decided (a newer version), a new case INC-4, one bad row (dates in the wrong order). */
  static final String FEBRUARY =
      CASES_HEADER
          + "71-D01,INC-2,district,71,civil,paper,2025-01-12,2025-01-13,2025-02-01,2025-02-20,online,satisfied,false,71-D01-J01,true,,ru\n"
          + "71-D01,INC-4,district,71,civil,e_filing,2025-02-03,2025-02-04,,,,,,71-D01-J03,false,,ru\n"
          + "71-D01,INC-5,district,71,civil,paper,2025-02-10,2025-02-09,,,,,,71-D01-J03,false,,ru\n";

  static final String EVENTS_JANUARY =
      EVENTS_HEADER
          + "2025-01-10T10:00:00+05:00,e_filing,71,web,advocate,s1,ok,400,INC-1\n"
          + "2025-01-11T10:00:00+05:00,e_filing,71,web,citizen,s2,server_error,900,\n";
  static final String EVENTS_FEBRUARY = EVENTS_HEADER + "2025-02-03T09:00:00+05:00,e_filing,71,mobile,citizen,s3,ok,350,INC-4\n";

  @Test
  void aSecondDeliveryAddsOnlyItsRowsAndEqualsOneFullIngest(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("input");
    write(input.resolve("cases/cases-2025-01.csv"), JANUARY);
    write(input.resolve("service_events/events-2025-01.csv"), EVENTS_JANUARY);
    String incremental = dir.resolve("incremental").toString();

    IngestReport first = ingest(input, incremental, false);
    assertTrue(first.full());
    assertEquals(3, cases(first).rowsWritten());

    write(input.resolve("cases/cases-2025-02.csv"), FEBRUARY);
    write(input.resolve("service_events/events-2025-02.csv"), EVENTS_FEBRUARY);
    IngestReport second = ingest(input, incremental, false);
    assertFalse(second.full());
    DatasetReport c = cases(second);
    assertEquals(List.of(1, 1, 3, 1, 1, 1), List.of(c.files(), c.filesSkipped(), (int) c.rowsRead(), (int) c.rowsWritten(),
        (int) c.rowsQuarantined(), (int) c.versionsSuperseded()));
    assertEquals(1, dataset(second, "service_events").rowsRead());

    SparkSession spark = SharedSpark.spark();
    Dataset<Row> clean = spark.read().parquet(incremental + "/ingested/cases");
    assertEquals(4, clean.count());
    assertEquals("satisfied", clean.filter("case_id = '" + pseudonym("INC-2") + "'").select("outcome").first().getString(0));
    assertEquals(3, spark.read().parquet(incremental + "/ingested/service_events").count());
    assertEquals(2, spark.read().parquet(incremental + "/quarantine/cases").count());

    String full = dir.resolve("full").toString();
    ingest(input, full, false);
    for (String table : List.of("ingested/cases", "ingested/service_events", "ingested/security_incidents",
        "quarantine/cases", "quarantine/service_events", "ingested/regions")) {
      assertSameRows(spark.read().parquet(incremental + "/" + table), spark.read().parquet(full + "/" + table), table);
    }

    JsonNode manifest = new ObjectMapper().readTree(Path.of(incremental, OutputStore.MANIFEST).toFile());
    assertEquals(4, manifest.at("/inputs/files").size());
    JsonNode february = null;
    for (JsonNode f : manifest.at("/inputs/files")) {
      february = f.path("file").asText().equals("cases/cases-2025-02.csv") ? f : february;
    }
    assertEquals(3, february.path("rows_read").asInt(), manifest.toPrettyString());
    assertEquals(1, february.path("rows_quarantined").asInt());
    assertEquals(64, february.path("sha256").asText().length());
    assertEquals(4, manifest.at("/outputs/ingested~1cases/rows").asInt());

    // The same files again: nothing is read, nothing changes.
    IngestReport third = ingest(input, incremental, false);
    assertEquals(0, cases(third).files());
    assertEquals(2, cases(third).filesSkipped());
    assertEquals(4, spark.read().parquet(incremental + "/ingested/cases").count());
    assertEquals(manifest.at("/outputs/ingested~1cases/run_id"),
        new ObjectMapper().readTree(Path.of(incremental, OutputStore.MANIFEST).toFile()).at("/outputs/ingested~1cases/run_id"));

    // A file changed under the same name is refused, not added twice (--full: IngestPlanTest).
    write(input.resolve("service_events/events-2025-02.csv"), EVENTS_FEBRUARY + "2025-02-04T09:00:00+05:00,e_filing,71,web,citizen,s4,ok,300,\n");
    JobFailure changed = assertThrows(JobFailure.class, () -> ingest(input, incremental, false));
    assertTrue(changed.getMessage().startsWith("service_events/events-2025-02.csv changed since"), changed.getMessage());
    assertEquals(3, spark.read().parquet(incremental + "/ingested/service_events").count());
  }

  /**
   * {@code --max-bad-fraction} is measured on what the tables hold after the ingest: a small,
   * mostly bad delivery on top of clean rows passes with a warning; one that takes the whole over
   * the limit stops the run, after the reasons are printed.
   */
  @Test
  void theBadShareCountsTheRowsPublishedBefore(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("input");
    StringBuilder january = new StringBuilder(CASES_HEADER);
    for (int i = 1; i <= 20; i++) {
      january.append("71-D01,SHARE-").append(i).append(",district,71,civil,paper,2025-01-10,2025-01-11,,,,,,71-D01-J01,false,,ru\n");
    }
    write(input.resolve("cases/cases-2025-01.csv"), january.toString());
    String output = dir.resolve("output").toString();
    ingest(input, output, false, 0.1, System.out);

    write(input.resolve("cases/cases-2025-02.csv"), CASES_HEADER
        + "71-D01,SHARE-21,district,71,civil,paper,2025-02-10,2025-02-11,,,,,,71-D01-J01,false,,ru\n"
        + "71-D01,SHARE-22,district,71,civil,fax,2025-02-10,2025-02-11,,,,,,71-D01-J01,false,,ru\n"
        + "71-D01,SHARE-23,district,71,civil,fax,2025-02-10,2025-02-11,,,,,,71-D01-J01,false,,ru\n");
    IngestReport february = ingest(input, output, false, 0.1, System.out);
    assertEquals(List.of("cases: 2 of the 3 rows of this delivery (66.7%) failed validation; with the 20 rows published before"
        + " the tables stay within --max-bad-fraction 0.100, so the run goes on. See the reasons above"), february.warnings());
    assertTrue(IngestReportWriter.toTable(february).contains("WARNING: cases: 2 of the 3 rows"));

    write(input.resolve("cases/cases-2025-03.csv"), CASES_HEADER
        + "71-D01,SHARE-24,district,71,civil,fax,2025-03-10,2025-03-11,,,,,,71-D01-J01,false,,ru\n"
        + "71-D01,SHARE-25,district,71,civil,fax,2025-03-10,2025-03-11,,,,,,71-D01-J01,false,,ru\n");
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    JobFailure stop = assertThrows(TooManyBadRows.class,
        () -> ingest(input, output, false, 0.1, new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals("cases: 4 of 25 rows (16.0%) failed validation, counting the rows published before with this delivery's,"
        + " more than --max-bad-fraction 0.100 allows; nothing was published. See the reasons above, fix the extract, or raise"
        + " --max-bad-fraction", stop.getMessage());
    assertTrue(console.toString(java.nio.charset.StandardCharsets.UTF_8).contains("quarantined cases by reason: invalid_enum 2"),
        console.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(23, SharedSpark.spark().read().parquet(output + "/ingested/cases").count()
        + SharedSpark.spark().read().parquet(output + "/quarantine/cases").count(), "the March rows were not published");
  }

  /**
   * An output made before rollouts/ was part of the contract has no rollouts table: the first
   * rollouts file delivered into it starts that table, and the other tables stay as they are.
   */
  @Test
  void aDatasetFirstDeliveredIntoAnOlderOutputStartsItsTable(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("input");
    write(input.resolve("cases/cases-2025-01.csv"), JANUARY);
    String output = dir.resolve("output").toString();
    ingest(input, output, false);
    // As an older version left it: no rollouts table.
    for (String table : List.of("ingested/rollouts", "quarantine/rollouts")) {
      org.apache.commons.io.FileUtils.deleteDirectory(Path.of(output, table).toFile());
    }
    write(input.resolve("rollouts/rollouts.csv"), "program,court_id,region_code,started_on\n"
        + "e_case_management,71-D01,,2025-01-01\nonline_hearings,,,2025-02-01\n");
    IngestReport second = ingest(input, output, false);
    assertFalse(second.full());
    DatasetReport rollouts = dataset(second, "rollouts");
    assertEquals(List.of(2, 1, 1), List.of((int) rollouts.rowsRead(), (int) rollouts.rowsWritten(), (int) rollouts.rowsQuarantined()));
    SparkSession spark = SharedSpark.spark();
    assertEquals(1, spark.read().parquet(output + "/ingested/rollouts").count());
    assertEquals("no_adopting_unit", spark.read().parquet(output + "/quarantine/rollouts").first().getAs("reason"));
    assertEquals(3, spark.read().parquet(output + "/ingested/cases").count(), "the cases stay as they were");
  }

  private static IngestReport ingest(Path input, String output, boolean full) {
    return ingest(input, output, full, 1.0, System.out);
  }

  private static IngestReport ingest(Path input, String output, boolean full, double maxBad, java.io.PrintStream console) {
    SparkSession spark = SharedSpark.spark();
    OutputStore store = new OutputStore(spark, output, "test-" + System.nanoTime());
    try {
      IngestReport report = new IngestJob(store, new IngestOptions(input.toString(), SampleRun.AS_OF, maxBad, SampleRun.KEY, full),
          new Progress(spark, console)).run();
      store.commit("ingest", "test", Catalog::access);
      return report;
    } finally {
      store.close();
    }
  }

  static void assertSameRows(Dataset<Row> a, Dataset<Row> b, String what) {
    assertEquals(a.count(), b.count(), what);
    assertEquals(0, a.exceptAll(b).count(), what);
    assertEquals(0, b.exceptAll(a).count(), what);
  }

  private static String pseudonym(String id) {
    return Pseudonymizer.pseudonym(SampleRun.KEY, id);
  }

  private static DatasetReport cases(IngestReport r) {
    return dataset(r, Contract.CASES.name());
  }

  private static DatasetReport dataset(IngestReport r, String name) {
    return r.datasets().stream().filter(d -> d.dataset().equals(name)).findFirst().orElseThrow();
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
