package org.justicemonitor.indicators;

import org.justicemonitor.measures.ServiceTraffic;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.generate.GenerateJob;
import org.justicemonitor.generate.GeneratorOptions;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.spark.Progress;

/**
 * The access-to-justice columns, the availability table and the courts' data quality on a
 * generated root (3,000 cases, 30,000 events with injected outages, 2% spoiled rows), against
 * plain counts of its ingested and rejected rows. Its traffic
 * is low (about one request in seven hours per service), so every hour with a request is judged
 * here: the failed requests then give down hours to count. The minimum itself is checked by
 * {@link ServiceAvailabilityTest}.
 */
@ExtendWith(SharedSpark.class)
// The generator switches a session setting off and back while it writes: one generator at a time.
@ResourceLock("spark.sql.codegen.wholeStage")
class GeneratedRootTest {

  @TempDir static Path dir;
  private static final ServiceHours.Rule RULE = new ServiceHours.Rule(0.5, 1);
  /** Rows spoiled in one known way each, so that the quarantine, and the date-order rates, have rows to count. */
  private static final double BAD_ROWS = 0.02;

  @BeforeAll
  static void generateIngestAndCount() {
    Path input = dir.resolve("input");
    new GenerateJob(SharedSpark.spark(), new GeneratorOptions(3000, 30_000, YearMonth.of(2023, 1), YearMonth.of(2025, 12), 19,
        "csv", false, BAD_ROWS, 0.0, 2, 100_000), input.toString(), new Progress(SharedSpark.spark(), System.out)).run();
    SampleRun.ingest(input.toString(), dir.resolve("out").toString(), 0.05);
    OutputStore store = new OutputStore(SharedSpark.spark(), dir.resolve("out").toString(), "test-generated");
    try {
      IndicatorOptions defaults = IndicatorOptions.of(SampleRun.AS_OF, SampleRun.MIN_CASES);
      new IndicatorsJob(store, new IndicatorOptions(defaults.asOf(), defaults.minCases(), RULE, defaults.latencyTargetMs(),
          defaults.notificationDeadlineHours(), defaults.daysMargin(), defaults.appealRateMargin(), defaults.qualityThreshold(),
          defaults.indexWeights(), defaults.protectionWidth(), defaults.fromYear()),
          new Progress(SharedSpark.spark(), System.out)).run();
      store.commit("indicators", "test", Catalog::access);
    } finally {
      store.close();
    }
  }

  @Test
  void accessToJustice() {
    NewTableChecks.accessToJustice(dir.resolve("out"), 2025);
    NewTableChecks.accessToJustice(dir.resolve("out"), 2024);
  }

  @Test
  void availability() {
    NewTableChecks.availability(dir.resolve("out"), RULE);
    // Not a vacuous check: there are down hours, in the country's rows and in the regions'.
    var table = SharedSpark.spark().read().parquet(dir.resolve("out/indicators/service_availability_month").toString())
        .filter(col("outage_hours").gt(0));
    long national = table.filter(col("region_code").equalTo(ServiceTraffic.ALL_REGIONS)).count();
    assertTrue(national > 0 && table.count() > national, "months with down hours: " + national + " national of " + table.count());
  }

  @Test
  void dataQuality() {
    // Not a vacuous check: the spoiled rows include dates out of order, in both years.
    assertTrue(NewTableChecks.dataQuality(dir.resolve("out"), 2025) > 0, "rows out of order counted in 2025");
    assertTrue(NewTableChecks.dataQuality(dir.resolve("out"), 2024) > 0, "rows out of order counted in 2024");
  }
}
