package org.justicemonitor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the page holds before any script runs: its title, headings and contents, in each language, and how it prints. */
class ReportPageTest {

  private static String page(String lang) throws Exception {
    return ReportPage.render(new ObjectMapper().readTree("{}"), lang);
  }

  @Test
  void theTitleHeadingsAndContentsAreInThePagesLanguageWithoutScripts() throws Exception {
    var labels = new ObjectMapper().readTree(ReportPageTest.class.getResourceAsStream("/report/labels.json"));
    for (String lang : ReportPage.LANGUAGES) {
      String html = page(lang);
      assertTrue(html.contains("<title>" + ReportPage.escape(labels.get(lang).get("title").asText()) + "</title>"), lang);
      // Every section heading is written in the page, and the contents link to each, in page order.
      Matcher heading = Pattern.compile("<section id=\"section-([a-z_0-9]+)\"><h2 data-label=\"\\1\">([^<]+)</h2>").matcher(html);
      List<String> sections = new ArrayList<>();
      while (heading.find()) {
        sections.add(heading.group(1));
        assertEquals(ReportPage.escape(labels.get(lang).get(heading.group(1)).asText()), heading.group(2), lang);
      }
      assertEquals(21, sections.size(), lang + ": " + sections);
      assertEquals("findings", sections.get(0), lang + ": key findings come first");
      assertTrue(sections.containsAll(List.of("headline", "regional_table", "impact", "flags", "method")), sections.toString());
      Matcher link = Pattern.compile("<li><a href=\"#section-([a-z_0-9]+)\">").matcher(html);
      List<String> linked = new ArrayList<>();
      while (link.find()) {
        linked.add(link.group(1));
      }
      assertEquals(sections, linked, lang + ": the contents list every section in order");
      assertTrue(html.contains("<h2 id=\"contents\">" + labels.get(lang).get("contents").asText() + "</h2>"), lang);
      assertFalse(html.contains("__CONTENTS__") || html.contains("__TITLE__"), lang);
    }
    assertTrue(page("ru").contains("<title>Justice Monitor: цифровое правосудие по регионам</title>"));
  }

  @Test
  void onPaperEveryRowIsShownAndNothingScrolls() throws Exception {
    String html = page("en");
    String print = html.substring(html.indexOf("@media print"), html.indexOf("</style>"));
    assertTrue(print.contains(".scroll { max-height: none !important; overflow: visible; }"), print);
    assertTrue(print.contains("@page { size: A4"), print);
  }

  @Test
  void numbersAreWrittenWithTheLanguagesSeparatorsFromTheJdk() throws Exception {
    // CLDR: 9 389,5 in Russian and Kazakh, 9,389.5 in English; the browser's own data is not relied on.
    assertEquals(java.util.Map.of("decimal", ",", "group", "\u00a0"), ReportPage.numberSymbols("ru"));
    assertEquals(java.util.Map.of("decimal", ",", "group", "\u00a0"), ReportPage.numberSymbols("kk"));
    assertEquals(java.util.Map.of("decimal", ".", "group", ","), ReportPage.numberSymbols("en"));
    assertEquals(java.util.List.of("decimal", "group"), java.util.List.copyOf(ReportPage.numberSymbols("en").keySet()));
    assertTrue(page("kk").contains("const NUMBER = {"), "the page carries its separators");
    // ECharts' own words in Russian on the ru page only (it has no Kazakh locale).
    assertTrue(page("ru").contains("registerLocale('RU'") || page("ru").contains("registerLocale(\"RU\""));
    assertFalse(page("kk").contains("registerLocale('RU'"));
  }

  @Test
  void datesAreWrittenAsEachLanguageWritesThem() throws Exception {
    var data = new ObjectMapper().readTree("{\"ingest\": {\"as_of\": \"2025-12-31\"}, \"generated_at\": \"2026-12-07T00:15:48Z\"}");
    assertEquals(java.util.Map.of("as_of", "31 декабря 2025 г.", "generated", "7 декабря 2026 г., 00:15 UTC"), ReportPage.dates(data, "ru"));
    assertEquals("2025 ж. 31 желтоқсан", ReportPage.dates(data, "kk").get("as_of"));
    assertEquals("December 31, 2025", ReportPage.dates(data, "en").get("as_of"));
    assertTrue(ReportPage.render(data, "ru").contains("\"as_of\":\"31 декабря 2025 г.\""));
    assertEquals("", ReportPage.dates(new ObjectMapper().readTree("{}"), "en").get("as_of"));
  }

  @Test
  void headingsAreEscapedForHtml() {
    assertEquals("Courts &amp; regions &lt;2025&gt;", ReportPage.escape("Courts & regions <2025>"));
  }
}
