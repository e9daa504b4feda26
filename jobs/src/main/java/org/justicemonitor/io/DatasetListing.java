package org.justicemonitor.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The files of a dataset directory and of every folder under it (partition folders such as
 * {@code year=2025/} included), each with an answer: to be read, or not and why. Nothing under
 * the directory is passed over without a word.
 *
 * @param dir the dataset directory, fully qualified ({@code file:/...}, {@code hdfs://...})
 * @param files the files to read, qualified paths sorted by their name under {@code dir} (the
 *     order that decides which version of a record is newer)
 * @param notRead the files left out, with why
 */
public record DatasetListing(String dir, List<String> files, List<NotRead> notRead) {

  /**
   * A file left out of the reading.
   *
   * @param name the file's path under the dataset directory
   * @param refused true for a file withheld for safety (a link out of the input root), false for
   *     one that is not data (hidden, bookkeeping, documentation)
   */
  public record NotRead(String name, boolean refused, String why) {}

  static final String HIDDEN = "hidden or bookkeeping file (its name starts with . or _)";
  static final String DOCUMENTATION = "documentation, not data (README, *.md, *.txt, *.pdf)";
  static final String OUTSIDE_ROOT = "a link to a file outside the input root";
  static final String LOOP = "a link back to a folder already read";

  public DatasetListing {
    files = List.copyOf(files);
    notRead = List.copyOf(notRead);
  }

  /**
   * Lists {@code dir} recursively; an empty listing when it does not exist.
   *
   * @param root the input root: a symbolic link whose target lies outside it is refused (checked
   *     on local file systems, where links exist)
   */
  public static DatasetListing of(SparkSession spark, String dir, String root) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualified = fs.makeQualified(path);
      if (!fs.exists(qualified)) {
        return new DatasetListing(qualified.toString(), List.of(), List.of());
      }
      Links links = Links.of(fs.makeQualified(new Path(root)));
      List<String> files = new ArrayList<>();
      List<NotRead> notRead = new ArrayList<>();
      String prefix = qualified.toString() + "/";
      walk(fs, qualified, prefix, links, new HashSet<>(), files, notRead);
      files.sort(Comparator.comparing(f -> f.substring(prefix.length())));
      notRead.sort(Comparator.comparing(NotRead::name));
      return new DatasetListing(qualified.toString(), files, notRead);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A listed file's path under the dataset directory, e.g. {@code year=2025/part-1.csv}. */
  public String name(String file) {
    String prefix = dir + "/";
    return file.startsWith(prefix) ? file.substring(prefix.length()) : file.substring(file.lastIndexOf('/') + 1);
  }

  private static void walk(FileSystem fs, Path dir, String prefix, Links links, Set<String> visited, List<String> files,
      List<NotRead> notRead) throws IOException {
    if (!visited.add(links.real(dir))) {
      notRead.add(new NotRead(under(prefix, dir) + "/", true, LOOP));
      return;
    }
    for (FileStatus status : fs.listStatus(dir)) {
      Path p = status.getPath();
      String name = p.getName();
      String relative = under(prefix, p);
      if (name.startsWith(".") || name.startsWith("_")) {
        notRead.add(new NotRead(relative + (status.isDirectory() ? "/" : ""), false, HIDDEN));
      } else if (links.leavesRoot(p)) {
        notRead.add(new NotRead(relative, true, OUTSIDE_ROOT));
      } else if (status.isDirectory()) {
        walk(fs, p, prefix, links, visited, files, notRead);
      } else if (isDocumentation(name)) {
        notRead.add(new NotRead(relative, false, DOCUMENTATION));
      } else {
        files.add(p.toString());
      }
    }
  }

  private static boolean isDocumentation(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("readme") || lower.endsWith(".md") || lower.endsWith(".txt") || lower.endsWith(".pdf");
  }

  private static String under(String prefix, Path p) {
    String s = p.toString();
    return s.startsWith(prefix) ? s.substring(prefix.length()) : p.getName();
  }

  /** Symbolic links, on the local file system: the one where a link can point anywhere. */
  private record Links(java.nio.file.Path realRoot) {

    static Links of(Path root) {
      if (!"file".equals(root.toUri().getScheme())) {
        return new Links(null);
      }
      try {
        return new Links(java.nio.file.Path.of(root.toUri()).toRealPath());
      } catch (IOException e) {
        return new Links(null);
      }
    }

    boolean leavesRoot(Path p) {
      if (realRoot == null) {
        return false;
      }
      java.nio.file.Path local = java.nio.file.Path.of(p.toUri());
      if (!java.nio.file.Files.isSymbolicLink(local)) {
        return false;
      }
      try {
        return !local.toRealPath().startsWith(realRoot);
      } catch (IOException e) {
        return true; // a dangling link: nothing inside the root to read
      }
    }

    String real(Path dir) {
      if (realRoot == null) {
        return dir.toString();
      }
      try {
        return java.nio.file.Path.of(dir.toUri()).toRealPath().toString();
      } catch (IOException e) {
        return dir.toString();
      }
    }
  }
}
