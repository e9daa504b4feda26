package org.justicemonitor.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Driver-side file access through Hadoop's FileSystem, so the same code reads a laptop folder,
 * HDFS or an object store. Only listings, header lines and small reference files pass here.
 */
public final class InputFiles {

  /**
   * The files to read under {@code dir} and its subfolders ({@link DatasetListing}), sorted by
   * their path under it; an empty list when the directory does not exist.
   */
  public static List<String> list(SparkSession spark, String dir) {
    return DatasetListing.of(spark, dir, dir).files();
  }

  /** A path as a message shows it: a local file as {@code /data/x.csv}, not {@code file:/data/x.csv}. */
  public static String shown(String path) {
    return path.replaceFirst("^file:/+", "/");
  }

  /** {@code dir} as Spark and Hadoop name it: with its scheme, e.g. {@code file:/data/cases}. */
  public static String qualified(SparkSession spark, String dir) {
    try {
      Path path = new Path(dir);
      return path.getFileSystem(conf(spark)).makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + dir + ": " + e.getMessage(), e);
    }
  }

  public static long size(SparkSession spark, String file) {
    try {
      Path path = new Path(file);
      return path.getFileSystem(conf(spark)).getFileStatus(path).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Bytes of every file under a directory (0 when there is none). */
  public static long bytesUnder(SparkSession spark, String dir) {
    try {
      Path path = new Path(dir);
      var fs = path.getFileSystem(conf(spark));
      return fs.exists(path) ? fs.getContentSummary(path).getLength() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The first line of a (possibly compressed) text file, without a byte-order mark; null when empty. */
  public static String firstLine(SparkSession spark, String file) {
    try (BufferedReader reader = open(spark, file)) {
      String line = reader.readLine();
      return line == null ? null : stripBom(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Up to {@code n} first bytes of a file, decompressed when its name says it is compressed. */
  public static byte[] head(SparkSession spark, String file, int n) {
    byte[] buffer = new byte[n];
    int read = 0;
    try (InputStream in = openStream(spark, file)) {
      for (int k; read < n && (k = in.read(buffer, read, n - read)) >= 0; ) {
        read += k;
      }
    } catch (java.io.EOFException e) {
      // A truncated compressed file: its first bytes are still what they are; reading it says the rest.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return java.util.Arrays.copyOf(buffer, read);
  }

  /** A whole small text file, such as a reference table. */
  public static String readSmallText(SparkSession spark, String file) {
    try (BufferedReader reader = open(spark, file)) {
      StringBuilder sb = new StringBuilder();
      char[] buffer = new char[8192];
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        sb.append(buffer, 0, n);
      }
      return stripBom(sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static boolean exists(SparkSession spark, String dir) {
    try {
      Path path = new Path(dir);
      return path.getFileSystem(conf(spark)).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + dir + ": " + e.getMessage(), e);
    }
  }

  private static BufferedReader open(SparkSession spark, String file) throws IOException {
    return new BufferedReader(new InputStreamReader(openStream(spark, file), StandardCharsets.UTF_8));
  }

  private static InputStream openStream(SparkSession spark, String file) throws IOException {
    Configuration conf = conf(spark);
    Path path = new Path(file);
    InputStream in = path.getFileSystem(conf).open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return in;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Configuration conf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }

  private InputFiles() {}
}
