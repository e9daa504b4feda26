package org.justicemonitor.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The console lines a person watches during a run: one per stage and step, with elapsed time.
 * Each Spark job is labelled with the same words, so the Spark UI shows which step is running.
 */
public final class Progress {

  private final SparkSession spark;
  private final PrintStream out;
  private volatile String stage = "";

  public Progress(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.out = out;
  }

  public void stage(String name) {
    stage = name;
    out.printf("[%s] started%n", name);
  }

  public void step(String what, String detail) {
    out.printf("[%s] %s: %s%n", stage, what, detail);
  }

  public void job(String description, Runnable work) {
    long started = System.nanoTime();
    spark.sparkContext().setJobDescription(stage + ": " + description);
    try {
      work.run();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    out.printf(Locale.ROOT, "[%s] %s (%.1f s)%n", stage, description, (System.nanoTime() - started) / 1e9);
  }

  /** Like {@link #job}, for work that returns something. */
  public <T> T result(String description, java.util.function.Supplier<T> work) {
    Object[] holder = new Object[1];
    job(description, () -> holder[0] = work.get());
    @SuppressWarnings("unchecked")
    T result = (T) holder[0];
    return result;
  }

  /** Lines printed as they are, e.g. a summary table shown before a stage stops. */
  public void block(String text) {
    out.print(text.endsWith("\n") ? text : text + "\n");
  }

  public void done(double seconds) {
    out.printf(Locale.ROOT, "[%s] done in %.1f s%n", stage, seconds);
  }

  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
