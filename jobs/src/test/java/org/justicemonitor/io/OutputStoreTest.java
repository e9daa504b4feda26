package org.justicemonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.JobFailure;
import org.justicemonitor.SharedSpark;

/** Outputs appear all at once with their manifest; a run killed while publishing is rolled back. */
@ExtendWith(SharedSpark.class)
class OutputStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void nothingIsVisibleBeforeTheCommitAndTheManifestAccumulates(@TempDir Path root) throws IOException {
    OutputStore first = new OutputStore(spark(), root.toString(), "run-1");
    stageTable(first, "indicators/a", 3);
    first.writeText("summary/a.json", "{}\n");
    assertEquals(first.staging("indicators/a"), first.current("indicators/a"));
    assertFalse(Files.exists(root.resolve("indicators/a")));
    first.commit("indicators", "test", Catalog::access);
    first.close();

    assertEquals("run-1\n", Files.readString(root.resolve(OutputStore.SUCCESS)));
    assertEquals(3, spark().read().parquet(root.resolve("indicators/a").toString()).count());
    assertFalse(Files.exists(root.resolve(OutputStore.STAGING_DIR)), "staging removed");

    OutputStore second = new OutputStore(spark(), root.toString(), "run-2");
    stageTable(second, "indicators/b", 2);
    second.commit("anomalies", "test", Catalog::access);
    second.close();
    JsonNode manifest = JSON.readTree(root.resolve(OutputStore.MANIFEST).toFile());
    assertEquals("run-2", manifest.path("run_id").asText());
    assertEquals("run-1", manifest.at("/outputs/indicators~1a/run_id").asText());
    assertEquals(3, manifest.at("/outputs/indicators~1a/rows").asInt());
    assertEquals(2, manifest.at("/outputs/indicators~1b/rows").asInt());
    assertTrue(manifest.at("/outputs/summary~1a.json").isObject());
  }

  @Test
  void aRunKilledWhilePublishingIsRolledBackByTheNextRun(@TempDir Path root) throws IOException {
    OutputStore before = new OutputStore(spark(), root.toString(), "run-1");
    stageTable(before, "t/one", 1);
    stageTable(before, "t/two", 2);
    before.commit("test", "test", Catalog::access);
    before.close();

    OutputStore killed = new OutputStore(spark(), root.toString(), "run-2");
    stageTable(killed, "t/one", 10);
    stageTable(killed, "t/two", 20);
    stageTable(killed, "t/three", 30);
    // Killed after replacing t/one, before t/two: the root is half new, half old, no _SUCCESS.
    assertThrows(OutputStore.SimulatedKill.class, () -> killed.commit("test", "test", Catalog::access, moves -> moves == 1));
    assertEquals(10, rows(root, "t/one"));
    assertFalse(Files.exists(root.resolve(OutputStore.SUCCESS)));

    // A second run while the first still holds the root is refused.
    JobFailure busy = assertThrows(JobFailure.class, () -> new OutputStore(spark(), root.toString(), "run-3"));
    assertTrue(busy.getMessage().startsWith("another run (run-2 "), busy.getMessage());

    // The process is gone (its lock with it here); the next run restores what run-1 published.
    Files.delete(root.resolve(OutputStore.STAGING_DIR).resolve("_lock"));
    OutputStore next = new OutputStore(spark(), root.toString(), "run-3");
    assertEquals(1, rows(root, "t/one"));
    assertEquals(2, rows(root, "t/two"));
    assertFalse(Files.exists(root.resolve("t/three")));
    assertEquals("run-1\n", Files.readString(root.resolve(OutputStore.SUCCESS)));
    assertEquals("run-1", JSON.readTree(root.resolve(OutputStore.MANIFEST).toFile()).path("run_id").asText());
    next.close();
    assertFalse(Files.exists(root.resolve(OutputStore.STAGING_DIR)), "the killed run's staging removed");
  }

  @Test
  void aLaterStepOfTheRunFindsWhatAnEarlierOneMaterialized(@TempDir Path root) {
    OutputStore run = new OutputStore(spark(), root.toString(), "run-1");
    try {
      assertTrue(run.materialized("cells").isEmpty());
      run.materialize("cells", spark().range(4).toDF("n"));
      assertEquals(6L, run.materialized("cells").orElseThrow().agg(org.apache.spark.sql.functions.sum("n")).first().getLong(0));
    } finally {
      run.close();
    }
    // Another run (another command) starts with an empty scratch space.
    OutputStore next = new OutputStore(spark(), root.toString(), "run-2");
    try {
      assertTrue(next.materialized("cells").isEmpty());
    } finally {
      next.close();
    }
  }

  @Test
  void anOutputDirectoryThatCannotBeCreatedFailsInOneLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    JobFailure e = assertThrows(JobFailure.class, () -> new OutputStore(spark(), file.resolve("output").toString(), "r"));
    assertTrue(e.getMessage().startsWith("cannot write to the output directory " + file.resolve("output")), e.getMessage());
    assertTrue(e.getMessage().endsWith("choose an --output directory you can write to"), e.getMessage());
  }

  private static void stageTable(OutputStore store, String name, int rows) {
    spark().range(rows).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(store.staging(name));
    store.complete(List.of(name));
  }

  private static long rows(Path root, String table) {
    return spark().read().parquet(root.resolve(table).toString()).count();
  }

  private static SparkSession spark() {
    return SharedSpark.spark();
  }
}
