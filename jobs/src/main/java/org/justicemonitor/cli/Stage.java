package org.justicemonitor.cli;

import java.io.PrintStream;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;

/**
 * One stage as the command line runs it: its options (a picocli mixin, shared by the stage's own
 * command and {@code run}), checked before Spark starts, then the job, its summary and its lines
 * on the console.
 */
interface Stage {

  /** Checks the options and settles the stage's settings, before a SparkSession is started: mistakes fail fast. */
  void prepare(CommonOptions common);

  /** Runs the job on the store, records its settings in the manifest, and prints where its outputs are. */
  void run(OutputStore store, Progress progress, PrintStream out);
}
