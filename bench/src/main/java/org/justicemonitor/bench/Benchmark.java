package org.justicemonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness (docs/benchmarks.md): per scale, generates an input root, runs the whole
 * {@code run} with Spark's event log on and measures each of its stages, runs the same ingest and
 * {@code region_year} in DuckDB on the same files, checks the two {@code region_year} tables
 * agree, and appends the measurements to {@code results.csv} and {@code results.md} in the work
 * directory.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
    description = "Runs justice-monitor and DuckDB side by side at several scales and records time and memory.")
public final class Benchmark implements Callable<Integer> {

  @Option(names = "--scales", split = ",", paramLabel = "CASES", description = "Cases per scale (default: ${DEFAULT-VALUE}).")
  List<Long> scales = List.of(250_000L, 1_000_000L, 4_000_000L);

  @Option(names = "--events-per-case", paramLabel = "N", description = "Service events per case (default: ${DEFAULT-VALUE}).")
  int eventsPerCase = 10;

  @Option(names = "--work", paramLabel = "DIR", description = "Input roots, outputs and results (default: ${DEFAULT-VALUE}).")
  Path work = Path.of("/tmp/justice-monitor-bench");

  @Option(names = "--memory", paramLabel = "SIZE", description = "Spark driver heap and DuckDB memory limit (default: ${DEFAULT-VALUE}).")
  String memory = "8g";

  @Option(names = "--threads", paramLabel = "N", description = "DuckDB threads; Spark uses local[*] (default: the machine's cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--as-of", paramLabel = "DATE", description = "Extract date of the generated roots (default: ${DEFAULT-VALUE}).")
  String asOf = "2025-12-31";

  @Option(names = "--min-cases", paramLabel = "K", description = "Disclosure threshold (default: ${DEFAULT-VALUE}).")
  int minCases = 10;

  @Option(names = "--skip-spark", description = "Only DuckDB (compares with the Spark output already in the work directory).")
  boolean skipSpark;

  private final Path home = Path.of(System.getProperty("justice.monitor.home", ".")).toAbsolutePath().normalize();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Benchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    for (long cases : scales) {
      benchmark(cases);
    }
    return 0;
  }

  private void benchmark(long cases) throws IOException, InterruptedException {
    String scale = label(cases);
    Path root = work.resolve("input-" + scale);
    Path sparkOut = work.resolve("spark-" + scale);
    Path duckOut = work.resolve("duckdb-" + scale);
    Path logs = Files.createDirectories(work.resolve("logs-" + scale));
    List<Measurement> rows = new ArrayList<>();

    if (!Files.exists(root.resolve("labels"))) {
      delete(root);
      // No spoiled rows and no older versions: both engines' clean tables are then the same rows.
      rows.add(measure(logs, "generate", List.of(launcher(), "generate", "--output", root.toString(), "--cases", Long.toString(cases),
          "--events", Long.toString(cases * eventsPerCase), "--seed", "42", "--bad-fraction", "0", "--duplicate-fraction", "0"),
          Map.of()).whole());
    }

    Path eventLogs = logs.resolve("spark-events");
    if (!skipSpark) {
      delete(sparkOut);
      delete(eventLogs);
      Files.createDirectories(eventLogs);
      String javaOpts = "-Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir=file:" + eventLogs;
      MeasuredCommand.Result run = new MeasuredCommand(logs.resolve("spark-run.log")).run("spark run",
          List.of(launcher(), "run", "--input", root.toString(), "--output", sparkOut.toString(), "--demo", "--as-of", asOf,
              "--min-cases", Integer.toString(minCases)),
          Map.of("JAVA_OPTS", javaOpts, "JUSTICE_MONITOR_MEMORY", memory));
      run.stages().forEach(s -> rows.add(new Measurement("spark " + s.step(), s.wallSeconds(), s.cpuSeconds(), s.peakRssBytes())));
      rows.add(run.whole());
      // The case cells serve every case table; region_year's own steps run beside other tables.
      Double regionYear = run.stepSeconds().get("indicators: region_year");
      double shared = run.stepSeconds().getOrDefault("indicators: cases counted", 0.0);
      rows.add(new Measurement("spark indicators: region_year with the shared case count",
          regionYear == null ? Double.NaN : regionYear + shared, Double.NaN, 0));
      Files.writeString(logs.resolve("spark-stages.md"), EventLogSummary.markdown(EventLogSummary.read(eventLogs), 25));
    }

    delete(duckOut);
    rows.add(duckDb(logs, "ingest", root, duckOut));
    rows.add(duckDb(logs, "region-year", root, duckOut));

    List<String> differences = RegionYearComparison.differences(
        sparkOut.resolve("indicators/region_year.csv"), duckOut.resolve("indicators/region_year.csv"));
    if (!differences.isEmpty()) {
      throw new IllegalStateException("Spark and DuckDB disagree on region_year at " + scale + " cases, no time reported:\n  "
          + String.join("\n  ", differences));
    }
    System.out.println("[bench " + scale + "] region_year: Spark and DuckDB agree on every contract column");
    record(scale, rows);
  }

  private Measurement duckDb(Path logs, String step, Path root, Path out) throws IOException, InterruptedException {
    String classpath = Files.readString(home.resolve("bench/target/bench-classpath.txt")).strip() + ":"
        + home.resolve("bench/target/justice-monitor-bench.jar");
    return measure(logs, "duckdb " + step, List.of("java", "-Xmx1g", "-cp", classpath, DuckDbJob.class.getName(), step,
        root.toString(), out.toString(), asOf, Integer.toString(minCases), Integer.toString(threads), memory.toUpperCase(Locale.ROOT) + "B"),
        Map.of()).whole();
  }

  private static MeasuredCommand.Result measure(Path logs, String name, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    System.out.println("[bench] " + name + " ...");
    MeasuredCommand.Result result = new MeasuredCommand(logs.resolve(name.replace(' ', '-') + ".log")).run(name, command, env);
    System.out.printf(Locale.ROOT, "[bench] %s: %.1f s wall, %.1f s CPU, %.2f GiB peak RSS%n", name, result.whole().wallSeconds(),
        result.whole().cpuSeconds(), result.whole().peakRssGib());
    return result;
  }

  private void record(String scale, List<Measurement> rows) throws IOException {
    Path csv = work.resolve("results.csv");
    StringBuilder lines = new StringBuilder();
    if (!Files.exists(csv)) {
      lines.append("scale,step,wall_s,cpu_s,peak_rss_gib\n");
    }
    StringBuilder md = new StringBuilder("\n### " + scale + " cases, " + eventsPerCase + " events per case\n\n"
        + "| step | wall | CPU (user + sys) | peak RSS |\n|---|---:|---:|---:|\n");
    for (Measurement m : rows) {
      lines.append(String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.2f%n", scale, m.step(), m.wallSeconds(), m.cpuSeconds(), m.peakRssGib()));
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", m.step(), seconds(m.wallSeconds()), seconds(m.cpuSeconds()),
          m.peakRssBytes() == 0 ? "" : String.format(Locale.ROOT, "%.1f GiB", m.peakRssGib())));
    }
    Files.writeString(csv, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.writeString(work.resolve("results.md"), md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.print(md);
  }

  static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "";
    }
    return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, Math.round(s) % 60);
  }

  static String label(long cases) {
    return cases % 1_000_000 == 0 ? cases / 1_000_000 + "M" : cases % 1_000 == 0 ? cases / 1_000 + "k" : Long.toString(cases);
  }

  private String launcher() {
    return home.resolve("bin/justice-monitor").toString();
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
