package org.justicemonitor.io;

import java.util.Locale;
import java.util.Optional;

/** The file formats the contract allows, told apart by file name. */
public enum InputFormat {
  CSV,
  JSON_LINES;

  private static final String GZIP = ".gz";

  public static Optional<InputFormat> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    String name = compressed(fileName) ? lower.substring(0, lower.length() - GZIP.length()) : lower;
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSON_LINES);
    }
    return Optional.empty();
  }

  /** A gzip file: read whole by one task, its bytes not the text's. */
  public static boolean compressed(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(GZIP);
  }
}
