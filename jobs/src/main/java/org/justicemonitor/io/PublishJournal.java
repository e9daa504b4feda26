package org.justicemonitor.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The commit protocol of an output root: how a run's staged outputs replace the published ones
 * so that readers never see a half-replaced root as complete, and how a publish killed halfway is
 * rolled back by the next run.
 *
 * <p>Before the first move the run writes a journal listing every item. {@code _SUCCESS} is moved
 * aside first; then each item's published version is moved aside to {@code previous/} and the
 * staged one moved into place; the new {@code _SUCCESS} comes last, and removing the journal is
 * the commit point. A run directory that still holds a journal is rolled back: every item is, in
 * any state, untouched, moved aside, or replaced, and each state has one way back.
 */
final class PublishJournal {

  static final String JOURNAL = "_publishing";

  private final FileSystem fs;
  private final String root;

  PublishJournal(FileSystem fs, String root) {
    this.fs = fs;
    this.root = root;
  }

  /**
   * Publishes {@code items} staged under {@code runDir/out/}, with {@code success} first aside and
   * last into place.
   *
   * @param killBefore stops dead before the n-th move when it says so: to test recovery
   */
  void publish(Path runDir, String success, List<String> items, IntPredicate killBefore) throws IOException {
    writeJournal(runDir, concat(success, items));
    moveAside(runDir, success);
    int moves = 0;
    for (String item : items) {
      if (killBefore.test(moves++)) {
        throw new OutputStore.SimulatedKill();
      }
      moveAside(runDir, item);
      rename(new Path(runDir, "out/" + item), published(item));
    }
    rename(new Path(runDir, "out/" + success), published(success));
    fs.delete(new Path(runDir, JOURNAL), false);
  }

  /** Whether a run directory holds a publish that did not finish. */
  boolean interrupted(Path runDir) throws IOException {
    return fs.exists(new Path(runDir, JOURNAL));
  }

  /**
   * Rolls back what killed runs were publishing, then removes what they left behind.
   *
   * @return the names of the runs rolled back
   */
  List<String> recover(Path stagingDir, String currentRun) throws IOException {
    List<String> rolledBack = new java.util.ArrayList<>();
    for (FileStatus status : fs.listStatus(stagingDir)) {
      String name = status.getPath().getName();
      if (!status.isDirectory() || name.equals(currentRun)) {
        continue;
      }
      if (interrupted(status.getPath())) {
        rollBack(status.getPath(), readLines(new Path(status.getPath(), JOURNAL)));
        rolledBack.add(name);
      }
      fs.delete(status.getPath(), true);
    }
    return rolledBack;
  }

  /** Undoes a publish in any state: an item is untouched, moved aside, or replaced. */
  private void rollBack(Path otherRunDir, List<String> items) throws IOException {
    for (String item : items) {
      Path staged = new Path(otherRunDir, "out/" + item);
      Path previous = new Path(otherRunDir, "previous/" + item);
      Path target = published(item);
      if (!fs.exists(staged) && fs.exists(target)) {
        fs.delete(target, true);
      }
      if (fs.exists(previous)) {
        fs.mkdirs(target.getParent());
        rename(previous, target);
      }
    }
  }

  private void moveAside(Path runDir, String item) throws IOException {
    Path target = published(item);
    if (fs.exists(target)) {
      Path previous = new Path(runDir, "previous/" + item);
      fs.mkdirs(previous.getParent());
      rename(target, previous);
    } else {
      fs.mkdirs(target.getParent());
    }
  }

  private void writeJournal(Path runDir, List<String> items) throws IOException {
    Path written = new Path(runDir, JOURNAL + ".tmp");
    try (var out = fs.create(written, true)) {
      out.write((String.join("\n", items) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    rename(written, new Path(runDir, JOURNAL));
  }

  private List<String> readLines(Path file) throws IOException {
    try (var in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private Path published(String item) {
    return new Path(Paths.join(root, item));
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
