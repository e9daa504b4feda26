package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;

@ExtendWith(SharedSpark.class)
class RawReaderTest {

  @TempDir Path dir;

  private RawReader.RawInput read(String dataset) {
    return new RawReader(SharedSpark.spark()).read(
        dataset.equals("cases") ? Contract.CASES : Contract.SERVICE_EVENTS, dir.resolve(dataset).toString());
  }

  private void write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    if (relative.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    }
  }

  @Test
  void aHeaderOfAThousandColumnsIsRead() throws IOException {
    StringBuilder header = new StringBuilder("case_id,court_id,court_level,region_code,case_category,filing_channel,filed_at");
    StringBuilder row = new StringBuilder("W1,71-D01,district,71,civil,paper,2025-01-01");
    for (int i = 0; i < 1_000; i++) {
      header.append(",extra_").append(i);
      row.append(",").append(i == 500 ? "\"two\nlines\"" : "x");
    }
    write("cases/wide.csv", header + "\n" + row + "\n");
    RawReader.RawInput input = read("cases");
    assertEquals(1_000, input.extraCsvColumns().size());
    List<Row> rows = input.rows().select("case_id", "filed_at", RawReader.CORRUPT_RECORD).collectAsList();
    assertEquals("[[W1,2025-01-01,null]]", rows.toString());
  }

  @Test
  void columnsAreMatchedByNameWhateverTheirOrderAndExtraColumnsAreListed() throws IOException {
    write("cases/a.csv", "case_id,court_id,court_level,region_code,case_category,filing_channel,filed_at\n"
        + "A1,71-D01,district,71,civil,paper,2025-01-01\n");
    write("cases/b.csv.gz", "\uFEFFfiled_at,note,case_category,filing_channel,region_code,court_level,court_id,case_id\r\n"
        + "2025-02-02,\"a note, with a comma\r\nand a line break\",civil,e_filing,75,district,75-D01,B1\r\n"
        + "2025-02-03,plain,civil,e_filing,75,district,75-D01,B2\r\n");
    RawReader.RawInput input = read("cases");
    assertEquals(List.of("note"), input.extraCsvColumns());
    List<Row> rows = input.rows().orderBy("case_id").select("case_id", "court_id", "filed_at", "filing_channel", "decided_at",
        RawReader.SOURCE_FILE, RawReader.CORRUPT_RECORD).collectAsList();
    assertEquals(3, rows.size());
    assertEquals("[A1,71-D01,2025-01-01,paper,null,cases/a.csv,null]", rows.get(0).toString());
    assertEquals("[B1,75-D01,2025-02-02,e_filing,null,cases/b.csv.gz,null]", rows.get(1).toString());
    assertEquals("[B2,75-D01,2025-02-03,e_filing,null,cases/b.csv.gz,null]", rows.get(2).toString());
  }

  @Test
  void aCsvOfOneRecordPerLineReadInSplitsGivesTheSameRowsAndLineNumbers() throws IOException {
    StringBuilder csv = new StringBuilder("event_ts,service,region_code,channel,user_type,session_id,status,latency_ms\n");
    for (int i = 0; i < 3_000; i++) {
      csv.append("2025-06-02T10:00:00+05:00,e_filing,71,web,citizen,s").append(i).append(",ok,").append(i)
          .append(i % 700 == 3 ? ",surplus\n" : "\n");
    }
    write("service_events/e.csv", csv.toString());
    String d = dir.resolve("service_events").toString();
    List<String> files = org.justicemonitor.io.InputFiles.list(SharedSpark.spark(), d);
    RawReader.Layout layout = RawReader.Layout.contract(Contract.SERVICE_EVENTS);
    var conf = SharedSpark.spark().conf();
    String maxBytes = conf.get("spark.sql.files.maxPartitionBytes");
    conf.set("spark.sql.files.maxPartitionBytes", "16k");
    try {
      var bySplits = new RawReader(SharedSpark.spark()).read(layout, d, files, java.util.Set.copyOf(files)).rows();
      var whole = new RawReader(SharedSpark.spark()).read(layout, d, files).rows();
      assertTrue(bySplits.select(RawReader.BLOCK).distinct().count() > 3, "read in splits");
      assertEquals(1, whole.select(RawReader.BLOCK).distinct().count(), "read whole");
      // The fields of a malformed record are the readers' guesses (the validator drops them); its text is what counts.
      Column good = col(RawReader.CORRUPT_RECORD).isNull();
      java.util.function.Function<org.apache.spark.sql.Dataset<Row>, List<String>> numbered = rows ->
          LineNumbers.attach(rows, rows).orderBy(LineNumbers.LINE)
              .select(col(LineNumbers.LINE), when(good, col("session_id")), when(good, col("latency_ms")),
                  col(RawReader.CORRUPT_RECORD))
              .collectAsList().stream().map(Row::toString).toList();
      List<String> split = numbered.apply(bySplits);
      List<String> read = numbered.apply(whole);
      for (int i = 0; i < read.size(); i++) {
        assertEquals(read.get(i), split.get(i), "row " + i);
      }
      assertEquals(3_000, split.size());
      assertEquals("[2,s0,0,null]", split.get(0));
      assertEquals("[5,null,null,2025-06-02T10:00:00+05:00,e_filing,71,web,citizen,s3,ok,3,surplus]", split.get(3));
      assertEquals("[3001,s2999,2999,null]", split.get(2_999));
    } finally {
      conf.set("spark.sql.files.maxPartitionBytes", maxBytes);
    }
  }

  @Test
  void aRecordWithTooManyFieldsIsKeptAsMalformed() throws IOException {
    write("cases/a.csv", "case_id,court_id,court_level,region_code,case_category,filing_channel,filed_at\n"
        + "A1,71-D01,district,71,civil,paper,2025-01-01,surplus\n");
    Row r = read("cases").rows().first();
    assertEquals("A1,71-D01,district,71,civil,paper,2025-01-01,surplus", r.getAs(RawReader.CORRUPT_RECORD));
  }

  @Test
  void jsonLinesKeepTheirLineNumbersAcrossBlankAndBrokenLines() throws IOException {
    write("service_events/e.jsonl",
        "{\"event_ts\":\"2025-06-02T10:00:00+05:00\",\"service\":\"e_filing\",\"latency_ms\":412,\"agent\":\"x\"}\n"
            + "\n"
            + "{\"event_ts\":\"2025-06-02T10:00:00+05:00\",\"service\":\n"
            + "[1,2]\n"
            + "{\"event_ts\":\"2025-06-03T10:00:00+05:00\",\"service\":\"notification\",\"appealed\":true}\n");
    RawReader.RawInput input = read("service_events");
    var all = input.rows();
    List<Row> numbered =
        LineNumbers.attach(all.filter(col(RawReader.BLANK).unary_$bang()), all)
            .orderBy(LineNumbers.LINE)
            .select(col(LineNumbers.LINE), col("service"), col("latency_ms"), col(RawReader.CORRUPT_RECORD).isNotNull())
            .collectAsList();
    assertEquals("[[1,e_filing,412,false], [3,null,null,true], [4,null,null,true], [5,notification,null,false]]",
        numbered.toString());
    List<Row> extra = all.selectExpr("explode(" + RawReader.EXTRA_KEYS + ")").distinct().orderBy("col").collectAsList();
    assertEquals("[[agent], [appealed]]", extra.toString());
  }

  @Test
  void aMissingRequiredColumnStopsWithTheFileNamed() throws IOException {
    write("cases/a.csv", "case_id;court_id;filed_at\nA1;71-D01;2025-01-01\n");
    InputException e = assertThrows(InputException.class, () -> read("cases"));
    assertTrue(e.getMessage().contains("a.csv lacks the required column case_id"), e.getMessage());
    assertTrue(e.getMessage().contains("is the delimiter a comma?"), e.getMessage());
  }

  @Test
  void anUnknownFileTypeStopsWithTheFileNamed() throws IOException {
    write("cases/notes.xlsx", "x");
    InputException e = assertThrows(InputException.class, () -> read("cases"));
    assertTrue(e.getMessage().contains("notes.xlsx is neither CSV nor JSON Lines"), e.getMessage());
  }

  @Test
  void emptyAndHeaderOnlyFilesGiveNoRows() throws IOException {
    write("cases/a.csv", "");
    write("cases/b.csv", "case_id,court_id,court_level,region_code,case_category,filing_channel,filed_at\n");
    RawReader.RawInput input = read("cases");
    assertEquals(0L, input.rows().count());
    assertEquals(1, input.emptyFiles().size());
  }

  @Test
  void aMissingDirectoryIsNoFiles() {
    RawReader.RawInput input = read("cases");
    assertEquals(0L, input.rows().count());
  }
}
