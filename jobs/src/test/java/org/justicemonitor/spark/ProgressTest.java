package org.justicemonitor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** The two displays of a stage: plain lines for a file, one line rewritten in place for a terminal. */
@ExtendWith(SharedSpark.class)
class ProgressTest {

  private static String run(boolean live) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress progress = new Progress(SharedSpark.spark(), out, live);
    progress.stage("test");
    progress.job("count", () -> SharedSpark.spark().range(1000).repartition(4).count());
    progress.step("rollouts", "none delivered");
    long rows = progress.result("sum", () -> SharedSpark.spark().range(10).count());
    assertEquals(10L, rows);
    progress.done(1.0);
    progress.end();  // nothing left to end
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainLinesForAFile() {
    String text = run(false);
    assertFalse(text.contains("\r"), "no carriage return in a log file");
    String[] lines = text.split("\n");
    assertEquals("[test] started", lines[0]);
    assertTrue(lines[1].matches("\\[test\\] count \\(\\d+\\.\\d s\\)"), lines[1]);
    assertEquals("[test] rollouts: none delivered", lines[2]);
    assertTrue(lines[3].startsWith("[test] sum ("), lines[3]);
    assertEquals("[test] done in 1.0 s", lines[4]);
    assertEquals(5, lines.length);
  }

  @Test
  void oneLineInPlaceOnATerminal() {
    String text = run(true);
    // The status line is drawn after a carriage return, never ended by its own newline: only the
    // message and the stage's last line end a line.
    String[] lines = text.split("\n");
    assertEquals(2, lines.length, text);
    String[] first = lines[0].split("\r");
    assertEquals("", first[0]);
    assertTrue(first[1].startsWith("[test] 0 steps done"), first[1]);
    assertEquals("[test] rollouts: none delivered", first[first.length - 1].trim());  // over the live line
    String[] last = lines[1].split("\r");
    assertTrue(last[1].startsWith("[test] 1 step done"), last[1]);  // redrawn below the message
    assertEquals("[test] done in 1.0 s (2 steps)", last[last.length - 1].trim());
    assertFalse(text.contains("[test] count ("), "no line per step on a terminal");
  }
}
