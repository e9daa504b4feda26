package org.justicemonitor.ingest;

import org.justicemonitor.JobFailure;

/** Input that the job cannot read at all; the message names the file and what to do. */
public final class InputException extends JobFailure {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
