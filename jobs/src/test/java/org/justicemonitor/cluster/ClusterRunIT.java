package org.justicemonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SecretSpellings;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.io.OutputStore;

/**
 * The application jar on a real standalone cluster, as a data team would submit it, against the
 * same jar run locally by {@code bin/justice-monitor}:
 *
 * <ol>
 *   <li>a Master and two Workers start; README's local {@code run} on data-samples/ and the same
 *       {@code run} submitted through SparkSubmit go side by side, and one Worker is killed,
 *       executors and all, while the cluster run computes the indicators;
 *   <li>both complete, and the cluster's outputs equal the local run's: the analyst CSVs byte for
 *       byte, the Parquet tables row for row;
 *   <li>a full rebuild into the cluster's root is killed midway: the published outputs stay as
 *       they were, and readable; the next command clears what it left and adds nothing.
 * </ol>
 *
 * The key comes from the environment, as a secret would, never from the command line.
 */
@ExtendWith(SharedSpark.class)
class ClusterRunIT {

  private static final Path JOBS = Path.of("").toAbsolutePath();
  private static final Path ROOT = JOBS.getParent();
  private static final Path WORK = JOBS.resolve("target/cluster-it");
  private static final String KEY = "cluster-test-key-0123456789abcdef";
  private static final List<String> RUN_ARGS =
      List.of("run", "--input", ROOT.resolve("data-samples").toString(), "--as-of", "2025-12-31");
  /** README's run command on data-samples/, from the repository root, with a key instead of --demo. */
  private static final List<String> README_RUN = List.of("run", "--as-of", "2025-12-31");
  /** Which run a row of a compared table comes from: +1 the local one, −1 the cluster's. */
  private static final String SIDE = "_side";

  @Test
  void theSameJarOnAClusterThatLosesAWorkerGivesTheLocalOutputs() throws Exception {
    StandaloneCluster.deleteRecursively(WORK);
    Path local = WORK.resolve("reference");
    Path onCluster = WORK.resolve("cluster");
    Path logs = Files.createDirectories(WORK.resolve("logs"));
    Path eventLogs = Files.createDirectories(WORK.resolve("event-logs"));

    try (StandaloneCluster cluster = new StandaloneCluster(StandaloneCluster.sparkHome(WORK, JOBS), logs, StandaloneCluster.jvmFlags(JOBS))) {
      // Two cores each, on a two-core machine: once one Worker is killed, the other still runs two
      // tasks at a time, and the cluster run does not finish on one core after the local run is done.
      cluster.start(2, 2, "1536m");
      // Side by side: small runs wait on latency more than on the two cores.
      Process localRun = localRun(local, logs.resolve("local-run.log"), List.of(),
          "-Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir=" + eventLogs.toUri());
      List<String> submit = new ArrayList<>(List.of(
          "org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(),
          "--conf", "spark.executor.memory=1g",
          "--conf", "spark.sql.shuffle.partitions=8",
          // Compiled, whatever the input's size: the local run interprets most stages (CodeGeneration),
          // so the comparison below holds the two ways of running a plan to the same outputs.
          "--conf", "spark.sql.codegen.wholeStage=true", "--conf", "spark.sql.codegen.factoryMode=FALLBACK",
          "--conf", "spark.ui.enabled=false",
          "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.compress=false",
          "--conf", "spark.eventLog.dir=" + eventLogs.toUri(),
          "--class", "org.justicemonitor.cli.JusticeMonitor",
          JOBS.resolve("target/justice-monitor.jar").toString()));
      submit.addAll(RUN_ARGS);
      submit.addAll(List.of("--output", onCluster.toString()));
      Path driverLog = logs.resolve("cluster-run.log");
      // The driver runs inside SparkSubmit (client mode) and reads the key from its environment.
      Process driver = cluster.launch(submit, driverLog, Map.of("JUSTICE_MONITOR_KEY", KEY));

      StandaloneCluster.waitFor(driverLog, "[indicators] started", 1, Duration.ofMinutes(10));
      long killedWorker = cluster.killWorker(1);
      assertFalse(ProcessHandle.of(killedWorker).map(ProcessHandle::isAlive).orElse(false));

      assertEquals(0, waitFor(driver, Duration.ofMinutes(20)), "cluster run failed: see " + driverLog);
      assertEquals(0, waitFor(localRun, Duration.ofMinutes(20)), "local run failed: see " + logs.resolve("local-run.log"));
      // What the newcomer's run printed names files, lines and columns, never a row's value.
      String console = Files.readString(logs.resolve("local-run.log"));
      for (String secret : org.justicemonitor.SampleRun.SECRETS) {
        assertTrue(!console.contains(secret), "the console shows " + secret + ": see " + logs.resolve("local-run.log"));
      }
      assertTrue(console.contains("disclosure audit: "), "the run ends with the disclosure audit");
      // Nor does what Spark records of both runs for its UI and history server: plans, settings, metrics.
      assertNoSecretIn(eventLogs, 2);
      assertTrue(Files.readString(driverLog).contains("Lost executor"), "the driver lost no executor: see " + driverLog);
    }

    JsonNode manifest = new ObjectMapper().readTree(onCluster.resolve(OutputStore.MANIFEST).toFile());
    assertTrue(manifest.at("/settings/spark/master").asText().startsWith("spark://127.0.0.1:"), manifest.toPrettyString());
    assertEquals(inputFiles(new ObjectMapper().readTree(local.resolve(OutputStore.MANIFEST).toFile())),
        inputFiles(manifest), "the same input files, fingerprints and row counts");
    assertSameFiles(local, onCluster);
    assertSameTables(local, onCluster);

    // A full rebuild killed midway changes nothing published, and the tables stay readable.
    Process killed = localRun(onCluster, logs.resolve("killed-run.log"), List.of("--full"), "");
    StandaloneCluster.waitFor(logs.resolve("killed-run.log"), "[ingest] cases:", 1, Duration.ofMinutes(5));
    killed.destroyForcibly().waitFor();
    assertTrue(Files.exists(onCluster.resolve(OutputStore.STAGING_DIR)), "the killed run was staging");
    // The analyst CSVs now; the tables row for row once the next command has run, which adds nothing.
    assertSameFiles(local, onCluster);

    // The next command on the root clears what the killed run left; the same files add nothing.
    Process next = localCommand(onCluster, logs.resolve("after-kill.log"), List.of("ingest", "--as-of", "2025-12-31"), "");
    assertEquals(0, waitFor(next, Duration.ofMinutes(5)), "see " + logs.resolve("after-kill.log"));
    assertFalse(Files.exists(onCluster.resolve(OutputStore.STAGING_DIR)), "the killed run's staging cleared");
    assertTrue(Files.readString(logs.resolve("after-kill.log")).contains("incremental ingest: new files only"));
    assertSameFiles(local, onCluster);
    assertSameTables(local, onCluster);
  }

  /** The manifest's input files with their fingerprints and row counts, without the run that read them. */
  private static List<String> inputFiles(JsonNode manifest) {
    List<String> files = new ArrayList<>();
    for (JsonNode f : manifest.at("/inputs/files")) {
      files.add(f.path("file").asText() + " " + f.path("sha256").asText() + " " + f.path("rows_read").asLong()
          + " " + f.path("rows_quarantined").asLong());
    }
    assertFalse(files.isEmpty());
    return files;
  }

  /** The pseudonymization key and the sample's clear identifiers are in no event log of the directory. */
  private static void assertNoSecretIn(Path eventLogs, int runs) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(eventLogs)) {
      // Spark 4 rolls each application's log into events_<n>_<app> files under a directory of its own.
      files = s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("events_")).toList();
    }
    assertEquals(runs, files.stream().map(Path::getParent).distinct().count(), "applications logged: " + files);
    for (Path f : files) {
      String log = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(log.contains("SparkListenerSQLExecutionStart"), "plans in " + f);
      SecretSpellings.assertAbsent(KEY, log, f.toString());
      for (String secret : org.justicemonitor.SampleRun.SECRETS) {
        assertTrue(!log.contains(secret), f + " holds a clear identifier of the sample");
      }
    }
  }

  private static Process localRun(Path output, Path log, List<String> more, String javaOpts) throws IOException {
    List<String> args = new ArrayList<>(README_RUN);
    args.addAll(more);
    return localCommand(output, log, args, javaOpts);
  }

  /** {@code bin/justice-monitor} from the repository root, the key in its environment. */
  private static Process localCommand(Path output, Path log, List<String> args, String javaOpts) throws IOException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/justice-monitor").toString()));
    command.addAll(args);
    command.addAll(List.of("--output", output.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JUSTICE_MONITOR_KEY", KEY);
    pb.environment().put("JUSTICE_MONITOR_MEMORY", "2g");
    pb.environment().put("JAVA_OPTS", ("-Dspark.ui.enabled=false -Dspark.ui.showConsoleProgress=false " + javaOpts).strip());
    return pb.start();
  }

  private static int waitFor(Process p, Duration timeout) throws InterruptedException {
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("still running after " + timeout);
    }
    return p.exitValue();
  }

  /** Every analyst CSV and summary of the reference, byte for byte. */
  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> files = published(expected, p -> p.toString().endsWith(".csv"));
    assertTrue(files.size() >= 15, "CSV files: " + files);
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f.toString());
    }
  }

  /** Every Parquet table of the reference (a directory with a _SUCCESS file), row for row. */
  private static void assertSameTables(Path expected, Path actual) throws IOException {
    SparkSession spark = SharedSpark.spark();
    List<Path> tables = published(expected, p -> p.getFileName().toString().equals("_SUCCESS")).stream()
        .map(Path::getParent).filter(p -> p != null && !p.toString().contains("models")).toList();
    assertTrue(tables.size() >= 20, "tables: " + tables);
    for (Path t : tables) {
      Dataset<Row> a = spark.read().parquet(expected.resolve(t).toString()).withColumn(SIDE, functions.lit(1));
      Dataset<Row> b = spark.read().parquet(actual.resolve(t).toString()).withColumn(SIDE, functions.lit(-1));
      // One query per table: each distinct row with how many more times the local run holds it
      // than the cluster run; any row held a different number of times differs (exceptAll both ways).
      Column[] columns = Arrays.stream(a.columns()).filter(c -> !c.equals(SIDE)).map(functions::col).toArray(Column[]::new);
      Row counts = a.unionByName(b).groupBy(columns).agg(functions.sum(SIDE).as("more")).agg(
          functions.count(functions.when(functions.col("more").gt(0), 1)),
          functions.count(functions.when(functions.col("more").lt(0), 1))).first();
      assertEquals(0, counts.getLong(0), t + ": rows only in the local run, or more often");
      assertEquals(0, counts.getLong(1), t + ": rows only in the cluster run, or more often");
    }
  }

  private static List<Path> published(Path root, java.util.function.Predicate<Path> which) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize)
          .filter(p -> !p.startsWith(OutputStore.STAGING_DIR)).filter(which).sorted().toList();
    }
  }

}
