package org.justicemonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a test (docs/benchmarks.md, "On a cluster"): the same jar's {@code run} on a
 * standalone cluster of one worker with two cores, then of two workers with one core each, on the
 * same input; the wall time of each stage as the driver reports it, written to
 * {@code target/scale-out/results.md}. Runs only when asked:
 *
 * <pre>mvn -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScaleOutIT -Dscaleout=true [-Dscaleout.input=DIR]</pre>
 */
@EnabledIfSystemProperty(named = "scaleout", matches = "true")
class ScaleOutIT {

  private static final Path JOBS = Path.of("").toAbsolutePath();
  private static final Path WORK = JOBS.resolve("target/scale-out");
  private static final List<String> STAGES = List.of("ingest", "indicators", "anomalies", "report", "disclosure audit");
  private static final Pattern STAGE_DONE = Pattern.compile("^\\[([a-z ]+)\\] done in ([0-9.]+) s$", Pattern.MULTILINE);

  /** One cluster shape: workers × cores each. */
  private record Shape(int workers, int cores) {
    String label() {
      return workers + " worker" + (workers > 1 ? "s" : "") + " × " + cores + " core" + (cores > 1 ? "s" : "");
    }
  }

  @Test
  void oneWorkerThenTwo() throws Exception {
    StandaloneCluster.deleteRecursively(WORK);
    Path input = Path.of(System.getProperty("scaleout.input", JOBS.getParent().resolve("data-samples").toString()));
    List<String> rows = new ArrayList<>();
    for (Shape shape : List.of(new Shape(1, 2), new Shape(2, 1))) {
      Path logs = Files.createDirectories(WORK.resolve(shape.workers() + "x" + shape.cores()));
      try (StandaloneCluster cluster =
          new StandaloneCluster(StandaloneCluster.sparkHome(WORK, JOBS), logs, StandaloneCluster.jvmFlags(JOBS))) {
        cluster.start(shape.workers(), shape.cores(), shape.cores() * 2 + "g");
        Path driverLog = logs.resolve("driver.log");
        long started = System.nanoTime();
        Process driver = cluster.launch(List.of("org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(),
            "--conf", "spark.executor.memory=" + (shape.cores() * 2 - 1) + "g",
            "--conf", "spark.sql.shuffle.partitions=" + 4 * shape.workers() * shape.cores(),
            "--conf", "spark.ui.enabled=false",
            "--class", "org.justicemonitor.cli.JusticeMonitor", JOBS.resolve("target/justice-monitor.jar").toString(),
            "run", "--input", input.toString(), "--as-of", "2025-12-31", "--output", logs.resolve("output").toString()),
            driverLog, Map.of("JUSTICE_MONITOR_KEY", "scale-out-benchmark-key-0123456789"));
        if (!driver.waitFor(Duration.ofHours(2).toMillis(), TimeUnit.MILLISECONDS)) {
          driver.destroyForcibly();
        }
        assertEquals(0, driver.exitValue(), "see " + driverLog);
        double wall = (System.nanoTime() - started) / 1e9;
        Map<String, String> stages = new java.util.HashMap<>();
        Matcher m = STAGE_DONE.matcher(Files.readString(driverLog));
        while (m.find()) {
          stages.put(m.group(1), m.group(2) + " s");
        }
        StringBuilder row = new StringBuilder("| " + shape.label() + " | " + String.format(Locale.ROOT, "%.0f s", wall));
        STAGES.forEach(stage -> row.append(" | ").append(stages.getOrDefault(stage, "")));
        rows.add(row.append(" |").toString());
      }
    }
    String table = "| cluster | submit to exit | " + String.join(" | ", STAGES) + " |\n|---|---:|"
        + "---:|".repeat(STAGES.size()) + "\n" + String.join("\n", rows) + "\n";
    Files.writeString(WORK.resolve("results.md"), "input: " + input + "\n\n" + table);
    System.out.println(table);
  }
}
