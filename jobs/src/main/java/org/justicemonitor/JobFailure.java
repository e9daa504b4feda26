package org.justicemonitor;

/**
 * A failure the user can act on: bad input, a missing key, too many bad rows. The command line
 * prints its message as one line, without a stack trace, and exits non-zero; the message names
 * what failed and what to do.
 */
public class JobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobFailure(String message) {
    super(message);
  }

  public JobFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
