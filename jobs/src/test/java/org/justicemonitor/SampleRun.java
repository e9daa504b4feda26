package org.justicemonitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.anomalies.AnomaliesJob;
import org.justicemonitor.anomalies.AnomalyOptions;
import org.justicemonitor.indicators.IndicatorOptions;
import org.justicemonitor.indicators.IndicatorsJob;
import org.justicemonitor.ingest.IngestJob;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.ingest.IngestReport;
import org.justicemonitor.ingest.PseudonymizationKey;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.report.ReportJob;
import org.justicemonitor.spark.Progress;

/**
 * The stages run once per test JVM on data-samples/, for the end-to-end tests to inspect. Each
 * stage runs on first use; the output directory is removed when the JVM exits.
 */
public final class SampleRun {

  public static final Path SAMPLES = Path.of("..", "data-samples").toAbsolutePath().normalize();
  public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  public static final PseudonymizationKey KEY = PseudonymizationKey.of("a-test-key-of-sufficient-length", "test");
  public static final int MIN_CASES = 10;

  private static Path output;
  private static IngestReport ingestReport;
  private static boolean indicatorsDone;
  private static boolean anomaliesDone;

  public static synchronized Path output() {
    if (output == null) {
      try {
        output = Files.createTempDirectory("justice-monitor-samples");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = output;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
    }
    return output;
  }

  public static synchronized IngestReport ingest() {
    if (ingestReport == null) {
      ingestReport = ingest(SAMPLES.toString(), output().toString(), 0.05);
    }
    return ingestReport;
  }

  public static IngestReport ingest(String input, String out, double maxBad) {
    SparkSession spark = SharedSpark.spark();
    OutputStore store = new OutputStore(spark, out, "test-" + System.nanoTime());
    try {
      IngestReport report =
          new IngestJob(store, new IngestOptions(input, AS_OF, maxBad, KEY), new Progress(spark, System.out)).run();
      store.commit("ingest", "test", Catalog::access);
      return report;
    } finally {
      store.close();
    }
  }

  public static synchronized Path indicators() {
    ingest();
    if (!indicatorsDone) {
      runIndicators(output());
      indicatorsDone = true;
    }
    return output();
  }

  public static void runIndicators(Path out) {
    SparkSession spark = SharedSpark.spark();
    OutputStore store = new OutputStore(spark, out.toString(), "test-" + System.nanoTime());
    try {
      new IndicatorsJob(store, IndicatorOptions.of(AS_OF, MIN_CASES), new Progress(spark, System.out)).run();
      store.commit("indicators", "test", Catalog::access);
    } finally {
      store.close();
    }
  }

  public static synchronized Path anomalies() {
    indicators();
    if (!anomaliesDone) {
      runAnomalies(output(), AnomalyOptions.of(AS_OF));
      anomaliesDone = true;
    }
    return output();
  }

  public static void runAnomalies(Path out, AnomalyOptions options) {
    SparkSession spark = SharedSpark.spark();
    OutputStore store = new OutputStore(spark, out.toString(), "test-" + System.nanoTime());
    try {
      new AnomaliesJob(store, options, new Progress(spark, System.out), "test").run();
      store.commit("anomalies", "test", Catalog::access);
    } finally {
      store.close();
    }
  }

  /**
   * Every stage in one command, as {@code run} does: ingest, indicators, anomalies and report into
   * one staging area, published together.
   */
  public static IngestReport runAll(IngestOptions options, Path out) {
    SparkSession spark = SharedSpark.spark();
    OutputStore store = new OutputStore(spark, out.toString(), "test-" + System.nanoTime());
    try {
      Progress progress = new Progress(spark, System.out);
      IngestReport report = new IngestJob(store, options, progress).run();
      new IndicatorsJob(store, IndicatorOptions.of(options.asOf(), MIN_CASES), progress).run();
      new AnomaliesJob(store, AnomalyOptions.of(options.asOf()), progress, "test").run();
      new ReportJob(store, "en", "test").run();
      store.commit("run", "test", Catalog::access);
      return report;
    } finally {
      store.close();
    }
  }

  private static boolean reportDone;

  /** The report of the sample run in a language (one report stage writes every language); returns the page. */
  public static synchronized Path report(String lang) {
    anomalies();
    if (!reportDone) {
      SparkSession spark = SharedSpark.spark();
      OutputStore store = new OutputStore(spark, output().toString(), "test-" + System.nanoTime());
      try {
        new ReportJob(store, "en", "test").run();
        store.commit("report", "test", Catalog::access);
      } finally {
        store.close();
      }
      reportDone = true;
    }
    return output().resolve(Catalog.reportPage(lang));
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // A temporary directory: the OS cleans up what is left.
    }
  }

  /**
   * Identifiers and personal data written in the hand-made rows of data-samples/, in every string
   * column: case ids, judge and session ids, court ids, an incident's system; the malformed
   * record's case id too. None may appear in clear in any output.
   */
  public static final java.util.List<String> SECRETS = java.util.List.of("KZ0000000003", "EDGE-0002", "EDGE-0005", "EDGE-0009", "EDGE-0011",
      "EDGE-0013", "71-D01-J02", "a3f900101300017c2b", "sedgeone", "900101300017", "aigerim.s@mail.kz", "+77012345678",
      "8 701 234 56 78", "7172 55 66 77", "7946 0958");

  private SampleRun() {}
}
