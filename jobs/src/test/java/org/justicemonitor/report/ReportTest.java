package org.justicemonitor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.catalog.Catalog;

/**
 * The report of the sample run: self-contained, in three languages, and drawn by a real headless
 * Chromium with no console error and nothing fetched. CI installs Debian's chromium, so there the
 * browser test always runs; elsewhere it runs when chromium is on the PATH.
 */
@ExtendWith(SharedSpark.class)
class ReportTest {

  private static final int CHARTS = 9;

  @Test
  void thePageIsOneSelfContainedFileInEachLanguage() throws IOException {
    for (String lang : ReportPage.LANGUAGES) {
      String html = Files.readString(SampleRun.report(lang), StandardCharsets.UTF_8);
      assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + lang + "\">"), lang);
      // Nothing to fetch: no element of the page loads a source or a style sheet from anywhere.
      // (The inlined library's own code, which builds elements at run time, is left out of this
      // look; the browser test below checks what actually happens.)
      int library = html.indexOf("/* Apache ECharts");
      String page = html.substring(0, library) + html.substring(html.indexOf("</script>", library));
      Matcher external = Pattern.compile("<(script|link|img|iframe)\\b[^>]*\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(page);
      assertFalse(external.find(), lang + ": " + (external.find(0) ? external.group() : ""));
      assertTrue(html.contains("default-src 'none'"), "the page forbids itself any request");
      assertTrue(html.contains("echarts"), "the chart library is inlined");
    }
    String ru = Files.readString(SampleRun.report("ru"), StandardCharsets.UTF_8);
    assertTrue(ru.contains("цифровое правосудие по регионам"));
    assertTrue(ru.contains("область Абай"), "region names come from the regions file");
    String kk = Files.readString(SampleRun.report("kk"), StandardCharsets.UTF_8);
    assertTrue(kk.contains("Абай облысы"));
  }

  @Test
  void noIdentifierOrPersonalDataInAnyOutputOfTheRun() throws IOException {
    Path out = SampleRun.report("en").getParent().getParent();
    List<Path> files;
    try (var walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    int read = 0;
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".html")) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        read++;
        for (String secret : SampleRun.SECRETS) {
          assertFalse(text.contains(secret), out.relativize(f) + " holds " + secret);
        }
      }
    }
    assertTrue(read >= 18, "text outputs read: " + read);
    java.util.TreeSet<Path> tables = new java.util.TreeSet<>();
    files.stream().filter(f -> f.getFileName().toString().endsWith(".parquet") && !f.toString().contains("/anomalies/models/"))
        .forEach(f -> tables.add(f.getParent()));
    for (Path table : tables) {
      org.apache.spark.sql.Column row = org.apache.spark.sql.functions.to_json(
          org.apache.spark.sql.functions.struct(org.apache.spark.sql.functions.col("*")));
      org.apache.spark.sql.Column leak = org.apache.spark.sql.functions.lit(false);
      for (String secret : SampleRun.SECRETS) {
        leak = leak.or(row.contains(secret));
      }
      assertEquals(0L, SharedSpark.spark().read().parquet(table.toString()).filter(leak).count(), out.relativize(table).toString());
    }
  }

  @Test
  void thePageShowsOnlyWhatThePublishedTablesShowAndNoFlagFigures() throws IOException {
    Path page = SampleRun.report("en");
    Catalog catalog = Catalog.published(SharedSpark.spark(), SampleRun.anomalies().toString());
    assertEquals(List.of(), ReportDisclosure.check(catalog));
    String html = Files.readString(page, StandardCharsets.UTF_8);
    // The histogram comes from the published table: its small bins are suppressed, not drawn.
    assertTrue(html.contains("\"days_histogram\""));
    assertFalse(html.contains("\"explanation\""), "flag explanations quote exact counts");
    assertFalse(html.contains("\"actual\""));
    assertEquals(html, Files.readString(page.resolveSibling("index.html"), StandardCharsets.UTF_8), "index.html is the en page");
  }

  @Test
  void theAuditReadsEveryLanguagesPage() throws IOException {
    // A copy of the sample run whose Kazakh page quotes a flag's exact figures: found, on that page.
    Path copy = Files.createTempDirectory("justice-monitor-report-audit");
    Path root = SampleRun.anomalies();
    SampleRun.report("kk");
    try (var paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        Path target = copy.resolve(root.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Path kk = copy.resolve(Catalog.reportPage("kk"));
    String page = Files.readString(kk, StandardCharsets.UTF_8);
    assertTrue(page.contains("\"flags\":[{"));
    Files.writeString(kk, page.replace("\"flags\":[{", "\"flags\":[{\"actual\":7,"), StandardCharsets.UTF_8);
    List<org.justicemonitor.disclosure.DisclosureAudit.Finding> findings =
        ReportDisclosure.check(Catalog.published(SharedSpark.spark(), copy.toString()));
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(Catalog.reportPage("kk"), findings.get(0).output());
  }

  @Test
  void chromiumDrawsEveryChartWithoutErrorsOrRequests() throws Exception {
    String chromium = requireChromium();
    Path page = SampleRun.report("en");
    String url = page.toUri().toString();

    Result dom = chromium(chromium, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", url);
    Matcher drawn = Pattern.compile("data-charts-drawn=\"(\\d+)\"").matcher(dom.out());
    assertTrue(drawn.find(), "no chart counter in the page");
    assertEquals(String.valueOf(CHARTS), drawn.group(1), "charts drawn");
    for (String line : dom.err().split("\n")) {
      // Console messages and blocked requests (the page's policy refuses any) are logged here.
      assertFalse(line.contains(":CONSOLE(") && !line.contains("\"[verbose]"), "console: " + line);
      assertFalse(line.contains("Refused to"), "a request was attempted: " + line);
    }

    Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    chromium(chromium, "--hide-scrollbars", "--window-size=1300,4200", "--virtual-time-budget=10000",
        "--screenshot=" + screenshot, url);
    assertTrue(Files.size(screenshot) > 50_000, "screenshot " + screenshot);
  }

  @Test
  void everyLanguageIsDrawnWithNoRawKeyAndTheRussianAndKazakhPagesWithNoEnglish() throws Exception {
    String chromium = requireChromium();
    com.fasterxml.jackson.databind.JsonNode labels = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(ReportTest.class.getResourceAsStream("/report/labels.json"));
    Pattern rawKey = Pattern.compile("\\b[a-z]+(_[a-z0-9]+)+\\b");
    for (String lang : ReportPage.LANGUAGES) {
      Result dom = chromium(chromium, "--virtual-time-budget=10000", "--dump-dom", SampleRun.report(lang).toUri().toString());
      Matcher drawn = Pattern.compile("data-charts-drawn=\"(\\d+)\"").matcher(dom.out());
      assertTrue(drawn.find() && drawn.group(1).equals(String.valueOf(CHARTS)), lang + ": charts drawn");
      String text = visibleText(dom.out());
      // Key findings in words: the year's flow, the e-filing share, the two widest regional gaps, the impact.
      Matcher findings = Pattern.compile("(?s)<ul id=\"findings\">(.*?)</ul>").matcher(dom.out());
      assertTrue(findings.find() && findings.group(1).split("<li>").length - 1 >= 5, lang + ": key findings");
      // Every section has its heading in this language.
      for (String section : List.of("findings", "headline", "chart_e_filing", "chart_days", "chart_inequality", "chart_failures", "chart_dji",
          "court_quality", "theil", "equivalence",
          "access", "chart_pending", "availability", "service_users", "column_quality", "security", "impact", "regional_table", "drilldown", "courts", "court_card", "flags",
          "quality", "method")) {
        assertTrue(text.contains(labels.get(lang).get(section).asText()), lang + ": section " + section);
      }
      // A label key or a raw code shown as text (identifiers belong in <code>, left out of the text).
      Matcher key = rawKey.matcher(text);
      assertFalse(key.find(), lang + ": raw key on the page: " + (key.find(0) ? key.group() : ""));
      if (lang.equals("en")) {
        continue;
      }
      // Numbers in the page's language: no English decimal point (5.1) in Russian or Kazakh text.
      Matcher english = Pattern.compile("\\b\\d+\\.\\d+\\b").matcher(text);
      assertFalse(english.find(), lang + ": an English-formatted number: " + (english.find(0) ? english.group() : ""));
      // No English phrase of the labels (one of two words or more; a label copied untranslated too).
      var names = labels.get("en").fieldNames();
      while (names.hasNext()) {
        String words = labels.get("en").get(names.next()).asText().replaceAll("\\{\\w+\\}.*", "").trim();
        assertFalse(words.contains(" ") && text.contains(words), lang + ": English on the page: " + words);
      }
    }
  }

  /**
   * Charts' words, measured in the browser (a script injected into a copy of each page): no two
   * texts of a chart overlap (the histogram's legend over its axis in ru, once), and the tile
   * map's region names break between words, never inside one ("Акмолинская област" / "ь", once).
   */
  @Test
  void noChartTextOverlapsAndNoRegionNameBreaksInsideAWord() throws Exception {
    String chromium = requireChromium();
    String measure = new String(ReportTest.class.getResourceAsStream("/report/measure-text.js.html").readAllBytes(),
        StandardCharsets.UTF_8);
    for (String lang : ReportPage.LANGUAGES) {
      String html = Files.readString(SampleRun.report(lang), StandardCharsets.UTF_8);
      int end = html.lastIndexOf("</body>");
      Path copy = Files.createTempFile("report-" + lang, ".html");
      Files.writeString(copy, html.substring(0, end) + measure + html.substring(end), StandardCharsets.UTF_8);
      String dom = chromium(chromium, "--window-size=1300,1500", "--virtual-time-budget=15000", "--dump-dom", copy.toUri().toString()).out();
      Files.delete(copy);
      assertTrue(dom.contains("data-measured=\"yes\""), lang + ": the measuring script ran");
      Matcher overlaps = Pattern.compile("data-overlaps=\"(\\d+)\"").matcher(dom);
      Matcher list = Pattern.compile("data-overlap-list=\"([^\"]*)\"").matcher(dom);
      assertTrue(overlaps.find());
      assertEquals("0", overlaps.group(1), lang + ": overlapping chart text: " + (list.find() ? list.group(1) : ""));
      Matcher broken = Pattern.compile("data-broken=\"([^\"]*)\"").matcher(dom);
      assertTrue(broken.find());
      assertEquals("", broken.group(1), lang + ": region names broken inside a word");
    }
  }

  /** What a reader sees of a dumped page: no script, style or code, no tags. */
  private static String visibleText(String html) {
    return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
        .replaceAll("(?s)<code>.*?</code>", " ").replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&").replace("&nbsp;", " ");
  }

  private record Result(String out, String err) {}

  private static Result chromium(String binary, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--user-data-dir=" + Files.createTempDirectory("chromium")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 2 minutes");
    }
    return new Result(Files.readString(out), Files.readString(err));
  }

  /** Chromium's path: always in CI (it installs Debian's), else the test is skipped without it. */
  private static String requireChromium() {
    String chromium = findChromium();
    if (System.getenv("CI") != null) {
      assertTrue(chromium != null, "CI must install Debian's chromium for the report test");
    }
    Assumptions.assumeTrue(chromium != null, "chromium is not installed");
    return chromium;
  }

  private static String findChromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    return null;
  }
}
