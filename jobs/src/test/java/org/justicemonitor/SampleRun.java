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
 * The stages run once per test JVM on data-samples/, for the end-to-end tests to inspect: all of
 * them on first use, into an output that only tests' reads touch from then on (classes run side by
 * side). The output directory is removed when the JVM exits.
 */
public final class SampleRun {

  public static final Path SAMPLES = Path.of("..", "data-samples").toAbsolutePath().normalize();
  public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  public static final PseudonymizationKey KEY = PseudonymizationKey.of("a-test-key-of-sufficient-length", "test");
  public static final int MIN_CASES = 10;

  private static Path output;
  private static IngestReport ingestReport;

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

  /** The ingest of the sample run; every stage has run when it returns. */
  public static synchronized IngestReport ingest() {
    complete();
    return ingestReport;
  }

  /**
   * Runs every stage once, into one output that is never written again: test classes run side by
   * side and read it, so a test that reruns a stage does so on a copy ({@link #copy}).
   */
  private static synchronized void complete() {
    if (ingestReport != null) {
      return;
    }
    IngestReport report = ingest(SAMPLES.toString(), output().toString(), 0.05);
    runIndicators(output());
    runAnomalies(output(), AnomalyOptions.of(AS_OF));
    SparkSession spark = SharedSpark.spark();
    OutputStore store = new OutputStore(spark, output().toString(), "test-" + System.nanoTime());
    try {
      new ReportJob(store, "en", "test").run();
      store.commit("report", "test", Catalog::access);
    } finally {
      store.close();
    }
    ingestReport = report;
  }

  /** A copy of the sample run's output, for a test that writes into it; removed when the JVM exits. */
  public static Path copy() {
    Path from = indicators();
    try {
      Path to = Files.createTempDirectory("justice-monitor-samples-copy");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(to)));
      try (var paths = Files.walk(from)) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    complete();
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
    complete();
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

  /** The report of the sample run in a language (one report stage writes every language); returns the page. */
  public static synchronized Path report(String lang) {
    complete();
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
