package org.justicemonitor.ingest;

import org.justicemonitor.JobFailure;

/**
 * A dataset quarantined more than {@code --max-bad-fraction} of its rows: nothing was published.
 * Its own exit code (3), so a scheduler can tell a bad delivery, which needs its producer, from
 * a failed job, which needs us.
 */
public final class TooManyBadRows extends JobFailure {
  private static final long serialVersionUID = 1L;

  public TooManyBadRows(String message) {
    super(message);
  }
}
