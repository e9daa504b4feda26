package org.justicemonitor.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.io.OutputStore;

/** Stage 4: the monitoring report, {@code report/index.html}, from a run's published outputs. */
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
    store.writeText(Catalog.REPORT_PAGE, ReportPage.render(data, lang));
    return store.published(Catalog.REPORT_PAGE);
  }
}
