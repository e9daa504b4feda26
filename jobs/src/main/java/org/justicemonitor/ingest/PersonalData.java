package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Finds and masks personal identifiers in text: Kazakh IINs (twelve digits with a valid control
 * digit), phone numbers (Kazakh mobile numbers in their usual spellings, and any E.164 number),
 * and e-mail addresses. All of it is Spark expressions, so the scan runs inside Catalyst.
 */
public final class PersonalData {

  static final String TWELVE_DIGITS = "(?<![0-9])[0-9]{12}(?![0-9])";
  static final String PHONE =
      "(?<![0-9A-Za-z])(?:(?:\\+7|8)[ (-]{0,2}7[0-9]{2}[ )-]{0,2}[0-9]{3}[ -]?[0-9]{2}[ -]?[0-9]{2}"
          + "|\\+[1-9][0-9]{9,14})(?![0-9])";
  static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

  /** True when the text holds an IIN, a phone number or an e-mail address. */
  public static Column contains(Column text) {
    // The array scan is interpreted, not compiled: run it only on text that has twelve digits.
    Column iin =
        when(text.rlike(TWELVE_DIGITS), exists(regexp_extract_all(text, lit(TWELVE_DIGITS), lit(0)), Iin::isValid))
            .otherwise(lit(false));
    return text.rlike(PHONE).or(text.rlike(EMAIL)).or(iin);
  }

  /**
   * The text with every candidate identifier replaced by a marker. Any twelve-digit run is
   * masked, valid control digit or not: a quarantine errs on the side of hiding.
   */
  public static Column mask(Column text) {
    Column masked = regexp_replace(text, lit(EMAIL), lit("<EMAIL>"));
    masked = regexp_replace(masked, lit(PHONE), lit("<PHONE>"));
    return regexp_replace(masked, lit(TWELVE_DIGITS), lit("<IIN>"));
  }

  private PersonalData() {}
}
