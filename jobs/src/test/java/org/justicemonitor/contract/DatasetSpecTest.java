package org.justicemonitor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** What each dataset of the contract declares about its rows and its stored layout. */
class DatasetSpecTest {

  @Test
  void casesDeclareTheContractsRowRulesVersionsAndLayout() {
    DatasetSpec cases = Contract.CASES;
    assertEquals(List.of("filed_at", "registered_at", "first_hearing_at", "decided_at", "published_at"), cases.timeOrder());
    assertEquals(List.of(
        new DatasetSpec.PresenceRule("outcome", "decided_at", "outcome_without_decision"),
        new DatasetSpec.PresenceRule("decided_at", "outcome", "decision_without_outcome")), cases.presenceRules());
    assertEquals(Optional.of("case_id"), cases.versionKey());
    assertEquals("filed_year", cases.partition().orElseThrow().column());
    assertEquals(List.of("filed_at", "case_id"), cases.sortKeys());
    // The stored table: the typed columns, then the partition column.
    assertEquals(18, cases.storedSchema().size());
    assertEquals(DataTypes.IntegerType, cases.storedSchema().apply("filed_year").dataType());
  }

  @Test
  void eventsAndIncidents() {
    assertEquals("event_month", Contract.SERVICE_EVENTS.partition().orElseThrow().column());
    assertEquals(List.of(), Contract.SERVICE_EVENTS.timeOrder());
    assertEquals(Optional.empty(), Contract.SERVICE_EVENTS.versionKey());
    assertEquals(List.of("detected_at", "resolved_at"), Contract.SECURITY_INCIDENTS.timeOrder());
    assertEquals(Optional.empty(), Contract.SECURITY_INCIDENTS.partition());
    assertEquals(Contract.SECURITY_INCIDENTS.typedSchema(), Contract.SECURITY_INCIDENTS.storedSchema());
  }

  @Test
  void aRuleOrKeyOnAColumnTheDatasetLacksIsRefused() {
    DatasetSpec spec = new DatasetSpec("x", List.of(ColumnSpec.of("a", ColumnType.DATE, true)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.withTimeOrder("a", "b"));
    assertEquals("x: no column b", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> spec.sortedBy("c"));
    assertThrows(IllegalArgumentException.class, () -> spec.versionedBy("id"));
  }
}
