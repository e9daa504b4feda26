package org.justicemonitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;

/** The command line's contract with people and scripts: exit codes and one-line errors. */
// Alone: one test swaps System.err to read what picocli prints there.
@Isolated
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

  @Test
  void aBadDateIsOneLineSaysWhatADateLooksLike() {
    Result r = run("run", "--demo", "--as-of", "2025-13-01");
    assertEquals(2, r.code());
    assertEquals("justice-monitor run: Invalid value for option '--as-of': '2025-13-01' is not a date (YYYY-MM-DD)"
        + " (see 'justice-monitor run --help')\n", r.err());
    Result month = run("generate", "--from", "2019-13");
    assertTrue(month.err().contains("'2019-13' is not a month (YYYY-MM)"), month.err());
    Result zone = run("ingest", "--demo", "--time-zone", "Almaty");
    assertTrue(zone.err().contains("'Almaty' is not a time zone"), zone.err());
  }

  @Test
  void optionsACommandDoesNotUseAreNotOffered() {
    // The report and the anomalies read the published tables: no input root, no timestamps.
    for (String[] args : new String[][] {{"report", "--input", "x"}, {"report", "--time-zone", "UTC"},
        {"anomalies", "--time-zone", "UTC"}, {"indicators", "--input", "x"}, {"disclosure", "audit", "--input", "x"}}) {
      Result r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertTrue(r.err().contains("Unknown option"), r.err());
    }
    CommandLine cl = JusticeMonitor.commandLine();
    for (String command : new String[] {"ingest", "indicators", "run"}) {
      assertTrue(cl.getSubcommands().get(command).getCommandSpec().findOption("--time-zone") != null, command);
    }
    for (String command : new String[] {"ingest", "run", "evaluate"}) {
      assertTrue(cl.getSubcommands().get(command).getCommandSpec().findOption("--input") != null, command);
    }
  }

  @Test
  void aSettingsFileHoldsTheOptionsThatMustMatchAcrossStages() throws Exception {
    // picocli's @file: one option per line, # comments; the same file for every stage.
    java.nio.file.Path settings = java.nio.file.Files.createTempFile("justice-monitor", ".args");
    java.nio.file.Files.writeString(settings, "# settings shared by the stages\n--as-of 2025-12-31\n"
        + "--output /tmp/justice-monitor-out\n--min-cases 12\n");
    try {
      CommandLine cl = JusticeMonitor.commandLine();
      CommandLine.ParseResult parsed = cl.parseArgs("indicators", "@" + settings);
      CommandLine.ParseResult indicators = parsed.subcommand();
      assertEquals(java.time.LocalDate.of(2025, 12, 31), indicators.matchedOptionValue("--as-of", null));
      assertEquals(12, (int) indicators.matchedOptionValue("--min-cases", 0));
      assertEquals("/tmp/justice-monitor-out", indicators.matchedOptionValue("--output", ""));
      // An option after the file overrides it.
      CommandLine.ParseResult overridden = JusticeMonitor.commandLine().parseArgs("indicators", "@" + settings, "--min-cases", "15");
      assertEquals(15, (int) overridden.subcommand().matchedOptionValue("--min-cases", 0));
    } finally {
      java.nio.file.Files.delete(settings);
    }
  }

  @Test
  void tooManyBadRowsHasItsOwnExitCode() throws Exception {
    CommandLine cl = JusticeMonitor.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    CommandLine ingest = cl.getSubcommands().get("ingest");
    int code = cl.getExecutionExceptionHandler().handleExecutionException(
        new org.justicemonitor.ingest.TooManyBadRows("cases: 40 of 100 rows failed validation"), ingest, cl.parseArgs("ingest"));
    assertEquals(JusticeMonitor.TOO_MANY_BAD_ROWS, code);
    assertEquals(JusticeMonitor.FAILED, cl.getExecutionExceptionHandler().handleExecutionException(
        new org.justicemonitor.JobFailure("no case files"), ingest, cl.parseArgs("ingest")));
  }
}
