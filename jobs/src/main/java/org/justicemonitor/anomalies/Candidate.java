package org.justicemonitor.anomalies;

import java.util.List;

/** The columns every signal produces for each scored entity and month, before thresholds and ranks. */
final class Candidate {

  static final List<String> COLUMNS =
      List.of("entity_type", "entity_id", "period", "signal", "actual", "expected", "score", "explanation", "top_features");

  private Candidate() {}
}
