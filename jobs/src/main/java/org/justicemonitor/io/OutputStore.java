package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.JobFailure;

/**
 * Where a run writes, and how its outputs become visible all at once.
 *
 * <p>Every table and file of a run goes first to {@code <output>/_staging/<run>/}. Stages mark what
 * they finished with {@link #complete}; later stages of the same run read those through
 * {@link #current}. Nothing under the output root changes until {@link #commit}, which moves the
 * finished outputs into place, the run manifest with them, and {@value #SUCCESS} last. Before the
 * first move it writes a journal; a run killed while publishing is rolled back by the next run on
 * the same root, so the previous outputs come back whole. One run at a time holds the root (a lock
 * file naming host and process); a lock left by a process that is gone is taken over.
 */
public final class OutputStore {

  public static final String STAGING_DIR = "_staging";
  public static final String SUCCESS = "_SUCCESS";
  public static final String MANIFEST = "_manifest.json";
  private static final String LOCK = "_lock";
  private static final String JOURNAL = "_publishing";

  private final SparkSession spark;
  private final String root;
  private final String runId;
  private final String runDir;
  private final FileSystem fs;
  private final Set<String> completed = new LinkedHashSet<>();
  private final RunManifest manifest;
  private boolean holdsLock;

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
    lock();
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
   * Publishes every finished output of this run, with the manifest, then {@value #SUCCESS}. The
   * journal is written first and removed last: a run killed in between is rolled back.
   */
  public void commit(String command, String codeVersion) {
    commit(command, codeVersion, moves -> false);
  }

  /** {@link #commit}, stopping dead before a move when {@code killBefore} says so: to test recovery. */
  void commit(String command, String codeVersion, IntPredicate killBefore) {
    List<String> outputs = new ArrayList<>(completed);
    writeText(MANIFEST, manifest.toJson(command, codeVersion, outputs, this::rowCount));
    writeText(SUCCESS, runId + "\n");
    List<String> items = new ArrayList<>();
    items.add(SUCCESS); // moved aside first, so readers never see a half-replaced root as complete
    items.addAll(outputs);
    items.add(MANIFEST);
    try {
      writeJournal(items);
      moveAside(SUCCESS);
      int moves = 0;
      for (String item : items.subList(1, items.size())) {
        if (killBefore.test(moves++)) {
          throw new SimulatedKill();
        }
        moveAside(item);
        rename(new Path(staging(item)), new Path(published(item)));
      }
      rename(new Path(staging(SUCCESS)), new Path(published(SUCCESS)));
      fs.delete(new Path(runDir, JOURNAL), false);
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
      if (!fs.exists(new Path(runDir, JOURNAL))) {
        fs.delete(new Path(runDir), true);
      }
      if (holdsLock) {
        fs.delete(new Path(Paths.join(root, STAGING_DIR, LOCK)), false);
        holdsLock = false;
      }
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

  private long rowCount(String name) {
    String path = staging(name);
    if (!isParquetTable(path)) {
      return -1;
    }
    // An empty table (a dataset the input root lacks) has no data file to read a schema from.
    return hasDataFile(path) ? spark.read().parquet(path).count() : 0;
  }

  private boolean hasDataFile(String path) {
    try {
      var files = fs.listFiles(new Path(path), true);
      while (files.hasNext()) {
        if (files.next().getPath().getName().endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean isParquetTable(String path) {
    try {
      Path p = new Path(path);
      return fs.getFileStatus(p).isDirectory() && fs.exists(new Path(p, SUCCESS))
          && !fs.exists(new Path(p, "metadata")); // a saved ML model also has _SUCCESS files inside
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void lock() {
    Path lock = new Path(Paths.join(root, STAGING_DIR, LOCK));
    String holder = runId + " " + RunLock.host() + " " + ProcessHandle.current().pid();
    try {
      for (int attempt = 0; attempt < 2; attempt++) {
        if (fs.createNewFile(lock)) {
          try (var out = fs.create(lock, true)) {
            out.write(holder.getBytes(StandardCharsets.UTF_8));
          }
          holdsLock = true;
          return;
        }
        String other;
        try (var in = fs.open(lock)) {
          other = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!RunLock.isStale(other)) {
          throw new JobFailure(
              "another run (" + other + ") is writing to " + root + "; wait for it to finish, or, if it is no"
                  + " longer running on that host, delete " + lock + " and run again");
        }
        fs.delete(lock, false);
      }
      throw new JobFailure("cannot take the lock " + lock + "; delete it and run again");
    } catch (IOException e) {
      throw new JobFailure("cannot write to the output directory " + root + " (" + e.getMessage()
          + "); choose an --output directory you can write to", e);
    }
  }

  /** Rolls back what a killed run was publishing, then removes what killed runs left behind. */
  private void recoverInterruptedRuns() {
    try {
      for (FileStatus status : fs.listStatus(new Path(Paths.join(root, STAGING_DIR)))) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || name.equals(runId)) {
          continue;
        }
        Path journal = new Path(status.getPath(), JOURNAL);
        if (fs.exists(journal)) {
          rollBack(status.getPath(), readLines(journal));
          System.err.println("justice-monitor: run " + name + " was interrupted while publishing under " + root
              + "; its changes were rolled back and the outputs before it restored");
        }
        fs.delete(status.getPath(), true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover " + root + " after an interrupted run: " + e.getMessage(), e);
    }
  }

  /** Undoes a publish in any state: an item is untouched, moved aside, or replaced. */
  private void rollBack(Path otherRunDir, List<String> items) throws IOException {
    for (String item : items) {
      Path staged = new Path(otherRunDir, "out/" + item);
      Path previous = new Path(otherRunDir, "previous/" + item);
      Path target = new Path(published(item));
      if (!fs.exists(staged) && fs.exists(target)) {
        fs.delete(target, true);
      }
      if (fs.exists(previous)) {
        fs.mkdirs(target.getParent());
        rename(previous, target);
      }
    }
  }

  private void moveAside(String item) throws IOException {
    Path target = new Path(published(item));
    if (fs.exists(target)) {
      Path previous = new Path(Paths.join(runDir, "previous", item));
      fs.mkdirs(previous.getParent());
      rename(target, previous);
    } else {
      fs.mkdirs(target.getParent());
    }
  }

  private void writeJournal(List<String> items) throws IOException {
    Path journal = new Path(runDir, JOURNAL);
    Path written = new Path(runDir, JOURNAL + ".tmp");
    try (var out = fs.create(written, true)) {
      out.write((String.join("\n", items) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    rename(written, journal);
  }

  private List<String> readLines(Path file) throws IOException {
    try (var in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
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

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }
}
