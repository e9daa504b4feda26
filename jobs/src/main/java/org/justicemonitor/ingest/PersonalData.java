package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Finds and masks personal identifiers in text: Kazakh IINs (twelve digits with a valid control
 * digit), phone numbers (international and Kazakh national, with the spaces, dashes and brackets
 * people write), and e-mail addresses, each only where it stands alone: a run of digits inside a
 * longer token (a hex pseudonym, say) is part of that token. All of it is Spark expressions, so
 * the scan runs inside Catalyst.
 */
public final class PersonalData {

  /**
   * Twelve digits standing alone: not part of a longer run of letters and digits, so a digit run
   * inside a hex pseudonym or an account token is not taken for an IIN.
   */
  static final String TWELVE_DIGITS = "(?<![0-9A-Za-z])[0-9]{12}(?![0-9A-Za-z])";
  /** Any twelve-digit run, for masking: a quarantine errs on the side of hiding. */
  static final String ANY_TWELVE_DIGITS = "(?<![0-9])[0-9]{12}(?![0-9])";
  /** What people write between the digits of a phone number: spaces, dashes, dots, brackets. */
  private static final String SEP = "[ ().-]{0,3}";
  /**
   * Phone numbers as people write them, standing alone: international ({@code +CC} and 7 to 14
   * more digits, e.g. {@code +44 20 7946 0958}, {@code +7 7172 55 66 77}) and Kazakh national
   * ({@code 8}, then a {@code 7} and nine more digits, e.g. {@code 8 (7172) 55-66-77},
   * {@code 8 701 234 56 78}).
   */
  static final String PHONE =
      "(?<![0-9A-Za-z+])(?:\\+[1-9](?:" + SEP + "[0-9]){7,14}|8" + SEP + "7(?:" + SEP + "[0-9]){9})(?![0-9A-Za-z])";
  static final String EMAIL =
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])";

  /**
   * Where any of the patterns can start: a phone number starts with {@code +} or {@code 8} and an
   * IIN with a digit, neither inside a longer token; an e-mail address holds an {@code @}. Most
   * values (letter codes, ids like {@code KZ0000046989}) have neither, and one byte search and one
   * simple pattern cost half of the three full ones.
   */
  static final String CANDIDATE_START = "(?<![0-9A-Za-z])[+0-9]";

  /** True when the text holds an IIN, a phone number or an e-mail address. */
  public static Column contains(Column text) {
    // The array scan is interpreted, not compiled: run it only on text that has twelve digits.
    Column iin =
        when(text.rlike(TWELVE_DIGITS), exists(regexp_extract_all(text, lit(TWELVE_DIGITS), lit(0)), Iin::isValid))
            .otherwise(lit(false));
    Column candidate = text.contains("@").or(text.rlike(CANDIDATE_START));
    return when(candidate, text.rlike(PHONE).or(text.rlike(EMAIL)).or(iin)).otherwise(lit(false));
  }

  /**
   * The text with every candidate identifier replaced by a marker. Any twelve-digit run is
   * masked, valid control digit or not: a quarantine errs on the side of hiding.
   */
  public static Column mask(Column text) {
    Column masked = regexp_replace(text, lit(EMAIL), lit("<EMAIL>"));
    masked = regexp_replace(masked, lit(PHONE), lit("<PHONE>"));
    return regexp_replace(masked, lit(ANY_TWELVE_DIGITS), lit("<IIN>"));
  }

  private PersonalData() {}
}
