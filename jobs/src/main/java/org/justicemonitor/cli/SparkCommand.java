package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;
import org.justicemonitor.spark.SparkSessions;
import picocli.CommandLine.Mixin;

/** A command that runs Spark stages: one session, one staging area, cleaned up at the end. */
abstract class SparkCommand implements Callable<Integer> {

  @Mixin CommonOptions common = new CommonOptions();

  final PrintStream out = System.out;

  @Override
  public Integer call() {
    prepare();
    SparkSession spark =
        SparkSessions.create("justice-monitor " + name(), common.master, common.timeZone.getId(), common.verbose);
    OutputStore store = new OutputStore(spark, common.output, runId());
    try {
      run(spark, store, new Progress(spark, out));
      return 0;
    } finally {
      store.close();
      spark.stop();
    }
  }

  abstract String name();

  /** Checks options and secrets before a SparkSession is started, so mistakes fail fast. */
  void prepare() {}

  abstract void run(SparkSession spark, OutputStore store, Progress progress);

  private static String runId() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
        .format(java.time.LocalDateTime.now());
  }
}
