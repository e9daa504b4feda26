package org.justicemonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      return resource("/report/template.html")
          .replace("__ECHARTS_VERSION__", version)
          .replace("__LANG__", lang)
          .replace("__BINS__", JSON.writeValueAsString(ReportData.binLabels()))
          .replace("__LABELS__", scriptSafe(JSON.writeValueAsString(labels)))
          .replace("__DATA__", scriptSafe(JSON.writeValueAsString(data)))
          // Last: the library's own text must not be searched for placeholders.
          .replace("__ECHARTS__", echarts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
