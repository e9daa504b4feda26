package org.justicemonitor.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.io.OutputStore;

/**
 * Stage 4: the monitoring report from a run's published outputs, in every language
 * ({@code report/index.en.html}, {@code .ru}, {@code .kk}: one run serves every reader), and as
 * {@code report/index.html} in the language asked for.
 */
public final class ReportJob {

  private final OutputStore store;
  private final String lang;
  private final String codeVersion;

  public ReportJob(OutputStore store, String lang, String codeVersion) {
    this.store = store;
    this.lang = lang;
    this.codeVersion = codeVersion;
  }

  /** @return the published page's path */
  public String run() {
    ObjectNode data = new ReportData(store).collect();
    data.put("generated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    data.put("code_version", codeVersion);
    for (String language : ReportPage.LANGUAGES) {
      String page = ReportPage.render(data, language);
      store.writeText(Catalog.reportPage(language), page);
      if (language.equals(lang)) {
        store.writeText(Catalog.REPORT_PAGE, page);
      }
    }
    return store.published(Catalog.REPORT_PAGE);
  }
}
