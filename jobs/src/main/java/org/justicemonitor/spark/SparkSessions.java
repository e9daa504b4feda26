package org.justicemonitor.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.NioLocalFileSystem;

/** Builds the one SparkSession of a command. */
public final class SparkSessions {

  /** The Hadoop setting that names the implementation of {@code file:} paths. */
  public static final String LOCAL_FILE_SYSTEM = "spark.hadoop.fs.file.impl";

  /**
   * @param master used only when nothing set {@code spark.master} (spark-submit does), so the
   *     same jar runs locally and on a cluster
   * @param timeZone the zone in which timestamps fall into days and months
   * @param verbose Spark's INFO logging too; otherwise warnings and errors only (log4j2.properties)
   */
  public static SparkSession create(String appName, String master, String timeZone, boolean verbose) {
    if (verbose) {
      // Every logger, including those log4j2.properties keeps quiet for people.
      Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
    }
    SparkConf conf =
        new SparkConf()
            .setAppName(appName)
            .setIfMissing("spark.master", master)
            .setIfMissing("spark.sql.session.timeZone", timeZone)
            .setIfMissing("spark.sql.adaptive.enabled", "true")
            .setIfMissing("spark.sql.adaptive.coalescePartitions.enabled", "true")
            .setIfMissing("spark.sql.shuffle.partitions", "64")
            .setIfMissing("spark.sql.parquet.compression.codec", "zstd")
            // Spark's bars would interleave with the stages' own progress lines (Progress).
            .setIfMissing("spark.ui.showConsoleProgress", "false")
            // Output is written by this project's own staging and publishing, not appended to.
            .setIfMissing("spark.sql.sources.partitionOverwriteMode", "dynamic")
            // Local paths without a chmod process per file and directory written (NioLocalFileSystem).
            .setIfMissing(LOCAL_FILE_SYSTEM, NioLocalFileSystem.class.getName());
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    return spark;
  }

  private SparkSessions() {}
}
