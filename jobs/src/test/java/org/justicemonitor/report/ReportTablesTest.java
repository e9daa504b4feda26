package org.justicemonitor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's tables as the JVM writes them, from a few hand-made rows: order, formats, cell status, escaping. */
class ReportTablesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode data() throws Exception {
    return JSON.readTree("""
        {"regions": [
           {"region_code": "75", "name_en": "Almaty", "name_ru": "Алматы", "name_kk": "Алматы"},
           {"region_code": "11", "name_en": "Akmola <Region> & co", "name_ru": "Акмолинская область", "name_kk": "Ақмола облысы"}],
         "region_year": [
           {"region_code": "75", "period": "2025", "incoming": 9389, "incoming_status": "A", "resolved": null, "resolved_status": "C",
            "clearance_rate": null, "clearance_rate_status": "D", "e_filing_share": null, "e_filing_share_status": "M",
            "median_days_to_decision": 27.25, "median_days_to_decision_status": "A",
            "suppressed": true, "suppression_reason": "resolved: fewer than 10 cases"},
           {"region_code": "11", "period": "2025", "incoming": 335, "incoming_status": "A", "resolved": 333, "resolved_status": "A",
            "clearance_rate": 0.99403, "clearance_rate_status": "A", "e_filing_share": 0.5, "e_filing_share_status": "A",
            "median_days_to_decision": 30, "median_days_to_decision_status": "A", "suppressed": false, "suppression_reason": null},
           {"region_code": "11", "period": "2024", "incoming": 1, "incoming_status": "A"}],
         "national_year": [{"period": "2025", "incoming": 9724, "resolved": 9658, "clearance_rate": 0.993184}],
         "courts": [{"court_id": "11-D01", "name_en": "Akmola district court no. 1", "name_ru": "Районный суд № 1", "name_kk": null}],
         "court_year": [{"court_id": "11-D01", "region_code": "11", "incoming": 335}, {"court_id": "75-D09", "region_code": "75"}]}
        """);
  }

  private static ReportTables tables(String lang) throws Exception {
    JsonNode labels = JSON.readTree(ReportTablesTest.class.getResourceAsStream("/report/labels.json")).get(lang);
    JsonNode data = data();
    return new ReportTables(data, new PageLanguage(lang, labels, data.get("regions"), data.get("courts")));
  }

  private static String text(Table.Cell c) {
    return c.spans().get(0).text();
  }

  @Test
  void regionsAreInNameOrderWithTheCountryAsFooterAndEachEmptyCellSaysWhy() throws Exception {
    Table t = tables("ru").regional();
    List<Table.Row> rows = t.bodies().get(0).rows();
    // Only the latest year; by Russian name: Акмолинская before Алматы.
    assertEquals(2, rows.size());
    assertEquals("Акмолинская область", text(rows.get(0).cells().get(0)));
    assertEquals("Алматы", text(rows.get(1).cells().get(0)));
    // Columns: region, incoming, resolved, clearance, disposition, median days, e-filing, online, failures.
    List<Table.Cell> almaty = rows.get(1).cells();
    assertEquals("9\u00a0389", text(almaty.get(1)), "grouped with the JDK's Russian separator");
    assertEquals("9389.0", almaty.get(1).sort());
    assertEquals("скрыто: меньше k дел", text(almaty.get(2)), "C: primary suppression");
    assertEquals("resolved: fewer than 10 cases", almaty.get(2).title());
    assertEquals("скрыто: защищает соседнюю малую ячейку", text(almaty.get(3)), "D: complementary suppression");
    assertEquals("—", text(almaty.get(6)), "M: not applicable");
    assertEquals("неприменимо: нечего делить или измерять", almaty.get(6).title());
    assertEquals("27,3", text(almaty.get(5)), "days to one decimal, half away from zero");
    assertEquals("99,4%", text(rows.get(0).cells().get(3)));
    assertEquals("Вся страна", text(t.foot().get(0).cells().get(0)));
    assertEquals("99,3%", text(t.foot().get(0).cells().get(3)));
  }

  @Test
  void theDrillDownHasOneBodyPerRegionTheFirstShownAndRanksWithTheirBase() throws Exception {
    Table t = tables("en").drilldown();
    assertEquals(2, t.bodies().size());
    assertEquals("11", t.bodies().get(0).key());
    assertFalse(t.bodies().get(0).hidden());
    assertTrue(t.bodies().get(1).hidden());
    // Akmola's incoming is the smaller of the two: rank 2 of 2 (1 = the largest).
    Table.Row incoming = t.bodies().get(0).rows().get(0);
    assertEquals("2 / 2", text(incoming.cells().get(3)));
    assertEquals("9,724", text(incoming.cells().get(2)));
  }

  /** A court reads by its name in the page's language (English where it has none), its code beside it; unnamed, by code. */
  @Test
  void courtsReadByNameWithTheirCodeBeside() throws Exception {
    List<Table.Row> ru = tables("ru").courts().bodies().get(0).rows();
    assertEquals(List.of(Table.Span.text("Районный суд № 1"), Table.Span.text(" "), Table.Span.code("11-D01")),
        ru.get(0).cells().get(0).spans());
    assertEquals("Акмолинская область", text(ru.get(0).cells().get(1)));
    assertEquals("Akmola district court no. 1", text(tables("kk").courts().bodies().get(0).rows().get(0).cells().get(0)));
    assertEquals(List.of(Table.Span.text("75-D09")), ru.get(1).cells().get(0).spans());
  }

  @Test
  void theRenderedPageEscapesEveryValue() throws Exception {
    JsonNode labels = JSON.readTree(ReportTablesTest.class.getResourceAsStream("/report/labels.json")).get("en");
    String page = ReportPage.withTables("<table id=\"regional-table\"></table><table id=\"drilldown-table\"></table>"
        + "<table id=\"access-table\"></table><table id=\"availability-table\"></table><table id=\"security-table\"></table>"
        + "<table id=\"channel-table\"></table><table id=\"court-table\"></table><table id=\"theil-table\"></table>"
        + "<table id=\"equivalence-table\"></table><table id=\"court-quality-table\"></table>"
        + "<table id=\"column-quality-table\"></table><table id=\"ingest-table\"></table>"
        + "<table id=\"flags-table\"></table><select id=\"region-select\"></select>", tables("en"), labels);
    assertTrue(page.contains("Akmola &lt;Region&gt; &amp; co"), page);
    assertFalse(page.contains("<Region>"));
    assertTrue(page.contains("<option value=\"11\">Akmola &lt;Region&gt; &amp; co</option>"));
    assertTrue(page.contains("<p>" + ReportPage.escape(labels.get("no_flags").asText()) + "</p>"), "no flags: said in words");
    assertTrue(page.contains("<tbody data-key=\"75\" hidden>"));
  }
}
