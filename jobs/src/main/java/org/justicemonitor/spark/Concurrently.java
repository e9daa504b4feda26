package org.justicemonitor.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Independent Spark actions from a few driver threads at once. On small inputs a query's time
 * is mostly the driver's (planning, code generation, scheduling), so one query's planning
 * overlaps another's tasks; on large inputs the executors' slots are shared as usual. Results
 * come back in the order of the items, so outputs do not depend on which finished first.
 */
public final class Concurrently {

  private Concurrently() {}

  /** Driver threads for a session: one per executor core, at least 2 and at most 4. */
  public static int threads(SparkSession spark) {
    return Math.max(2, Math.min(4, spark.sparkContext().defaultParallelism()));
  }

  /** {@code work} applied to every item, on {@code threads} threads; the first failure is rethrown as it was. */
  public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> work) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "justice-monitor-driver");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) {
        results.add(get(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every piece of work, on {@code threads} threads; the first failure is rethrown as it was. */
  public static void run(List<Runnable> work, int threads) {
    map(work, threads, w -> {
      w.run();
      return true;
    });
  }

  /**
   * Work that nothing waits for until the end, run beside what follows: saving a model while
   * the next one trains, say. {@link Background#await} rethrows the first failure.
   */
  public static Background background() {
    return new Background();
  }

  /** Pieces of work on one background thread, in the order given. */
  public static final class Background implements AutoCloseable {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "justice-monitor-background");
      t.setDaemon(true);
      return t;
    });
    private final List<Future<?>> started = new ArrayList<>();

    private Background() {}

    public void submit(Runnable work) {
      started.add(pool.submit(work));
    }

    /** Waits for everything submitted; the first failure is rethrown as it was. */
    public void await() {
      for (Future<?> f : started) {
        get(f);
      }
    }

    /** Stops what has not started: after a failure elsewhere, nothing is left to wait for. */
    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
