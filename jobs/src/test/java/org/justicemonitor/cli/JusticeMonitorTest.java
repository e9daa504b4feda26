package org.justicemonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's contract with people and scripts: exit codes and one-line errors. */
class JusticeMonitorTest {

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cl = JusticeMonitor.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Result(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void wrongArgumentsGiveOneLineAndExitCodeTwo() {
    Result r = run("ingest", "--no-such-option");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("justice-monitor ingest: Unknown option: '--no-such-option'"), r.err());
  }

  @Test
  void aBadValueNamesTheOption() {
    Result r = run("generate", "--from", "2025-13");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--from"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, run().code());
  }

  @Test
  void everyCommandHasHelp() {
    // picocli reports a description it cannot format (a lone % in it) on System.err, and prints it raw.
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"generate", "ingest", "indicators", "anomalies", "report", "run", "evaluate",
          "profile", "disclosure"}) {
        Result r = run(command, "--help");
        assertEquals(0, r.code(), command);
        assertTrue(r.out().contains("Usage: justice-monitor " + command), r.out());
      }
    } finally {
      System.setErr(stderr);
    }
    assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void indicatorsHelpListsEveryDeclaredTable() {
    String help = run("indicators", "--help").out();
    for (org.justicemonitor.tables.TableDeclaration t : org.justicemonitor.tables.IndicatorTables.ALL) {
      assertTrue(help.contains("\n  " + t.name() + "\n"), t.name());
    }
  }

  @Test
  void invalidGeneratorSettingsAreWrongArgumentsCaughtBeforeSparkStarts() {
    Result r = run("generate", "--cases", "0");
    assertEquals(2, r.code());
    assertEquals("justice-monitor generate: --cases must be at least 1, cannot be: 0"
        + " (see 'justice-monitor generate --help')\n", r.err());
  }

  @Test
  void valuesOutOfRangeAreWrongArguments() {
    Result lang = run("report", "--lang", "fr");
    assertEquals(2, lang.code());
    assertEquals("justice-monitor report: --lang must be one of [en, ru, kk], cannot be: fr"
        + " (see 'justice-monitor report --help')\n", lang.err());
    Result k = run("indicators", "--min-cases", "-1", "--as-of", "2025-12-31");
    assertEquals(2, k.code(), k.err());
    assertTrue(k.err().startsWith("justice-monitor indicators: --min-cases must be at least 1, cannot be: -1"), k.err());
    assertEquals(1, k.err().lines().count(), k.err());
  }

  @Test
  void anOutputInsideTheInputIsRefused() {
    for (String output : new String[] {"data-samples", "data-samples/", "data-samples/out"}) {
      Result r = run("ingest", "--demo", "--input", "data-samples", "--output", output);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("lies inside --input data-samples"), r.err());
    }
    assertTrue(!IngestStage.inside("/tmp/data-samples-out", "/tmp/data-samples"), "a sibling with a longer name");
    assertTrue(IngestStage.inside("hdfs://nn/extracts/2025/out", "hdfs://nn/extracts/2025"));
  }
}
