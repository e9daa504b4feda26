package org.justicemonitor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.justicemonitor.contract.Contract;

/** Loading a profile: what it says, and every mistake named before any data is read. */
class MappingProfileTest {

  private static final String MINIMAL = """
      // comments are allowed
      {
        "profile": "mini",
        "regions": "regions-x.csv",
        "rules": {"earliest_date": "1990-01-01"},
        "datasets": {
          "cases": {
            "csv": {"delimiter": ";"},
            "columns": {
              "case_id": "id",
              "court_id": {"expr": "concat(a, '-', b)"},
              "court_level": {"constant": "district"},
              "region_code": "region",
              "case_category": {"source": "kind", "values": {"1": "civil", "2": "criminal", "9": null}},
              "filing_channel": {"constant": "other"},
              "filed_at": {"source": "filed", "format": "dd.MM.yyyy"},
            }
          }
        }
      }
      """;

  @Test
  void readsWhatTheProfileSays() {
    MappingProfile p = MappingProfile.parse(MINIMAL, "/profiles/mini/profile.json");
    assertEquals("mini", p.name());
    assertEquals(Optional.of("/profiles/mini/regions-x.csv"), p.regionsFile(), "relative to the profile");
    assertEquals(Optional.of(LocalDate.of(1990, 1, 1)), p.earliestDate());
    DatasetMapping cases = p.dataset(Contract.CASES).orElseThrow();
    assertEquals("cases", cases.directory());
    assertEquals(Map.of("delimiter", ";"), cases.csvOptions());
    assertEquals("id", cases.column("case_id").orElseThrow().describe());
    assertEquals("expr: concat(a, '-', b)", cases.column("court_id").orElseThrow().describe());
    assertEquals("constant: 'district'", cases.column("court_level").orElseThrow().describe());
    assertEquals(List.of("dd.MM.yyyy"), cases.column("filed_at").orElseThrow().formats());
    assertTrue(p.dataset(Contract.SERVICE_EVENTS).isEmpty());
    assertEquals(64, p.sha256().length());
    assertTrue(p.toInputMapping().id().startsWith("mini sha256:"));
  }

  @Test
  void namesEveryMistake() {
    assertMessage(MINIMAL.replace("\"regions\"", "\"region\""), "unknown key region");
    assertMessage(MINIMAL.replace("\"cases\": {", "\"court_cases\": {"), "no contract dataset court_cases");
    assertMessage(MINIMAL.replace("\"2\": \"criminal\"", "\"2\": \"crime\""), "crime is not a value of case_category");
    assertMessage(MINIMAL.replace("\"case_id\": \"id\",", ""), "the contract requires [case_id]");
    assertMessage(MINIMAL.replace("{\"constant\": \"district\"}", "{\"constant\": \"district\", \"source\": \"level\"}"),
        "exactly one of");
    assertMessage(MINIMAL.replace("\"region_code\": \"region\"", "\"region_code\": {\"source\": \"region\", \"format\": \"x\"}"),
        "only dates and timestamps have a format");
    assertMessage(MINIMAL.replace("\"csv\": {\"delimiter\": \";\"}", "\"csv\": {\"header\": \"false\"}"), "need a \"schema\"");
    assertMessage(MINIMAL.replace("\"1990-01-01\"", "\"01.01.1990\""), "not a date");
    assertMessage("{\"profile\": \"x\", \"datasets\": {\"cases\": {\"schema\": \"id STRUNG\", \"columns\": {}}}}", "not a Spark DDL");
    assertMessage("{\"profile\": ", "is not valid JSON");
  }

  private static void assertMessage(String profile, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappingProfile.parse(profile, "p.json"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
