package org.justicemonitor.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.spark.Progress;

/** A command that runs stages in order, in one session, publishing their outputs together at the end. */
abstract class StageCommand extends SparkCommand {

  /** The stages, in the order they run: each a {@code @Mixin} field of the command. */
  abstract List<Stage> stages();

  @Override
  void prepare() {
    stages().forEach(s -> s.prepare(common));
  }

  @Override
  void run(SparkSession spark, OutputStore store, Progress progress) {
    List<Stage> stages = stages();
    for (int i = 0; i < stages.size(); i++) {
      if (i > 0) {
        out.println();
      }
      stages.get(i).chooseCodeGeneration(store);
      stages.get(i).run(store, progress, out);
    }
  }
}
