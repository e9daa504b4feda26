package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.JobFailure;

/**
 * Where a run writes: its staging area, what it has finished, and where a later stage reads each
 * output.
 *
 * <p>Every table and file of a run goes first to {@code <output>/_staging/<run>/}. Stages mark what
 * they finished with {@link #complete}; later stages of the same run read those through
 * {@link #current}. Nothing under the output root changes until {@link #commit}, which hands the
 * finished outputs and the run manifest to the {@link PublishJournal}, the commit protocol that
 * also rolls back a run killed while publishing. One run at a time holds the root ({@link RunLock}).
 */
public final class OutputStore {

  public static final String STAGING_DIR = "_staging";
  public static final String SUCCESS = "_SUCCESS";
  public static final String MANIFEST = "_manifest.json";
  private static final String LOCK = "_lock";

  private final SparkSession spark;
  private final String root;
  private final String runId;
  private final String runDir;
  private final FileSystem fs;
  private final Set<String> completed = new LinkedHashSet<>();
  private final RunManifest manifest;
  private final RunLock lock;
  private final PublishJournal journal;

  public OutputStore(SparkSession spark, String root, String runId) {
    this.spark = spark;
    this.root = root.replaceAll("/+$", "");
    this.runId = runId;
    this.runDir = Paths.join(this.root, STAGING_DIR, runId);
    try {
      this.fs = new Path(this.root).getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.setWriteChecksum(false); // no .crc files beside the manifest and summaries
      if (!fs.mkdirs(new Path(Paths.join(this.root, STAGING_DIR)))) {
        throw new IOException("mkdirs failed");
      }
    } catch (IOException | RuntimeException e) {
      throw new JobFailure(
          "cannot write to the output directory " + this.root + " (" + e.getMessage()
              + "); choose an --output directory you can write to",
          e);
    }
    this.lock = RunLock.acquire(fs, new Path(Paths.join(this.root, STAGING_DIR, LOCK)), runId, this.root);
    this.journal = new PublishJournal(fs, this.root);
    recoverInterruptedRuns();
    mkdirs(runDir);
    this.manifest = new RunManifest(runId, readPublishedText(MANIFEST));
  }

  public String root() {
    return root;
  }

  public String runId() {
    return runId;
  }

  public SparkSession spark() {
    return spark;
  }

  /** What this run will record in {@value #MANIFEST}; stages add their inputs and settings. */
  public RunManifest manifest() {
    return manifest;
  }

  /** The final location of a table or file, e.g. {@code quarantine/cases}. */
  public String published(String name) {
    return Paths.join(root, name);
  }

  /** Where this run writes a table or file before it is published. */
  public String staging(String name) {
    return Paths.join(runDir, "out", name);
  }

  /**
   * Writes rows once to the run's scratch space and reads them back with their schema: later
   * steps scan the Parquet instead of recomputing the plan.
   */
  public Dataset<Row> materialize(String name, Dataset<Row> rows) {
    String path = scratch(name);
    rows.write().mode(SaveMode.Overwrite).parquet(path);
    return spark().read().schema(rows.schema()).parquet(path);
  }

  /** Rows an earlier step of this run wrote with {@link #materialize}; empty when none did. */
  public Optional<Dataset<Row>> materialized(String name) {
    String path = scratch(name);
    return exists(Paths.join(path, SUCCESS)) ? Optional.of(spark().read().parquet(path)) : Optional.empty();
  }

  /** Scratch space of this run, removed by {@link #close}. */
  public String scratch(String name) {
    return Paths.join(runDir, "scratch", name);
  }

  /** Where a later stage reads an output: this run's finished version, else the published one. */
  public String current(String name) {
    return completed.contains(name) ? staging(name) : published(name);
  }

  /** Marks staged tables or files as finished: they will be published by {@link #commit}. */
  public void complete(List<String> names) {
    for (String name : names) {
      if (!exists(staging(name))) {
        throw new IllegalStateException("nothing staged for " + name);
      }
      completed.add(name);
    }
  }

  /** Stages a small text file (a summary, a page) and marks it finished. */
  public void writeText(String name, String content) {
    try (var out = fs.create(new Path(staging(name)), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " under " + runDir + ": " + e.getMessage(), e);
    }
    complete(List.of(name));
  }

  /** A published text file, such as the previous manifest; empty when there is none. */
  public Optional<String> readPublishedText(String name) {
    Path path = new Path(published(name));
    try {
      if (!fs.exists(path)) {
        return Optional.empty();
      }
      try (var in = fs.open(path)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Publishes every finished output of this run, with the manifest, then {@value #SUCCESS}, by the
   * {@link PublishJournal}: a run killed in between is rolled back by the next.
   *
   * @param access who may see each output ({@code public} or {@code restricted}), for the manifest
   */
  public void commit(String command, String codeVersion, Function<String, String> access) {
    commit(command, codeVersion, access, moves -> false);
  }

  /** {@link #commit}, stopping dead before a move when {@code killBefore} says so: to test recovery. */
  void commit(String command, String codeVersion, Function<String, String> access, IntPredicate killBefore) {
    List<String> outputs = new ArrayList<>(completed);
    writeText(MANIFEST, manifest.toJson(command, codeVersion, outputs, name -> TableRows.count(spark, fs, staging(name)),
        access));
    writeText(SUCCESS, runId + "\n");
    List<String> items = new ArrayList<>(outputs);
    items.add(MANIFEST);
    try {
      journal.publish(new Path(runDir), SUCCESS, items, killBefore);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "publishing outputs under " + root + " failed: " + e.getMessage()
              + "; the next run on this --output rolls the change back",
          e);
    }
    completed.clear();
  }

  /**
   * Removes this run's staging area and releases the root. A run that did not commit leaves the
   * published outputs as they were; one that failed while publishing keeps its journal for the
   * next run to roll back.
   */
  public void close() {
    try {
      if (!journal.interrupted(new Path(runDir))) {
        fs.delete(new Path(runDir), true);
      }
      lock.release();
      Path staging = new Path(Paths.join(root, STAGING_DIR));
      if (fs.exists(staging) && fs.listStatus(staging).length == 0) {
        fs.delete(staging, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + runDir + ": " + e.getMessage(), e);
    }
  }

  /** What {@link #commit(String, String, IntPredicate)} throws to stop midway. */
  static final class SimulatedKill extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Rolls back what a killed run was publishing, then removes what killed runs left behind. */
  private void recoverInterruptedRuns() {
    try {
      for (String run : journal.recover(new Path(Paths.join(root, STAGING_DIR)), runId)) {
        System.err.println("justice-monitor: run " + run + " was interrupted while publishing under " + root
            + "; its changes were rolled back and the outputs before it restored");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover " + root + " after an interrupted run: " + e.getMessage(), e);
    }
  }

  private boolean exists(String path) {
    try {
      return fs.exists(new Path(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void mkdirs(String dir) {
    try {
      if (!fs.mkdirs(new Path(dir))) {
        throw new IOException("mkdirs failed");
      }
    } catch (IOException e) {
      throw new JobFailure("cannot create " + dir + " (" + e.getMessage()
          + "); choose an --output directory you can write to", e);
    }
  }
}
