package org.justicemonitor.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting, no embedded line breaks). Used on the driver for
 * header rows and the small reference table; data rows are parsed by Spark.
 */
public final class CsvLine {

  public static List<String> split(String line) {
    return split(line, ',');
  }

  /** With another delimiter, e.g. {@code ;} in extracts from locales with a decimal comma. */
  public static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private CsvLine() {}
}
