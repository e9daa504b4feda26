package org.justicemonitor.ingest;

import java.util.Locale;

/** Why a row went to quarantine. The code leads each entry of a row's {@code reason}. */
public enum ReasonCode {
  MALFORMED_RECORD("the record could not be split into the header's fields, or is not a JSON object"),
  MISSING_VALUE("a required column is empty"),
  INVALID_ENCODING("bytes that are not UTF-8 (shown as U+FFFD)"),
  VALUE_TOO_LONG("longer than " + RowValidator.MAX_VALUE_LENGTH + " characters, which no contract value is"),
  INVALID_TYPE("a JSON array or object, or a JSON true/false where text is declared"),
  INVALID_ENUM("a value outside the contract's list"),
  INVALID_DATE("not an ISO date yyyy-MM-dd (or not in the mapping profile's format), or no such day"),
  INVALID_TIMESTAMP("not an ISO 8601 timestamp (or not in the mapping profile's format)"),
  TIMESTAMP_WITHOUT_OFFSET("an ISO 8601 timestamp without its UTC offset"),
  INVALID_BOOLEAN("not true or false"),
  INVALID_NUMBER("not a whole number"),
  NEGATIVE_VALUE("a count or duration below zero"),
  UNKNOWN_REGION("not a region code of the region reference"),
  DATE_OUT_OF_RANGE("before 2000-01-01 (or the mapping profile's earliest date) or after the extract date (--as-of)"),
  DATE_ORDER("dates out of their required order"),
  OUTCOME_WITHOUT_DECISION("an outcome but no decided_at"),
  DECISION_WITHOUT_OUTCOME("a decided_at but no outcome"),
  NO_ADOPTING_UNIT("a rollout that names neither a court nor a region"),
  UNKNOWN_CODE("a code the mapping profile's lookup table does not list: never guessed"),
  UNMAPPED_VALUE("a source value the mapping profile's value map does not list: never guessed"),
  PII_DETECTED("an IIN, phone number or e-mail address in a text field");

  private final String meaning;

  ReasonCode(String meaning) {
    this.meaning = meaning;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String meaning() {
    return meaning;
  }
}
