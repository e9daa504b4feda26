package org.justicemonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The report as one self-contained HTML page: the template, Apache ECharts (from its webjar,
 * inlined), the report data and the labels of one language, all inside the file.
 */
public final class ReportPage {

  public static final List<String> LANGUAGES = List.of("en", "ru", "kk");

  private static final String ECHARTS_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportPage() {}

  public static String render(JsonNode data, String lang) {
    if (!LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("--lang must be one of " + LANGUAGES + ", cannot be: " + lang);
    }
    String version = echartsVersion();
    String echarts = resource("/META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js");
    try {
      JsonNode labels = JSON.readTree(resource("/report/labels.json")).get(lang);
      String page = withTables(withContents(resource("/report/template.html"), labels),
          new ReportTables(data, new PageLanguage(lang, labels, data.get("regions"), data.get("courts"))), labels);
      return page
          .replace("__TITLE__", escape(labels.get("title").asText()))
          .replace("__NUMBER_SYMBOLS__", JSON.writeValueAsString(numberSymbols(lang)))
          .replace("__DATES__", JSON.writeValueAsString(dates(data, lang)))
          .replace("__ECHARTS_VERSION__", version)
          .replace("__LANG__", lang)
          .replace("__BINS__", JSON.writeValueAsString(ReportData.binLabels()))
          .replace("__LABELS__", scriptSafe(JSON.writeValueAsString(labels)))
          .replace("__DATA__", scriptSafe(JSON.writeValueAsString(data)))
          // Last: the library's own text must not be searched for placeholders.
          .replace("__ECHARTS_LOCALE__", lang.equals("ru")
              ? resource("/META-INF/resources/webjars/echarts/" + version + "/i18n/langRU.js") : "")
          .replace("__ECHARTS__", echarts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compiled templates (jte-maven-plugin), HTML-escaping every value they are given. */
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(null, ContentType.Html, ReportPage.class.getClassLoader(), "org.justicemonitor.report.templates");

  /**
   * Each table rendered into its place ({@code <table id="…"></table>} in the template); the
   * flags' place says there are none when there are none, and the drill-down's selector lists
   * its regions.
   */
  static String withTables(String template, ReportTables tables, JsonNode labels) {
    String page = template;
    for (Table table : tables.all().values()) {
      String place = "<table id=\"" + table.id() + "\"></table>";
      if (!page.contains(place)) {
        throw new IllegalStateException("the report template has no place for " + table.id());
      }
      StringOutput html = new StringOutput();
      TEMPLATES.render("table.jte", table, html);
      page = page.replace(place, html.toString());
    }
    page = page.replace("<table id=\"flags-table\"></table>", "<p>" + escape(labels.path("no_flags").asText()) + "</p>");
    StringBuilder options = new StringBuilder();
    for (String[] region : tables.drilldownRegions()) {
      options.append("<option value=\"").append(escape(region[0])).append("\">").append(escape(region[1])).append("</option>");
    }
    return page.replace("<select id=\"region-select\"></select>", "<select id=\"region-select\">" + options + "</select>");
  }

  private static final java.util.regex.Pattern SECTION =
      java.util.regex.Pattern.compile("<section><h2 data-label=\"([a-z_0-9]+)\"></h2>");

  /**
   * Each section's heading written in the page's language and given an anchor, and the table of
   * contents built from them: both read without scripts, in print and by screen readers.
   */
  static String withContents(String template, JsonNode labels) {
    StringBuilder contents = new StringBuilder("<nav class=\"contents\" aria-labelledby=\"contents\"><section>")
        .append("<h2 id=\"contents\">").append(escape(labels.get("contents").asText())).append("</h2><ol>");
    java.util.regex.Matcher m = SECTION.matcher(template);
    StringBuilder page = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String heading = escape(labels.get(key).asText());
      contents.append("<li><a href=\"#section-").append(key).append("\">").append(heading).append("</a></li>");
      m.appendReplacement(page, java.util.regex.Matcher.quoteReplacement(
          "<section id=\"section-" + key + "\"><h2 data-label=\"" + key + "\">" + heading + "</h2>"));
    }
    m.appendTail(page);
    contents.append("</ol></section></nav>");
    return page.toString().replace("__CONTENTS__", contents);
  }

  /**
   * The extract date and the time the report was made, written as the language writes dates (the
   * JDK's CLDR data: "31 декабря 2025 г.", "2025 ж. 31 желтоқсан"); empty where the run has none.
   */
  static java.util.Map<String, String> dates(JsonNode data, String lang) {
    java.util.Locale locale = java.util.Locale.forLanguageTag(lang);
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
        .withLocale(locale);
    String asOf = data.path("ingest").path("as_of").asText("");
    String generated = data.path("generated_at").asText("");
    java.util.Map<String, String> dates = new java.util.LinkedHashMap<>();
    dates.put("as_of", asOf.isEmpty() ? "" : java.time.LocalDate.parse(asOf).format(day));
    if (generated.isEmpty()) {
      dates.put("generated", "");
    } else {
      java.time.ZonedDateTime at = java.time.Instant.parse(generated).atZone(java.time.ZoneOffset.UTC);
      dates.put("generated", at.format(day) + ", " + at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")) + " UTC");
    }
    return dates;
  }

  /**
   * The decimal and grouping separators of a language, from the JDK's CLDR data; in this order, so
   * that the page is the same bytes from one run to the next (a {@code Map.of}'s order is not).
   */
  static java.util.Map<String, String> numberSymbols(String lang) {
    java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag(lang));
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    out.put("decimal", String.valueOf(symbols.getDecimalSeparator()));
    out.put("group", String.valueOf(symbols.getGroupingSeparator()));
    return out;
  }

  /** Text for HTML: labels are ours, but a translation may hold {@code &} or {@code <}. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** JSON inside a script element: "</" could end the element early. */
  static String scriptSafe(String json) {
    return json.replace("</", "<\\/");
  }

  static String echartsVersion() {
    try (InputStream in = ReportPage.class.getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        throw new IllegalStateException("Apache ECharts is missing from the class path (" + ECHARTS_POM + ")");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = ReportPage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
