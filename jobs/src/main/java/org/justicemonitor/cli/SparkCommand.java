package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs Spark stages: one session, one staging area, cleaned up at the end. */
abstract class SparkCommand implements Callable<Integer> {

  @Mixin CommonOptions common = new CommonOptions();

  @Spec CommandSpec spec;

  final PrintStream out = System.out;

  /** The session's time zone: a command that turns timestamps into periods has {@code --time-zone}. */
  java.util.Optional<TimeZoneOption> timeZone() {
    return java.util.Optional.empty();
  }

  @Override
  public Integer call() {
    timeZone().ifPresent(z -> common.timeZone = z.zone);
    Arguments.checked(spec, () -> {
      prepare();
      return null;
    });
    SparkSession spark =
        common.session.start("justice-monitor " + name(), common.timeZone.getId());
    Progress progress = Progress.forStandardOutput(spark);
    try {
      OutputStore store = new OutputStore(spark, common.output, runId());
      try {
        store.manifest().settings("spark", sparkSettings(spark));
        run(spark, store, progress);
        store.commit(name(), new Version().getVersion()[0], Catalog::access);
        return 0;
      } finally {
        store.close();
      }
    } finally {
      progress.end();
      spark.stop();
    }
  }

  /** The command's name, as picocli knows it. */
  final String name() {
    return getClass().getAnnotation(Command.class).name();
  }

  /** What the manifest records of the session a command ran in. */
  record SparkSettings(String version, String master, String applicationId, String sessionTimeZone,
      String shufflePartitions) {}

  private static SparkSettings sparkSettings(SparkSession spark) {
    return new SparkSettings(spark.version(), spark.sparkContext().master(), spark.sparkContext().applicationId(),
        spark.conf().get("spark.sql.session.timeZone"), spark.conf().get("spark.sql.shuffle.partitions"));
  }

  /** Checks options and secrets before a SparkSession is started, so mistakes fail fast. */
  void prepare() {}

  abstract void run(SparkSession spark, OutputStore store, Progress progress);

  private static String runId() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
        .format(java.time.LocalDateTime.now());
  }
}
