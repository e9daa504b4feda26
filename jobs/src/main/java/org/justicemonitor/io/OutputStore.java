package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.JobFailure;

/**
 * Where a run writes. Every table goes first to {@code <output>/_staging/<run>/<table>}; only when
 * the whole stage has succeeded does {@link #publish} move the tables into place, one directory
 * rename each, so a failed run leaves the previously published outputs as they were.
 */
public final class OutputStore {

  public static final String STAGING_DIR = "_staging";

  private final SparkSession spark;
  private final String root;
  private final String runDir;
  private final FileSystem fs;

  public OutputStore(SparkSession spark, String root, String runId) {
    this.spark = spark;
    this.root = root.replaceAll("/+$", "");
    this.runDir = Paths.join(this.root, STAGING_DIR, runId);
    try {
      this.fs = new Path(this.root).getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.mkdirs(new Path(runDir))) {
        throw new JobFailure("cannot create " + runDir + "; choose an --output directory you can write to");
      }
    } catch (IOException e) {
      throw new JobFailure(
          "cannot write to the output directory " + this.root + " (" + e.getMessage()
              + "); choose an --output directory you can write to",
          e);
    }
  }

  public String root() {
    return root;
  }

  /** The final location of a table, e.g. {@code quarantine/cases}. */
  public String published(String table) {
    return Paths.join(root, table);
  }

  /** Where this run writes a table before it is published. */
  public String staging(String table) {
    return Paths.join(runDir, "tables", table);
  }

  /** Scratch space of this run, removed by {@link #close}. */
  public String scratch(String name) {
    return Paths.join(runDir, "scratch", name);
  }

  public SparkSession spark() {
    return spark;
  }

  /** Moves staged tables into place, replacing earlier versions of the same tables only. */
  public void publish(List<String> tables) {
    try {
      for (String table : tables) {
        Path staged = new Path(staging(table));
        if (!fs.exists(staged)) {
          throw new IllegalStateException("nothing staged for " + table);
        }
        Path target = new Path(published(table));
        Path previous = new Path(Paths.join(runDir, "previous", table));
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
          fs.mkdirs(previous.getParent());
          rename(target, previous);
        }
        rename(staged, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("publishing outputs under " + root + " failed: " + e.getMessage(), e);
    }
  }

  /** Writes a small text file (a summary, a manifest) into place: written aside, then renamed. */
  public void publishText(String relativePath, String content) {
    try {
      Path target = new Path(published(relativePath));
      Path aside = new Path(Paths.join(runDir, "text", relativePath));
      try (var out = fs.create(aside, true)) {
        out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      fs.mkdirs(target.getParent());
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      rename(aside, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relativePath + " under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Removes this run's staging area: scratch files, unpublished tables, replaced versions. */
  public void close() {
    try {
      fs.delete(new Path(runDir), true);
      Path staging = new Path(Paths.join(root, STAGING_DIR));
      if (fs.exists(staging) && fs.listStatus(staging).length == 0) {
        fs.delete(staging, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + runDir + ": " + e.getMessage(), e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }
}
