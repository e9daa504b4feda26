package org.justicemonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md names every main class, and no package outgrows its room. */
class ArchitectureDocTest {

  private static final Path MAIN = Path.of("src", "main", "java", "org", "justicemonitor");

  @Test
  void everyMainClassIsNamedInTheArchitecture() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "architecture.md"));
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> missing = files.filter(f -> f.toString().endsWith(".java"))
          .map(f -> f.getFileName().toString().replace(".java", ""))
          .filter(c -> !doc.contains("`" + c + "`")).sorted().toList();
      assertEquals(List.of(), missing, "classes docs/architecture.md does not name");
    }
  }

  @Test
  void noPackageIsOverAboutTwoAndAHalfThousandLines() throws IOException {
    try (Stream<Path> packages = Files.list(MAIN)) {
      for (Path p : packages.filter(Files::isDirectory).toList()) {
        long lines = 0;
        try (Stream<Path> files = Files.list(p)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            lines += Files.readAllLines(f).size();
          }
        }
        assertTrue(lines <= 2600, p.getFileName() + ": " + lines + " lines");
      }
    }
  }
}
