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
    for (String command : new String[] {"generate", "ingest", "indicators", "anomalies", "report", "run", "evaluate"}) {
      Result r = run(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Usage: justice-monitor " + command), r.out());
    }
  }

  @Test
  void invalidGeneratorSettingsFailBeforeSparkStarts() {
    Result r = run("generate", "--cases", "0");
    assertEquals(1, r.code());
    assertEquals("justice-monitor: --cases must be at least 1, cannot be: 0\n", r.err());
  }

  @Test
  void anUnknownReportLanguageFailsBeforeSparkStarts() {
    Result r = run("report", "--lang", "fr");
    assertEquals(1, r.code());
    assertEquals("justice-monitor: --lang must be one of [en, ru, kk], cannot be: fr\n", r.err());
  }
}
