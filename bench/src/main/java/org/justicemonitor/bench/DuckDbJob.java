package org.justicemonitor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One DuckDB step of the benchmark, in a JVM of its own so the harness measures it alone: the
 * ingest ({@code duckdb/ingest.sql}) or the {@code region_year} table ({@code
 * duckdb/region_year.sql}), on the same input root and with the same settings as the Spark run.
 *
 * <pre>java -cp ... org.justicemonitor.bench.DuckDbJob ingest|region-year ROOT OUT AS_OF K THREADS MEMORY</pre>
 */
public final class DuckDbJob {

  private DuckDbJob() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: DuckDbJob ingest|region-year ROOT OUT AS_OF K THREADS MEMORY");
      System.exit(2);
    }
    String step = args[0];
    Path root = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]).toAbsolutePath();
    Map<String, String> values = Map.of("root", root.toString(), "out", out.toString(), "as_of", args[3], "k", args[4]);
    String script = switch (step) {
      case "ingest" -> "ingest.sql";
      case "region-year" -> "region_year.sql";
      default -> throw new IllegalArgumentException("unknown step: " + step);
    };
    Files.createDirectories(out.resolve("ingested"));
    Files.createDirectories(out.resolve("quarantine"));
    Files.createDirectories(out.resolve("indicators"));
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(args[5]));
      s.execute("SET memory_limit = '" + args[6].replaceAll("[^0-9A-Za-z]", "") + "'");
      s.execute("SET temp_directory = '" + out.resolve("duckdb-spill") + "'");
      // The Spark jobs' default zone: months of events fall the same way in both engines.
      s.execute("SET TimeZone = 'Asia/Almaty'");
      for (String statement : statements(substitute(read(script), values))) {
        s.execute(statement);
      }
    }
    System.out.printf(java.util.Locale.ROOT, "[duckdb %s] done in %.1f s%n", step, (System.nanoTime() - started) / 1e9);
  }

  static String substitute(String sql, Map<String, String> values) {
    String result = sql;
    for (Map.Entry<String, String> e : values.entrySet()) {
      result = result.replace("${" + e.getKey() + "}", e.getValue().replace("'", "''"));
    }
    if (result.contains("${")) {
      throw new IllegalStateException("a placeholder is left in the SQL: " + result.substring(result.indexOf("${")));
    }
    return result;
  }

  /** The script's statements: each ends with a semicolon at the end of a line; comments dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static String read(String script) throws IOException {
    try (InputStream in = DuckDbJob.class.getResourceAsStream("/duckdb/" + script)) {
      if (in == null) {
        throw new IOException("missing resource duckdb/" + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

}
