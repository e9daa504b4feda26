package org.justicemonitor.ingest;

import java.io.EOFException;
import java.util.zip.ZipException;
import org.apache.spark.SparkThrowable;
import org.justicemonitor.JobFailure;
import org.justicemonitor.io.InputFiles;

/** Input that the job cannot read at all; the message names the file and what to do. */
public final class InputException extends JobFailure {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  private InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Runs a Spark job over input files; a file Spark could not read (a truncated or damaged gzip,
   * say) becomes one message naming the file instead of a task failure's stack trace.
   */
  static void reading(Runnable job) {
    try {
      job.run();
    } catch (Exception e) { // Spark's exceptions are checked ones, thrown from Scala undeclared
      String file = unreadableFile(e);
      if (file == null) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String what = root instanceof EOFException ? "ends early: a truncated copy or download"
          : root instanceof ZipException ? "is damaged or not gzip (" + root.getMessage() + ")"
          : "cannot be read (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
      throw new InputException(file + " " + what + "; copy or export it again, or move it out of the input root", e);
    }
  }

  private static String unreadableFile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SparkThrowable s && s.getCondition() != null && s.getCondition().startsWith("FAILED_READ_FILE")) {
        String path = s.getMessageParameters().get("path");
        return path != null ? InputFiles.shown(path) : "an input file";
      }
    }
    return null;
  }
}
