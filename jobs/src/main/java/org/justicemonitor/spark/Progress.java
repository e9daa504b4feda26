package org.justicemonitor.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * The console lines a person watches during a run. Each Spark job is labelled with the step's
 * words, so the Spark UI shows which step is running.
 *
 * <p>Two displays. <b>Plain</b> (output to a file or a pipe): one line per stage and step, with its
 * elapsed time, and nothing rewritten, so a log reads top to bottom. <b>Live</b> (a terminal): one
 * line per stage, rewritten in place about twice a second: the steps done, the steps running, the
 * Spark tasks done of those to do in the running jobs, and the elapsed time. When the stage ends
 * its line stays, with the stage's time. Messages ({@link #step}, {@link #block}) are printed
 * above it in both displays. Spark's own progress bars are off ({@link SparkSessions}): they
 * would interleave with these lines.
 */
public final class Progress {

  private static final long REDRAW_MS = 500;

  private final SparkSession spark;
  private final PrintStream out;
  private final boolean live;
  private volatile String stage = "";
  private final AtomicLong stageStarted = new AtomicLong(System.nanoTime());
  private final AtomicInteger stepsDone = new AtomicInteger();
  /** The steps running now, by a sequence number, so that the line names them in the order they began. */
  private final Map<Long, String> running = new ConcurrentSkipListMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private ScheduledExecutorService ticker;
  private ScheduledFuture<?> redraw;
  private int drawnWidth;
  /** Whether a stage's live line is on the screen: between {@link #stage} and {@link #done}. */
  private boolean active;

  /** Plain lines: for a file, a pipe, a test. */
  public Progress(SparkSession spark, PrintStream out) {
    this(spark, out, false);
  }

  /**
   * @param live rewrite one line per stage in place; for a terminal
   */
  public Progress(SparkSession spark, PrintStream out, boolean live) {
    this.spark = spark;
    this.out = out;
    this.live = live;
  }

  /** For standard output: live when it is a terminal, plain when it goes to a file or a pipe. */
  public static Progress forStandardOutput(SparkSession spark) {
    return new Progress(spark, System.out, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  public boolean live() {
    return live;
  }

  public void stage(String name) {
    stage = name;
    stageStarted.set(System.nanoTime());
    stepsDone.set(0);
    running.clear();
    if (live) {
      synchronized (this) {
        active = true;
      }
      startTicker();
      draw();
    } else {
      out.printf("[%s] started%n", name);
    }
  }

  /** A message worth keeping: above the live line, or a plain line. */
  public void step(String what, String detail) {
    message(String.format("[%s] %s: %s", stage, what, detail));
  }

  public void job(String description, Runnable work) {
    long started = System.nanoTime();
    long id = sequence.incrementAndGet();
    running.put(id, description);
    spark.sparkContext().setJobDescription(stage + ": " + description);
    try {
      work.run();
    } finally {
      spark.sparkContext().setJobDescription(null);
      running.remove(id);
    }
    stepsDone.incrementAndGet();
    if (!live) {
      out.printf(Locale.ROOT, "[%s] %s (%.1f s)%n", stage, description, (System.nanoTime() - started) / 1e9);
    }
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
    message(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
  }

  public void done(double seconds) {
    String line = String.format(Locale.ROOT, "[%s] done in %.1f s", stage, seconds);
    if (live) {
      stopTicker();
      synchronized (this) {
        out.print("\r" + pad(line + String.format(Locale.ROOT, " (%d steps)", stepsDone.get())) + "\n");
        drawnWidth = 0;
        active = false;
        out.flush();
      }
    } else {
      out.println(line);
    }
  }

  /** Ends a live line left on the screen, e.g. by a stage that failed, so that what follows starts on a line of its own. */
  public synchronized void end() {
    stopTicker();
    if (active) {
      out.println();
      out.flush();
      active = false;
      drawnWidth = 0;
    }
  }

  /** The live line now: the stage, its steps done and running, the running jobs' tasks, the time. */
  String statusLine() {
    int done = stepsDone.get();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s] %d step%s done", stage, done,
        done == 1 ? "" : "s"));
    if (!running.isEmpty()) {
      line.append(" · ").append(String.join(", ", running.values()));
    }
    int[] tasks = tasks();
    if (tasks[1] > 0) {
      line.append(String.format(Locale.ROOT, " · tasks %d/%d", tasks[0], tasks[1]));
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stageStarted.get());
    line.append(String.format(Locale.ROOT, " · %d:%02d", seconds / 60, seconds % 60));
    return line.toString();
  }

  /** Tasks completed and in all, over the stages of the jobs running now. */
  private int[] tasks() {
    SparkStatusTracker tracker = spark.sparkContext().statusTracker();
    int done = 0;
    int all = 0;
    for (int id : tracker.getActiveStageIds()) {
      scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
      if (info.isDefined()) {
        done += info.get().numCompletedTasks();
        all += info.get().numTasks();
      }
    }
    return new int[] {done, all};
  }

  private synchronized void message(String text) {
    if (active) {
      out.print("\r" + pad(text) + "\n");
      drawnWidth = 0;
      draw();
    } else {
      out.println(text);
    }
  }

  private synchronized void draw() {
    if (!active) {
      return;
    }
    String line = fit(statusLine());
    out.print("\r" + pad(line));
    drawnWidth = line.length();
    out.flush();
  }

  /** The line cut to the terminal's width: a line that wraps cannot be rewritten in place. */
  private static String fit(String line) {
    int width = 100;
    try {
      width = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim());
    } catch (NumberFormatException e) {
      // keep 100
    }
    return line.length() < width ? line : line.substring(0, Math.max(1, width - 2)) + "…";
  }

  /** The text, padded with spaces over what the last live line drew. */
  private String pad(String text) {
    return text.length() >= drawnWidth ? text : text + " ".repeat(drawnWidth - text.length());
  }

  private synchronized void startTicker() {
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-line");
        t.setDaemon(true);
        return t;
      });
    }
    if (redraw != null) {
      redraw.cancel(false);
    }
    redraw = ticker.scheduleAtFixedRate(this::draw, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
  }

  private synchronized void stopTicker() {
    if (redraw != null) {
      redraw.cancel(false);
      redraw = null;
    }
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
