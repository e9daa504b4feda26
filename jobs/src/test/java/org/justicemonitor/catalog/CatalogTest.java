package org.justicemonitor.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.tables.IndicatorTables;

/** Where outputs live and who may see them. */
class CatalogTest {

  @Test
  void namesOfIngestedTables() {
    assertEquals("ingested/cases", Catalog.ingested(Contract.CASES));
    assertEquals("quarantine/service_events", Catalog.quarantine(Contract.SERVICE_EVENTS));
    assertEquals(23, Catalog.INDICATOR_TABLES.size());
    assertEquals("ingested/rollouts", Catalog.ingested(Contract.ROLLOUTS));
    assertEquals("public", Catalog.access(IndicatorTables.DIGITAL_IMPACT.path()));
  }

  @Test
  void rowsAndExactCountsAreRestrictedAggregatesPublic() {
    for (String restricted : new String[] {"ingested/cases", "ingested/regions", "ingested/courts", "quarantine/cases", "anomalies/flags",
        "anomalies/flags.csv", "anomalies/models", "anomalies/model-record.json"}) {
      assertEquals("restricted", Catalog.access(restricted), restricted);
    }
    for (String open : new String[] {"indicators/region_year", "indicators/region_year.csv", "indicators/courts.csv", "report/index.html",
        "summary/ingest.json", "summary/indicators.json"}) {
      assertEquals("public", Catalog.access(open), open);
    }
    // A name that only starts like a restricted one is not inside it.
    assertEquals("public", Catalog.access("ingested-notes.txt"));
  }
}
