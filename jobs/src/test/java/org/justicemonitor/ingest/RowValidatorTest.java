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

  private static String caseReason(String column, String value) {
    return reasonOf(Contract.CASES, RawRows.with(RawRows.goodCase(), column, value));
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
    assertEquals("missing_value(filed_at)", caseReason("filed_at", null));
    assertEquals("missing_value(filed_at)", caseReason("filed_at", "  "));
    assertEquals("invalid_enum(court_level)", caseReason("court_level", "district_court"));
    assertEquals("invalid_date(filed_at)", caseReason("filed_at", "2025-02-30"));
    assertEquals("invalid_date(filed_at)", caseReason("filed_at", "10.01.2025"));
    assertEquals("invalid_boolean(appealed)", caseReason("appealed", "yes"));
    assertEquals("unknown_region(region_code)", caseReason("region_code", "99"));
  }

  @Test
  void enumsAreTrimmedAndCaseInsensitive() {
    Row r = validate(Contract.CASES, List.of(RawRows.with(RawRows.goodCase(), "court_level", " District "))).get(0);
    assertNull(r.getAs(RowValidator.REASON));
    assertEquals("district", r.getAs("court_level"));
  }

  @Test
  void datesMustKeepTheirOrder() {
    assertEquals("date_order(filed_at>registered_at)", caseReason("registered_at", "2025-01-09"));
    assertEquals("date_order(first_hearing_at>decided_at,first_hearing_at>published_at)", caseReason("first_hearing_at", "2025-03-10"));
    // A null in between does not hide the order of the dates around it.
    Map<String, String> row = RawRows.with(RawRows.with(RawRows.goodCase(), "registered_at", null), "first_hearing_at", null);
    assertEquals("date_order(filed_at>decided_at)", reasonOf(Contract.CASES, RawRows.with(row, "decided_at", "2025-01-05")));
  }

  @Test
  void datesMustLieBetween2000AndTheExtractDate() {
    assertEquals("date_out_of_range(filed_at)", caseReason("filed_at", "1999-12-31"));
    Map<String, String> late = RawRows.with(RawRows.goodCase(), "published_at", "2026-01-01");
    assertEquals("date_out_of_range(published_at)", reasonOf(Contract.CASES, late));
    assertNull(reasonOf(Contract.CASES, RawRows.with(RawRows.goodCase(), "published_at", "2025-12-31")));
  }

  @Test
  void outcomeIffDecided() {
    assertEquals("outcome_without_decision", reasonOf(Contract.CASES,
        RawRows.with(RawRows.with(RawRows.goodCase(), "decided_at", null), "published_at", null)));
    assertEquals("decision_without_outcome", caseReason("outcome", null));
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
    assertNull(reasonOf(Contract.SERVICE_EVENTS, RawRows.goodEvent()));
    assertNull(reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "region_code", "00")));
    assertNull(reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "event_ts", "2025-03-01T04:15:02Z")));
    assertEquals("timestamp_without_offset(event_ts)",
        reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "event_ts", "2025-03-01T09:15:02")));
    assertEquals("invalid_timestamp(event_ts)",
        reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "event_ts", "01.03.2025 09:15")));
    assertEquals("negative_value(latency_ms)", reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "latency_ms", "-5")));
    assertEquals("invalid_number(latency_ms)", reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "latency_ms", "12ms")));
    assertEquals("pii_detected(session_id)",
        reasonOf(Contract.SERVICE_EVENTS, RawRows.with(RawRows.goodEvent(), "session_id", "user@mail.kz")));
  }

  @Test
  void timestampsWithOffsetsAreInstants() {
    Row r = validate(Contract.SERVICE_EVENTS, List.of(RawRows.goodEvent())).get(0);
    assertEquals(java.time.Instant.parse("2025-03-01T04:15:02Z"), ((java.sql.Timestamp) r.getAs("event_ts")).toInstant());
  }

  @Test
  void incidentRules() {
    assertNull(reasonOf(Contract.SECURITY_INCIDENTS, RawRows.goodIncident()));
    assertEquals("date_order(detected_at>resolved_at)",
        reasonOf(Contract.SECURITY_INCIDENTS, RawRows.with(RawRows.goodIncident(), "resolved_at", "2025-03-01T08:00:00+05:00")));
    assertEquals("invalid_enum(severity)", reasonOf(Contract.SECURITY_INCIDENTS, RawRows.with(RawRows.goodIncident(), "severity", "severe")));
  }

  /** A rollout names a court or, instead, a region; the region must be one of the reference. */
  @Test
  void rolloutRules() {
    Map<String, String> court = new java.util.HashMap<>(Map.of("program", "e_case_management", "court_id", "71-D01",
        "started_on", "2024-03-01"));
    assertNull(reasonOf(Contract.ROLLOUTS, court));
    Map<String, String> region = new java.util.HashMap<>(Map.of("program", "e_filing_portal", "region_code", "75",
        "started_on", "2023-09-01"));
    assertNull(reasonOf(Contract.ROLLOUTS, region));
    assertEquals("no_adopting_unit", reasonOf(Contract.ROLLOUTS, RawRows.with(region, "region_code", "")));
    assertEquals("unknown_region(region_code)", reasonOf(Contract.ROLLOUTS, RawRows.with(region, "region_code", "98")));
    assertEquals("missing_value(started_on)", reasonOf(Contract.ROLLOUTS, RawRows.with(court, "started_on", "")));
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
