package org.justicemonitor.io;

import java.util.Optional;

/**
 * Tells a binary file from text by its first bytes, so that a workbook or an archive named
 * {@code .csv} is refused by what it is, not parsed into a header of garbage.
 */
public final class BinaryContent {

  /** How many first bytes are looked at. */
  public static final int SNIFFED_BYTES = 4096;

  /**
   * @return what kind of binary file {@code head} starts like, in words for a message; empty for
   *     text (UTF-8 or any single-byte encoding: no NUL byte)
   */
  public static Optional<String> kind(byte[] head) {
    if (startsWith(head, 'P', 'K', 3, 4)) {
      return Optional.of("a ZIP archive (an .xlsx or .ods workbook is one)");
    }
    if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
      return Optional.of("an old Excel .xls workbook");
    }
    if (startsWith(head, 0x1F, 0x8B)) {
      return Optional.of("gzip data (name it .csv.gz or .jsonl.gz)");
    }
    if (startsWith(head, 'P', 'A', 'R', '1')) {
      return Optional.of("a Parquet file");
    }
    if (startsWith(head, '%', 'P', 'D', 'F')) {
      return Optional.of("a PDF document");
    }
    for (byte b : head) {
      if (b == 0) {
        return Optional.of("binary data (it holds NUL bytes; UTF-16 text does too: save it as UTF-8)");
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private BinaryContent() {}
}
