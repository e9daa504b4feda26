package org.justicemonitor.generate;

import java.time.YearMonth;

/**
 * One injected anomaly, as the labels file states it.
 *
 * @param kind what was done, e.g. {@code slow_court}
 * @param entityType {@code court}, {@code region} or {@code region_service}, as in the contract
 * @param entityId the court id, region code, or {@code region:service}
 * @param period the month the anomaly shows in
 * @param signal the indicator that should reveal it
 */
public record Anomaly(String kind, String entityType, String entityId, YearMonth period, String signal) {

  public static final String SLOW_COURT = "slow_court";
  public static final String STALLED_COURT = "stalled_court";
  public static final String FILING_SURGE = "filing_surge";
  public static final String REGISTRATION_LAG = "registration_lag";
  public static final String SERVICE_OUTAGE = "service_outage";
}
