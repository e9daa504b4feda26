package org.justicemonitor;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local SparkSession for the whole test run: {@code @ExtendWith(SharedSpark.class)} and
 * {@link #spark()}. Two threads, no UI, few shuffle partitions, queries interpreted; stopped when the
 * run ends.
 */
public final class SharedSpark implements BeforeAllCallback {

  private static SparkSession session;

  @Override
  public void beforeAll(ExtensionContext context) {
    spark();
  }

  public static synchronized SparkSession spark() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("justice-monitor tests")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.session.timeZone", "Asia/Almaty")
              .config("spark.sql.parquet.compression.codec", "zstd")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1")
              .config(org.justicemonitor.spark.SparkSessions.LOCAL_FILE_SYSTEM, org.justicemonitor.io.NioLocalFileSystem.class.getName())
              // Small inputs only: queries interpreted, as a run on them chooses (CodeGeneration); the
              // cluster test compares a compiled run with that choice.
              .config("spark.sql.codegen.wholeStage", "false")
              .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
