package org.justicemonitor.anomalies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a flag says is abnormal (the flags' {@code signal} column), and the kind of anomaly each
 * signal is meant to find: what {@code evaluate} counts a flag as having found.
 */
public enum Signal {
  INCOMING("incoming", "court", "filing_surge"),
  RESOLVED("resolved", "court", "stalled_court"),
  RESOLVED_BURST("resolved_burst", "court", "slow_court"),
  DAYS_TO_DECISION("days_to_decision", "court", "slow_court"),
  /** Many more decisions than expected and slower ones, in the same court-month: the two tails combined. */
  BACKLOG_DECIDED("backlog_decided", "court", "slow_court"),
  DAYS_TO_REGISTER_E_FILING("days_to_register_e_filing", "region", "registration_lag"),
  SERVICE_FAILURE_RATE("service_failure_rate", "region_service", "service_outage"),
  /** A region whose indicators together look unlike its usual months: no one kind. */
  INDICATOR_PROFILE("indicator_profile", "region", null),
  /** A judge given far more of the court's new cases than usual: a workload question, no generated kind. */
  JUDGE_ASSIGNED("judge_assigned", "judge", null),
  /** A judge deciding far fewer of the court's decisions than usual. */
  JUDGE_DECIDED("judge_decided", "judge", null),
  /** A judge holding far more of the court's pending cases at a month's end than usual. */
  JUDGE_PENDING("judge_pending", "judge", null),
  /** A judge's decisions far slower than those of the other judges of the court on cases of the same category. */
  JUDGE_DAYS_TO_DECISION("judge_days_to_decision", "judge", null);

  private final String label;
  private final String entityType;
  private final String kind;

  Signal(String label, String entityType, String kind) {
    this.label = label;
    this.entityType = entityType;
    this.kind = kind;
  }

  /** The entity type of its flags: the review queue, and so the false-discovery family, it is in. */
  public String entityType() {
    return entityType;
  }

  /** The signal of a flag's {@code signal} column. */
  public static Optional<Signal> of(String label) {
    for (Signal s : values()) {
      if (s.label.equals(label)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The value of the flags' {@code signal} column. */
  public String label() {
    return label;
  }

  /** The generator's kind of anomaly this signal is meant to find, if any. */
  public Optional<String> kind() {
    return Optional.ofNullable(kind);
  }

  /** Signal label to the kind it finds, for the signals that find one. */
  public static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (Signal s : values()) {
      s.kind().ifPresent(k -> kinds.put(s.label, k));
    }
    return kinds;
  }
}
