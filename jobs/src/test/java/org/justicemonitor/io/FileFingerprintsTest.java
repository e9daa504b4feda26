package org.justicemonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class FileFingerprintsTest {

  @TempDir Path dir;

  private static boolean oneRecordPerLine(String text, int chunk) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    FileFingerprints.LineShape shape = new FileFingerprints.LineShape();
    for (int from = 0; from < bytes.length; from += chunk) {
      byte[] part = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunk));
      shape.update(part, part.length);
    }
    return shape.oneRecordPerLine();
  }

  @Test
  void aFileIsOneRecordPerLineWithoutQuotesAndWithoutLinesOfOnlyBlanks() {
    Map<String, Boolean> cases = Map.of(
        "a,b\n1,2\n3,4\n", true,
        "a,b\r\n1,2\r\n", true,
        "a,b\n1,2\n\n3,4", true, // an empty line is no row in either reader
        "a,b\n1,\"x\ny\"\n", false,
        "a,b\n1,\"quoted\"\n", false,
        "a,b\n   \n1,2\n", false,
        "a,b\n1,2\n\r\n", false,
        "a,b\n1,2\n\t", false,
        "é,ü\n1, 2\n", true);
    for (Map.Entry<String, Boolean> c : cases.entrySet()) {
      // Chunks of every size from one byte: what a buffer boundary splits must not change the answer.
      for (int chunk = 1; chunk <= c.getKey().length() + 1; chunk++) {
        assertEquals(c.getValue(), oneRecordPerLine(c.getKey(), chunk), c.getKey().replace("\n", "\\n") + " in chunks of " + chunk);
      }
    }
  }

  @Test
  void theFingerprintSaysWhichFilesHoldOneRecordPerLine() throws IOException {
    Files.writeString(dir.resolve("plain.csv"), "a,b\n1,2\n");
    Files.writeString(dir.resolve("quoted.csv"), "a,b\n1,\"2\"\n");
    // Gzip bytes may hold any byte: a compressed file is never read in splits.
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("plain.csv.gz")))) {
      out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    List<String> files = List.of("plain.csv", "quoted.csv", "plain.csv.gz").stream().map(f -> dir.resolve(f).toString()).toList();
    Map<String, FileFingerprints.FileFingerprint> fp = FileFingerprints.of(SharedSpark.spark(), files);
    assertEquals(List.of(true, false, false), files.stream().map(f -> fp.get(f).oneRecordPerLine()).toList());
    assertEquals(8, fp.get(files.get(0)).bytes());
  }
}
