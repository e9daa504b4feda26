package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.contract.RegionReference;

@ExtendWith(SharedSpark.class)
class RowValidatorTest {

  private static final PseudonymizationKey KEY = PseudonymizationKey.of("a-test-key-of-sufficient-length", "test");
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  private static List<Row> validate(DatasetSpec spec, List<Map<String, String>> rows) {
    @SuppressWarnings("unchecked")
    Dataset<Row> raw = RawRows.of(spec, "t.csv", rows.toArray(new Map[0]));
    RowValidator validator =
        new RowValidator(spec, Set.copyOf(RegionReference.shipped().codes()), AS_OF, new Pseudonymizer(KEY));
    return validator.validate(raw).orderBy(RawReader.SEQ).collectAsList();
  }

  private static String reasonOf(DatasetSpec spec, Map<String, String> row) {
    return validate(spec, List.of(row)).get(0).getAs(RowValidator.REASON);
  }

  /** The reason of each row, in order, from one validation of them all: one query, not one per row. */
  private static List<String> reasons(DatasetSpec spec, List<Map<String, String>> rows) {
    return validate(spec, rows).stream().map(r -> r.<String>getAs(RowValidator.REASON)).toList();
  }

  /** The reasons of good cases with one value changed each: column, value, column, value, ... */
  private static List<String> caseReasons(String... columnsAndValues) {
    List<Map<String, String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      rows.add(RawRows.with(RawRows.goodCase(), columnsAndValues[i], columnsAndValues[i + 1]));
    }
    return reasons(Contract.CASES, rows);
  }

  @Test
  void aGoodCaseHasNoReasonAndTypedValues() {
    Row r = validate(Contract.CASES, List.of(RawRows.goodCase())).get(0);
    assertNull(r.getAs(RowValidator.REASON));
    assertNull(r.getAs(RowValidator.QUARANTINE_RECORD));
    assertEquals(java.sql.Date.valueOf("2025-03-01"), r.getAs("decided_at"));
    assertEquals(Boolean.TRUE, r.getAs("party_represented"));
    assertEquals(Pseudonymizer.pseudonym(KEY, "KZ0000000001"), r.getAs("case_id"));
    assertEquals(Pseudonymizer.pseudonym(KEY, "71-D01-J01"), r.getAs("judge_id"));
    assertEquals("71-D01", r.getAs("court_id"));
  }

  @Test
  void typesAndEnums() {
    assertEquals(List.of("missing_value(filed_at)", "missing_value(filed_at)", "invalid_enum(court_level)",
            "invalid_date(filed_at)", "invalid_date(filed_at)", "invalid_boolean(appealed)", "unknown_region(region_code)"),
        caseReasons("filed_at", null, "filed_at", "  ", "court_level", "district_court", "filed_at", "2025-02-30",
            "filed_at", "10.01.2025", "appealed", "yes", "region_code", "99"));
  }

  @Test
  void enumsAndBooleansAreTrimmedAndCaseInsensitive() {
    List<Row> rows = validate(Contract.CASES, List.of(
        RawRows.with(RawRows.with(RawRows.goodCase(), "court_level", " District "), "party_represented", "TRUE"),
        RawRows.with(RawRows.with(RawRows.goodCase(), "court_level", "district"), "party_represented", " False "),
        RawRows.with(RawRows.with(RawRows.goodCase(), "court_level", "DISTRICT"), "party_represented", "false")));
    for (Row r : rows) {
      assertNull(r.getAs(RowValidator.REASON));
      assertEquals("district", r.getAs("court_level"));
    }
    assertEquals(List.of(true, false, false), rows.stream().map(r -> r.<Boolean>getAs("party_represented")).toList());
  }

  @Test
  void datesMustKeepTheirOrder() {
    // A null in between does not hide the order of the dates around it.
    Map<String, String> row = RawRows.with(RawRows.with(RawRows.goodCase(), "registered_at", null), "first_hearing_at", null);
    assertEquals(List.of("date_order(filed_at>registered_at)",
            "date_order(first_hearing_at>decided_at,first_hearing_at>published_at)", "date_order(filed_at>decided_at)"),
        reasons(Contract.CASES, List.of(RawRows.with(RawRows.goodCase(), "registered_at", "2025-01-09"),
            RawRows.with(RawRows.goodCase(), "first_hearing_at", "2025-03-10"), RawRows.with(row, "decided_at", "2025-01-05"))));
  }

  @Test
  void datesMustLieBetween2000AndTheExtractDate() {
    assertEquals(java.util.Arrays.asList("date_out_of_range(filed_at)", "date_out_of_range(published_at)", null),
        caseReasons("filed_at", "1999-12-31", "published_at", "2026-01-01", "published_at", "2025-12-31"));
  }

  @Test
  void outcomeIffDecided() {
    assertEquals(List.of("outcome_without_decision", "decision_without_outcome"), reasons(Contract.CASES, List.of(
        RawRows.with(RawRows.with(RawRows.goodCase(), "decided_at", null), "published_at", null),
        RawRows.with(RawRows.goodCase(), "outcome", null))));
  }

  @Test
  void personalDataInATextColumnIsQuarantinedMasked() {
    Row r = validate(Contract.CASES, List.of(RawRows.with(RawRows.goodCase(), "judge_id", "900101300017"))).get(0);
    assertEquals("pii_detected(judge_id)", r.getAs(RowValidator.REASON));
    Row record = r.getAs(RowValidator.QUARANTINE_RECORD);
    assertEquals("<IIN>", record.getAs("judge_id"));
    // The other identifier is pseudonymized, not clear, even in quarantine.
    assertEquals(Pseudonymizer.pseudonym(KEY, "KZ0000000001"), record.getAs("case_id"));
    assertEquals("2025-01-10", record.getAs("filed_at"));
  }

  @Test
  void severalProblemsAreAllNamed() {
    Map<String, String> row = RawRows.with(RawRows.with(RawRows.goodCase(), "court_level", "x"), "region_code", "99");
    assertEquals("invalid_enum(court_level); unknown_region(region_code)", reasonOf(Contract.CASES, row));
  }

  @Test
  void aMalformedRecordIsReportedAsSuchAndMasked() {
    Map<String, String> row = RawRows.with(RawRows.goodCase(), RawReader.CORRUPT_RECORD, "71-D01,x,+77012345678,extra");
    Row r = validate(Contract.CASES, List.of(row)).get(0);
    assertEquals("malformed_record; pii_detected(raw_record)", r.getAs(RowValidator.REASON));
    Row record = r.getAs(RowValidator.QUARANTINE_RECORD);
    // Only the record's shape: the contract's words stay, every other value is masked by class.
    assertEquals("99-A99,a,<PHONE>,aaaaa", record.getAs(RowValidator.RAW_RECORD));
    // No per-column guesses of the reader: they could put a clear identifier in any column.
    assertNull(record.getAs("case_id"));
    assertNull(record.getAs("court_id"));
  }

  @Test
  void aMalformedRecordKeepsNoIdentifierAndNoLinkToItsPseudonym() {
    Map<String, String> row = RawRows.with(RawRows.with(RawRows.goodCase(), RawReader.CORRUPT_RECORD,
        "EDGE-0005,71-D01,district,civil,\"Жанар Ахметова\",2025-02-30"), "case_id", "EDGE-0005");
    Row record = validate(Contract.CASES, List.of(row)).get(0).getAs(RowValidator.QUARANTINE_RECORD);
    assertEquals("AAAA-9999,99-A99,district,civil,\"Aaaaa Aaaaaaaa\",9999-99-99", record.getAs(RowValidator.RAW_RECORD));
    assertNull(record.getAs("case_id"));
  }

  @Test
  void serviceEventRules() {
    Map<String, String> good = RawRows.goodEvent();
    assertEquals(java.util.Arrays.asList(null, null, null, "timestamp_without_offset(event_ts)", "invalid_timestamp(event_ts)",
            "negative_value(latency_ms)", "invalid_number(latency_ms)", "pii_detected(session_id)"),
        reasons(Contract.SERVICE_EVENTS, List.of(good, RawRows.with(good, "region_code", "00"),
            RawRows.with(good, "event_ts", "2025-03-01T04:15:02Z"), RawRows.with(good, "event_ts", "2025-03-01T09:15:02"),
            RawRows.with(good, "event_ts", "01.03.2025 09:15"), RawRows.with(good, "latency_ms", "-5"),
            RawRows.with(good, "latency_ms", "12ms"), RawRows.with(good, "session_id", "user@mail.kz"))));
  }

  @Test
  void timestampsWithOffsetsAreInstants() {
    Row r = validate(Contract.SERVICE_EVENTS, List.of(RawRows.goodEvent())).get(0);
    assertEquals(java.time.Instant.parse("2025-03-01T04:15:02Z"), ((java.sql.Timestamp) r.getAs("event_ts")).toInstant());
  }

  @Test
  void incidentRules() {
    Map<String, String> good = RawRows.goodIncident();
    assertEquals(java.util.Arrays.asList(null, "date_order(detected_at>resolved_at)", "invalid_enum(severity)"),
        reasons(Contract.SECURITY_INCIDENTS, List.of(good, RawRows.with(good, "resolved_at", "2025-03-01T08:00:00+05:00"),
            RawRows.with(good, "severity", "severe"))));
  }

  /** A rollout names a court or, instead, a region; the region must be one of the reference. */
  @Test
  void rolloutRules() {
    Map<String, String> court = new java.util.HashMap<>(Map.of("program", "e_case_management", "court_id", "71-D01",
        "started_on", "2024-03-01"));
    Map<String, String> region = new java.util.HashMap<>(Map.of("program", "e_filing_portal", "region_code", "75",
        "started_on", "2023-09-01"));
    assertEquals(java.util.Arrays.asList(null, null, "no_adopting_unit", "unknown_region(region_code)", "missing_value(started_on)"),
        reasons(Contract.ROLLOUTS, List.of(court, region, RawRows.with(region, "region_code", ""),
            RawRows.with(region, "region_code", "98"), RawRows.with(court, "started_on", ""))));
  }

  @Test
  void validatedColumnsKeepTheContractOrderAndLineage() {
    Dataset<Row> raw = RawRows.cases(List.of(RawRows.goodCase()));
    Dataset<Row> out = new RowValidator(Contract.CASES, Set.of("71"), AS_OF, new Pseudonymizer(KEY)).validate(raw);
    assertEquals(Contract.CASES.columnNames(), List.of(out.columns()).subList(0, Contract.CASES.columns().size()));
    assertNotEquals(-1, List.of(out.columns()).indexOf(RawReader.SOURCE_FILE));
    assertEquals(1L, out.filter(col(RowValidator.REASON).isNull()).count());
  }
}
