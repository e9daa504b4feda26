package org.justicemonitor.cli;

import org.apache.spark.sql.SparkSession;
import org.justicemonitor.spark.SparkSessions;
import picocli.CommandLine.Option;

/** Where a command's Spark runs and how much it says: every command that starts Spark takes these. */
public final class SessionOptions {

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master when not launched by spark-submit (default: ${DEFAULT-VALUE}).")
  String master = "local[*]";

  @Option(names = {"-v", "--verbose"}, description = "Show Spark's own log messages and full stack traces.")
  boolean verbose;

  SparkSession start(String appName, String timeZone) {
    return SparkSessions.create(appName, master, timeZone, verbose);
  }
}
