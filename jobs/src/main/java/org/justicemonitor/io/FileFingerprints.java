package org.justicemonitor.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * SHA-256 of whole input files, the key of incremental ingest. The files are hashed by the
 * executors, a few per task, so a large extract is not streamed through the driver.
 */
public final class FileFingerprints {

  /**
   * A file's size and the SHA-256 of its bytes, in hex; and, seen in the same pass, whether every
   * line of it is one whole record: an uncompressed file with no double quote (so no quoted field
   * can hold a line break) and no line of only spaces or control characters (which a line-by-line
   * CSV reader drops, where the record reader gives it as a row). Such a file can be read in splits.
   */
  public record FileFingerprint(long bytes, String sha256, boolean oneRecordPerLine) implements java.io.Serializable {}

  /** The fingerprint of each file, by path. */
  public static Map<String, FileFingerprint> of(SparkSession spark, List<String> files) {
    if (files.isEmpty()) {
      return Map.of();
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        sc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    int slices = Math.max(1, Math.min(files.size(), 4 * sc.defaultParallelism()));
    // Hashing bytes has no column function: this is a plain map over file names.
    List<Tuple2<String, FileFingerprint>> hashed =
        sc.parallelize(files, slices).map(f -> new Tuple2<>(f, hash(f, conf.value().value()))).collect();
    conf.destroy();
    Map<String, FileFingerprint> byPath = new TreeMap<>();
    hashed.forEach(t -> byPath.put(t._1(), t._2()));
    return byPath;
  }

  static FileFingerprint hash(String file, org.apache.hadoop.conf.Configuration conf) {
    try {
      Path path = new Path(file);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long bytes = 0;
      byte[] buffer = new byte[1 << 16];
      LineShape shape = new LineShape();
      try (InputStream in = path.getFileSystem(conf).open(path)) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          sha.update(buffer, 0, n);
          shape.update(buffer, n);
          bytes += n;
        }
      }
      boolean compressed = InputFormat.compressed(path.getName());
      return new FileFingerprint(bytes, HexFormat.of().formatHex(sha.digest()), !compressed && shape.oneRecordPerLine());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Tracks, byte by byte, whether a text has a double quote or a line of only blanks. */
  static final class LineShape {
    private boolean quote;
    private boolean blankLine;
    /** A byte since the last line feed. */
    private boolean lineStarted;
    /** A byte above a space since the last line feed. */
    private boolean lineHasText;

    void update(byte[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        byte b = buffer[i];
        if (b == '"') {
          quote = true;
        } else if (b == '\n') {
          // A line of "\r" alone counts too: a line reader drops it, the record reader may give a row.
          blankLine |= lineStarted && !lineHasText;
          lineStarted = false;
          lineHasText = false;
        } else {
          lineStarted = true;
          lineHasText |= b < 0 || b > ' ';
        }
      }
    }

    boolean oneRecordPerLine() {
      return !quote && !blankLine && !(lineStarted && !lineHasText);
    }
  }

  private FileFingerprints() {}
}
