package org.justicemonitor.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
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
   * The data files directly under {@code dir}, sorted by path (the order that decides which
   * version of a record is newer). Hidden and bookkeeping files ({@code .x}, {@code _x}) are
   * skipped; an empty list when the directory does not exist.
   */
  public static List<String> list(SparkSession spark, String dir) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(conf(spark));
      if (!fs.exists(path)) {
        return List.of();
      }
      List<String> files = new ArrayList<>();
      for (FileStatus status : fs.listStatus(path)) {
        String name = status.getPath().getName();
        if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
          files.add(status.getPath().toString());
        }
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
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

  /** The first line of a (possibly compressed) text file, without a byte-order mark; null when empty. */
  public static String firstLine(SparkSession spark, String file) {
    try (BufferedReader reader = open(spark, file)) {
      String line = reader.readLine();
      return line == null ? null : stripBom(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
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
    Configuration conf = conf(spark);
    Path path = new Path(file);
    InputStream in = path.getFileSystem(conf).open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Configuration conf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }

  private InputFiles() {}
}
