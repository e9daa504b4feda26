package org.justicemonitor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.RunManifest;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Mixin;

/** A command that runs Spark stages: one session, one staging area, cleaned up at the end. */
abstract class SparkCommand implements Callable<Integer> {

  @Mixin CommonOptions common = new CommonOptions();

  final PrintStream out = System.out;

  @Override
  public Integer call() {
    prepare();
    SparkSession spark =
        common.session.start("justice-monitor " + name(), common.timeZone.getId());
    try {
      OutputStore store = new OutputStore(spark, common.output, runId());
      try {
        store.manifest().settings("spark", sparkSettings(spark));
        run(spark, store, new Progress(spark, out));
        store.commit(name(), new Version().getVersion()[0]);
        return 0;
      } finally {
        store.close();
      }
    } finally {
      spark.stop();
    }
  }

  abstract String name();

  private static ObjectNode sparkSettings(SparkSession spark) {
    ObjectNode node = RunManifest.newObject();
    node.put("version", spark.version());
    node.put("master", spark.sparkContext().master());
    node.put("application_id", spark.sparkContext().applicationId());
    node.put("session_time_zone", spark.conf().get("spark.sql.session.timeZone"));
    node.put("shuffle_partitions", spark.conf().get("spark.sql.shuffle.partitions"));
    return node;
  }

  /** Checks options and secrets before a SparkSession is started, so mistakes fail fast. */
  void prepare() {}

  abstract void run(SparkSession spark, OutputStore store, Progress progress);

  private static String runId() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
        .format(java.time.LocalDateTime.now());
  }
}
