package org.justicemonitor.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declarations are the tables' documentation, and hold together. */
class TableDocsTest {

  private static final Path DOCS = Path.of("..", "docs", "indicator-tables.md");

  @Test
  void theCommittedDocsAreWhatTheDeclarationsSay() throws IOException {
    String expected = TableDocs.markdown(IndicatorTables.ALL);
    if (Boolean.parseBoolean(System.getenv("JUSTICE_MONITOR_WRITE_DOCS"))) {
      Files.writeString(DOCS, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(DOCS, StandardCharsets.UTF_8),
        "docs/indicator-tables.md is stale: regenerate it (its first lines say how)");
  }

  @Test
  void everyColumnIsDescribedAndEveryRuleNamesAColumnOfTheTableOrACountItDivides() {
    for (TableDeclaration t : IndicatorTables.ALL) {
      Set<String> seen = new HashSet<>();
      for (String column : t.columns()) {
        assertTrue(seen.add(column), t.name() + ": " + column + " twice");
        assertTrue(t.describe(column).filter(d -> !d.isBlank()).isPresent(), t.name() + ": " + column + " undescribed");
      }
      assertTrue(t.columns().containsAll(t.grain()), t.name() + ": grain");
      assertTrue(t.columns().containsAll(t.sortBy()), t.name() + ": sort order");
      for (Measure m : t.ruled()) {
        assertTrue(!t.restsOn(m).isEmpty(), t.name() + ": " + m.column() + " rests on nothing");
      }
    }
  }

  @Test
  void linkedTablesEndTheirGrainWithThePeriod() {
    for (TableDeclaration t : IndicatorTables.LINKED) {
      assertEquals("period", t.grain().get(t.grain().size() - 1), t.name());
      assertTrue(!t.counts().isEmpty(), t.name());
    }
  }

  @Test
  void aRatioOfTwoPublishedCountsRestsOnBothAndGivesThemAway() {
    Measure clearance = IndicatorTables.COURT_YEAR.measure("clearance_rate").orElseThrow();
    assertEquals(List.of("incoming", "resolved"), IndicatorTables.COURT_YEAR.restsOn(clearance));
    assertTrue(IndicatorTables.COURT_YEAR.numeratorRule(clearance).isEmpty());
    Measure failures = IndicatorTables.REGION_YEAR.measure("service_failure_rate").orElseThrow();
    assertEquals(List.of("service_requests"), IndicatorTables.REGION_YEAR.restsOn(failures));
    // Failures are service events, not people's cases: no numerator rule.
    assertTrue(IndicatorTables.REGION_YEAR.numeratorRule(failures).isEmpty());
    // A share of the incoming cases rests on incoming too, and its unpublished numerator is ruled.
    Measure kazakh = IndicatorTables.COURT_YEAR.measure("kk_language_share").orElseThrow();
    assertEquals(List.of("language_known", "incoming"), IndicatorTables.COURT_YEAR.restsOn(kazakh));
    assertEquals(java.util.Optional.of("kk_language_cases"), IndicatorTables.COURT_YEAR.numeratorRule(kazakh));
  }
}
