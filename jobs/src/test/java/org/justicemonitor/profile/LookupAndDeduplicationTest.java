package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.JobFailure;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.ingest.RawReader;

/** A profile's code tables and its choice among copies of one record, on rows worked out by hand. */
@ExtendWith(SharedSpark.class)
class LookupAndDeduplicationTest {

  private static final Lookup TYPES = new Lookup("types", "type_key.csv", keys("year", "type_name"));

  /** Key columns in the order given (Map.of would give them in a different order in each JVM). */
  private static Map<String, String> keys(String... columns) {
    Map<String, String> on = new java.util.LinkedHashMap<>();
    for (String c : columns) {
      on.put(c, c);
    }
    return on;
  }

  @Test
  void aLookupNamesEachCodeOfItsYearAndFlagsACodeItDoesNotList(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("type_key.csv"), "year,type_name,type_name_s\n2018,1,Civil Suit\n2019,1,Bail\n");
    Dataset<Row> source = SharedSpark.spark().sql(
        "SELECT * FROM VALUES ('2018', ' 1', 1), ('2019', '1', 2), ('2018', '7', 3), ('2018', NULL, 4) AS t(year, type_name, seq)");
    List<Row> joined = TYPES.join(source, key.toString())
        .select(col("seq"), col("types.type_name_s"), col(Lookup.MISS_PREFIX + "types")).orderBy("seq").collectAsList();
    assertEquals("[[1,Civil Suit,false], [2,Bail,false], [3,null,true], [4,null,false]]", joined.toString(),
        "codes are matched per year, trimmed; a missing code is no miss, an unlisted one is");
  }

  @Test
  void aKeyListedTwiceIsRefusedNamingBothLines(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("type_key.csv"), "year,type_name,type_name_s\n2018,1,Civil Suit\n2018,2,x\n2018,1,Other\n");
    Dataset<Row> source = SharedSpark.spark().sql("SELECT '2018' AS year, '1' AS type_name");
    JobFailure e = assertThrows(JobFailure.class, () -> TYPES.join(source, key.toString()));
    assertEquals(key + " line 4 repeats the key [year, type_name] of line 2: a lookup gives each code one row", e.getMessage());
  }

  @Test
  void aKeyColumnTheTableLacksIsRefused(@TempDir Path dir) throws IOException {
    Path key = Files.writeString(dir.resolve("type_key.csv"), "type_name,type_name_s\n1,Civil Suit\n");
    Dataset<Row> source = SharedSpark.spark().sql("SELECT '2018' AS year, '1' AS type_name");
    JobFailure e = assertThrows(JobFailure.class, () -> TYPES.join(source, key.toString()));
    assertEquals(key + " has no column year; the lookup types joins on [year, type_name] and the file's header has 2 columns",
        e.getMessage());
  }

  /** Of one process and level, the copy updated last wins wherever it was read; ties go to the later read. */
  @Test
  void theNewestCopyOfARecordIsKeptAndTheOthersSuperseded() {
    Dataset<Row> source = SharedSpark.spark().sql("""
        SELECT * FROM VALUES
          ('P1', 'G1', '2024-12-20', 'a.jsonl', 1L),
          ('P1', 'G1', '2024-06-01', 'a.jsonl', 2L),
          ('P1', 'G2', '2024-06-01', 'a.jsonl', 3L),
          ('P2', 'G1', '2024-01-01', 'a.jsonl', 4L),
          ('P2', 'G1', '2024-01-01', 'b.jsonl', 5L),
          (NULL, 'G1', '2024-01-01', 'b.jsonl', 6L),
          (NULL, 'G1', '2024-01-01', 'b.jsonl', 7L)
        AS t(process, level, updated, source_file, _seq)""")
        .withColumn(RawReader.BLOCK, lit(0L))
        .withColumn(RawReader.CORRUPT_RECORD, lit(null).cast("string"));
    List<Row> marked = new Deduplication(List.of("process", "level"), "to_date(updated)").apply(source)
        .select(col(RawReader.SEQ), col(RawReader.SUPERSEDED)).orderBy(RawReader.SEQ).collectAsList();
    assertEquals("[[1,false], [2,true], [3,false], [4,true], [5,false], [6,false], [7,false]]", marked.toString());
  }
}
