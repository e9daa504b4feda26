package org.justicemonitor.cli;

import java.io.PrintStream;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.CodeGeneration;
import org.justicemonitor.spark.Progress;

/**
 * One stage as the command line runs it: its options (a picocli mixin, shared by the stage's own
 * command and {@code run}), checked before Spark starts, then the job, its summary and its lines
 * on the console.
 */
interface Stage {

  /** Checks the options and settles the stage's settings, before a SparkSession is started: mistakes fail fast. */
  void prepare(CommonOptions common);

  /**
   * Compiled or interpreted queries for the stage, by how much it reads: a stage after the ingest
   * reads the ingested tables ({@link CodeGeneration}).
   */
  default void chooseCodeGeneration(OutputStore store) {
    CodeGeneration.forTableRows(store.spark(), new Catalog(store).ingestedRows());
  }

  /** Runs the job on the store, records its settings in the manifest, and prints where its outputs are. */
  void run(OutputStore store, Progress progress, PrintStream out);
}
