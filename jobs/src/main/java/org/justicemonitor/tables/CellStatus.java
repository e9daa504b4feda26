package org.justicemonitor.tables;

/**
 * The status of one published cell, as data: a code per ruled column in {@code <column>_status},
 * after SDMX's observation and confidentiality status codes. It is what disclosure control
 * decides and what the linked model and the audit read; {@code suppression_reason} is written
 * from it for people and never read back.
 */
public enum CellStatus {
  /** Published (SDMX OBS_STATUS A, normal value). */
  PUBLISHED("A", "published"),
  /** Suppressed: rests on fewer than k cases (SDMX CONF_STATUS C, primary confidentiality). */
  PRIMARY("C", "rests on fewer than k cases"),
  /** Suppressed so that no primary cell can be worked out (SDMX CONF_STATUS D, secondary confidentiality). */
  COMPLEMENT("D", "suppressed as a complement"),
  /** No value can exist: nothing to divide or measure (SDMX OBS_STATUS M, missing: not applicable). */
  NOT_APPLICABLE("M", "not applicable");

  /** A status column's name: the ruled column's, then this. */
  public static final String SUFFIX = "_status";

  private final String code;
  private final String meaning;

  CellStatus(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  public boolean suppressed() {
    return this == PRIMARY || this == COMPLEMENT;
  }

  public static CellStatus of(String code) {
    for (CellStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a cell status code: " + code);
  }
}
