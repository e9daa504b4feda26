package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.ingest.IngestReport;

/**
 * The shipped profiles end to end: {@code run} through each on its sample in
 * data-samples/profiles/, indicator values checked against the sample worked out by hand (the
 * sample files' comments and docs/mapping-profiles.md give the arithmetic).
 */
@ExtendWith(SharedSpark.class)
class ProfileRunTest {

  static final Path PROFILES = SampleRun.SAMPLES.resolve("profiles");

  @TempDir static Path outputs;

  private static Future<IngestReport> dataJud;
  private static Future<IngestReport> india;
  private static Future<ProfileCheck.Report> check;

  /**
   * Both runs, and the check, at once in one session: on small inputs a run is mostly planning and code
   * generation on the driver, one query at a time, so two runs side by side use both cores.
   */
  @BeforeAll
  static void runBoth() {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    dataJud = pool.submit(() -> run("datajud", LocalDate.of(2024, 12, 31)));
    india = pool.submit(() -> run("india-ecourts", LocalDate.of(2018, 12, 31)));
    check = pool.submit(() -> ProfileCheck.run(SharedSpark.spark(),
        MappingProfile.load(SharedSpark.spark(), PROFILES.resolve("datajud/profile.json").toString()),
        PROFILES.resolve("datajud/input").toString(), Contract.CASES, 10_000, LocalDate.of(2024, 12, 31)));
    pool.shutdown();
  }

  @Test
  void dataJudThroughTheProfile() throws Exception {
    SparkSession spark = SharedSpark.spark();
    IngestReport report = dataJud.get();
    Path out = outputs.resolve("datajud");

    // 20 hits: one class and one format code the profile does not list are quarantined, with the
    // value kept; the last hit is an older copy of the fifth (same process and level, updated
    // earlier, not yet decided), superseded although read later.
    assertEquals(20, report.datasets().get(0).rowsRead());
    assertEquals(2, report.datasets().get(0).rowsQuarantined());
    assertEquals(1, report.datasets().get(0).versionsSuperseded());
    assertEquals(17, report.datasets().get(0).rowsWritten());
    List<Row> quarantined = spark.read().parquet(out.resolve("quarantine/cases").toString())
        .select(col("reason"), col("case_category"), col("filing_channel"), col("line")).orderBy("line").collectAsList();
    assertEquals("unmapped_value(case_category)", quarantined.get(0).getString(0));
    assertEquals("99999", quarantined.get(0).getString(1));
    assertEquals(18, ((Number) quarantined.get(0).get(3)).longValue());
    assertEquals("unmapped_value(filing_channel)", quarantined.get(1).getString(0));
    assertEquals("9", quarantined.get(1).getString(2));

    // Tocantins (IBGE 17), 2023: 12 first-instance cases filed (one filing date in DataJud's
    // compact form, 20230403000000), 11 decided (one filed in 1998, which the profile's earliest
    // date admits): days to decision 30, 45, 60, 60, 90, 120, 150, 180, 200, 300 and 9,131.
    Row to = regionYear(out, "17", "2023");
    // The two pending (below) sit in a row of 12 − 11: the protection may hide the flows as
    // complements (D); a published value is the hand-worked one.
    assertPublishedOrComplement(to, "incoming", 12L);
    assertPublishedOrComplement(to, "resolved", 11L);
    assertPublishedOrComplement(to, "clearance_rate", 0.916667);
    assertEquals(120.0, to.<Double>getAs("median_days_to_decision"), 1e-9);
    assertEquals(300.0, to.<Double>getAs("p90_days_to_decision"), 1e-9);
    // 10 of the 11 civil and administrative filings were electronic (formato 1); distribution
    // (movement 26) came 0, 0, 0, 1, 1, 1, 2, 2, 3 and 5 days after filing.
    assertPublishedOrComplement(to, "e_filing_share", 0.909091);
    assertEquals(1.0, to.<Double>getAs("median_days_to_register_e_filing"), 1e-9);
    // Two cases pending at the end of 2023: below k = 10, so hidden with what rests on them.
    assertNull(to.getAs("pending_end"));
    assertNull(to.getAs("disposition_time_days"));
    assertTrue(to.<Boolean>getAs("suppressed"));
    String reason = to.getAs("suppression_reason");
    assertTrue(reason.contains("pending_end") && reason.contains("disposition_time_days") && reason.contains("fewer than 10"),
        reason);
    assertEquals("C", to.getAs("pending_end_status"));
    assertEquals("C", to.getAs("disposition_time_days_status"));

    // Bahia (29): three cases, every count hidden.
    Row ba = regionYear(out, "29", "2023");
    assertNull(ba.getAs("incoming"));
    assertTrue(ba.<Boolean>getAs("suppressed"));
    // The publication window starts with the run of years with k filings (2023: 15), not with
    // the 1998 filing; rows only for the units with cases filed or pending.
    List<Row> grid = spark.read().parquet(out.resolve("indicators/region_year").toString())
        .select("region_code", "period").collectAsList();
    assertEquals(java.util.Set.of("17", "29"), grid.stream().map(r -> r.getString(0)).collect(java.util.stream.Collectors.toSet()));
    assertTrue(grid.stream().allMatch(r -> r.getString(1).compareTo("2023") >= 0), grid.toString());

    assertTrue(Files.exists(out.resolve("anomalies/flags.csv")));
    assertTrue(Files.readString(out.resolve("report/index.html")).contains("Tocantins"));
  }

  @Test
  void indiaECourtsThroughTheProfile() throws Exception {
    SparkSession spark = SharedSpark.spark();
    IngestReport report = india.get();
    Path out = outputs.resolve("india-ecourts");

    // 17 cases, type and disposition codes named through DDL's key files (input/keys/).
    assertEquals(17, report.datasets().get(0).rowsRead());
    assertEquals(3, report.datasets().get(0).rowsQuarantined());
    List<Row> quarantined = spark.read().parquet(out.resolve("quarantine/cases").toString())
        .select(col("reason"), col("outcome"), col("decided_at")).orderBy("line").collectAsList();
    // A type code the key does not list: named, never guessed to be civil.
    assertEquals("unknown_code(type_names); missing_value(case_category)", quarantined.get(2).getString(0));
    // As for an invalid outcome in a contract file: the decision then lacks an outcome too.
    assertEquals("unmapped_value(outcome); decision_without_outcome", quarantined.get(0).getString(0));
    assertEquals("abated", quarantined.get(0).getString(1));
    assertEquals("invalid_date(decided_at); outcome_without_decision", quarantined.get(1).getString(0));
    assertEquals("2018/11/19", quarantined.get(1).getString(2));

    // Maharashtra (01), 2018: 12 cases filed, 10 decided after 10, 20, 35, 35, 50, 64, 90, 110,
    // 150 and 200 days: median (50 + 64) / 2, 90th percentile 150 + 0.1 × (200 − 150).
    Row mh = regionYear(out, "01", "2018");
    // Two cases pending (under k) are 12 − 10 only to a reader who knows the opening stock: it
    // is a 0 beside them, suppressed with them, so pending_end lies anywhere in [2, 9] (eight
    // possible counts, at least the width 5) and the flows stay published.
    assertEquals(12L, (long) mh.getAs("incoming"));
    assertEquals(10L, (long) mh.getAs("resolved"));
    assertEquals(10.0 / 12, mh.<Double>getAs("clearance_rate"), 1e-6);
    assertEquals("C", mh.getAs("pending_start_status"));
    assertEquals("C", mh.getAs("pending_end_status"));
    assertEquals(57.0, mh.<Double>getAs("median_days_to_decision"), 1e-9);
    assertEquals(155.0, mh.<Double>getAs("p90_days_to_decision"), 1e-9);
    // Seven civil cases filed: the e-filing share rests on fewer than 10, and is 0 by construction anyway.
    assertNull(mh.getAs("e_filing_share"));
    assertNull(mh.getAs("pending_end"));

    Row ingested = spark.read().parquet(out.resolve("ingested/cases").toString())
        .filter(col("filed_at").equalTo(java.sql.Date.valueOf("2018-04-02"))).first();
    assertEquals("01-25-04", ingested.<String>getAs("court_id"));
    assertEquals("criminal", ingested.<String>getAs("case_category"));
    assertEquals("convicted", ingested.<String>getAs("outcome"));
    assertEquals(java.sql.Date.valueOf("2018-04-22"), ingested.getAs("first_hearing_at"));
    assertFalse(ingested.<String>getAs("case_id").startsWith("01-25"), "the case id is pseudonymized");
    assertTrue(Files.exists(out.resolve("report/index.html")));
  }

  @Test
  void checkReportsUnmappedValuesPerColumn() throws Exception {
    ProfileCheck.Report report = check.get();

    assertEquals(20, report.rows());
    assertEquals(2, report.quarantined());
    ProfileCheck.ColumnResult category = column(report, "case_category");
    assertEquals(20, category.withValue());
    assertEquals(1, category.failing());
    assertEquals(java.util.Map.of("99999", 1L), category.failingValues());
    assertEquals(java.util.Map.of("9", 1L), column(report, "filing_channel").failingValues());
    ProfileCheck.ColumnResult decided = column(report, "decided_at");
    // 14 decided: ten in Tocantins in 2023, one in 2024, the 1998 case, one in Bahia, the appeal.
    assertEquals(14, decided.withValue());
    assertEquals(0, decided.failing());
    assertEquals("(not mapped: empty)", column(report, "hearing_format").mappedFrom());
    assertEquals(java.util.Map.of("unmapped_value(case_category)", 1L, "unmapped_value(filing_channel)", 1L), report.reasons());
    String text = report.render();
    assertTrue(text.contains("rows that would be quarantined: 2 of 20"), text);
    assertTrue(text.contains("99999 (1)"), text);
  }

  private static IngestReport run(String profile, LocalDate asOf) {
    MappingProfile mapping = MappingProfile.load(SharedSpark.spark(), PROFILES.resolve(profile + "/profile.json").toString());
    IngestOptions options = new IngestOptions(PROFILES.resolve(profile + "/input").toString(), asOf, 0.2, SampleRun.KEY)
        .withMapping(mapping.toInputMapping());
    return SampleRun.runAll(options, outputs.resolve(profile));
  }

  private static Row regionYear(Path out, String region, String period) {
    return SharedSpark.spark().read().parquet(out.resolve("indicators/region_year").toString())
        .filter(col("region_code").equalTo(region).and(col("period").equalTo(period))).first();
  }

  private static ProfileCheck.ColumnResult column(ProfileCheck.Report report, String name) {
    return report.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
  }

  /** A hand-worked value where it is published; else suppressed as a complement, status D. */
  private static void assertPublishedOrComplement(Row row, String column, Object expected) {
    Object published = row.getAs(column);
    if (published == null) {
      assertEquals("D", row.getAs(column + "_status"), column);
    } else if (expected instanceof Double d) {
      assertEquals(d, ((Number) published).doubleValue(), 1e-9, column);
    } else {
      assertEquals(expected, published, column);
    }
  }
}
