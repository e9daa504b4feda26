package org.justicemonitor.tables;

/**
 * The status of one published cell, as data: a code per ruled column in {@code <column>_status},
 * after SDMX's observation and confidentiality status codes. It is what disclosure control
 * decides and what the linked model and the audit read; {@code suppression_reason} is written
 * from it for people and never read back.
 */
public enum CellStatus {
  /** Published (SDMX OBS_STATUS A, normal value). */
  PUBLISHED("A"),
  /** Suppressed: rests on fewer than k cases (SDMX CONF_STATUS C, primary confidentiality). */
  PRIMARY("C"),
  /** Suppressed so that no primary cell can be worked out (SDMX CONF_STATUS D, secondary confidentiality). */
  COMPLEMENT("D"),
  /** No value can exist: nothing to divide or measure (SDMX OBS_STATUS M, missing: not applicable). */
  NOT_APPLICABLE("M");

  /** A status column's name: the ruled column's, then this. */
  public static final String SUFFIX = "_status";

  private final String code;

  CellStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
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
