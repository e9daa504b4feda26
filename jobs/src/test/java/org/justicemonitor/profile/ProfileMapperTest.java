package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.ingest.Pseudonymizer;
import org.justicemonitor.ingest.RawReader;
import org.justicemonitor.ingest.RowValidator;

/** Translating source values: formats, zones, value maps, spellings; what cannot be translated is named. */
@ExtendWith(SharedSpark.class)
class ProfileMapperTest {

  private static final String EVENTS = """
      {"profile": "t", "datasets": {"service_events": {
        "time_zone": "Asia/Almaty",
        "numbers": {"decimal": ",", "grouping": "."},
        "columns": {
          "event_ts": {"source": "when", "format": "dd.MM.yyyy HH:mm:ss"},
          "service": {"source": "svc", "values": {"EF": "e_filing", "OH": "online_hearing"}},
          "region_code": {"constant": "71"},
          "channel": {"constant": "web"},
          "user_type": {"constant": "citizen"},
          "status": {"source": "result", "values": {"0": "ok", "5": "server_error"}},
          "latency_ms": "ms"
        }}}}
      """;

  @Test
  void translatesEventsAndNamesWhatItCannot() {
    DatasetMapping mapping = MappingProfile.parse(EVENTS, "t.json").dataset(Contract.SERVICE_EVENTS).orElseThrow();
    Dataset<Row> source = source(List.of("when", "svc", "result", "ms"),
        row("01.03.2025 09:15:02", "EF", "0", "1.234"),
        row("2025-03-01 09:15", "XX", "5", "12,0"),
        row(null, null, "0", null));
    List<Row> mapped = new ProfileMapper(mapping).apply(source)
        .select("event_ts", "service", "status", "latency_ms", "region_code", RowValidator.SOURCE_PROBLEMS, RawReader.SEQ)
        .orderBy(RawReader.SEQ).collectAsList();

    // 09:15:02 in Almaty (UTC+5 since March 2024) is 04:15:02 UTC.
    assertEquals(List.of("2025-03-01T04:15:02Z", "e_filing", "ok", "1234", "71"), strings(mapped.get(0), 5));
    assertNull(mapped.get(0).get(5));
    // Not in the format, not in the map: kept as in the source and named, in contract column order.
    assertEquals(List.of("2025-03-01 09:15", "XX", "server_error", "12", "71"), strings(mapped.get(1), 5));
    assertEquals("invalid_timestamp(event_ts); unmapped_value(service)", mapped.get(1).getString(5));
    // Empty is empty: the validator decides whether that is allowed.
    assertNull(mapped.get(2).get(0));
    assertNull(mapped.get(2).get(1));
    assertNull(mapped.get(2).get(5));

    Dataset<Row> validated = new RowValidator(Contract.SERVICE_EVENTS, Set.of("71"), LocalDate.of(2025, 12, 31),
        new Pseudonymizer(SampleRun.KEY)).validate(new ProfileMapper(mapping).apply(source));
    List<Row> reasons = validated.select(RowValidator.REASON, RawReader.SEQ).orderBy(RawReader.SEQ).collectAsList();
    assertNull(reasons.get(0).get(0));
    // The mapping's reasons lead; the validator does not add invalid_enum(service) for the same value.
    assertEquals("invalid_timestamp(event_ts); unmapped_value(service)", reasons.get(1).getString(0));
    assertEquals("missing_value(event_ts); missing_value(service)", reasons.get(2).getString(0));
  }

  @Test
  void spellingsOfBooleansAndDatesAndKnownUnknowns() {
    String profile = """
        {"profile": "t", "datasets": {"cases": {
          "booleans": {"true": ["S", "sim"], "false": ["N", "não"]},
          "columns": {
            "case_id": "id", "court_id": {"constant": "C1"}, "court_level": {"constant": "district"},
            "region_code": {"constant": "71"}, "case_category": {"constant": "civil"},
            "filing_channel": {"source": "channel", "values": {"web": "e_filing", "?": null}},
            "filed_at": {"source": "filed", "format": "yyyyMMddHHmmss"},
            "appealed": "recurso"
          }}}}
        """;
    DatasetMapping mapping = MappingProfile.parse(profile, "t.json").dataset(Contract.CASES).orElseThrow();
    Dataset<Row> source = source(List.of("id", "channel", "filed", "recurso"),
        row("1", "web", "20230110000000", "S"),
        row("2", "?", "20230231000000", "talvez"));
    List<Row> mapped = new ProfileMapper(mapping).apply(source)
        .select("filing_channel", "filed_at", "appealed", RowValidator.SOURCE_PROBLEMS, RawReader.SEQ)
        .orderBy(RawReader.SEQ).collectAsList();
    assertEquals(Arrays.asList("e_filing", "2023-01-10", "true", null), strings(mapped.get(0), 4));
    // "?" is a listed unknown: empty, not a problem; 31 February is no date; "talvez" is left for
    // the validator, which quarantines it as invalid_boolean.
    assertEquals(Arrays.asList(null, "20230231000000", "talvez", "invalid_date(filed_at)"), strings(mapped.get(1), 4));
  }

  private static Object[] row(String... values) {
    return values;
  }

  /** Source rows with the reader's lineage columns, in order. */
  private static Dataset<Row> source(List<String> columns, Object[]... rows) {
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType);
    }
    schema = schema.add(RawReader.SEQ, DataTypes.LongType);
    List<Row> data = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Object[] values = new Object[rows[i].length + 1];
      System.arraycopy(rows[i], 0, values, 0, rows[i].length);
      values[rows[i].length] = (long) i;
      data.add(RowFactory.create(values));
    }
    return SharedSpark.spark().createDataFrame(data, schema)
        .withColumn(RawReader.CORRUPT_RECORD, lit(null).cast("string"))
        .withColumn(RawReader.SOURCE_FILE, lit("x/source.csv"))
        .withColumn("_block", lit(0L))
        .withColumn("_header_lines", lit(1))
        .withColumn(RawReader.BLANK, lit(false))
        .withColumn("_extra_keys", array().cast("array<string>"))
        .withColumn("_extra_lines", lit(0))
        .withColumn(RawReader.SUPERSEDED, lit(false));
  }

  private static List<String> strings(Row row, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(row.isNullAt(i) ? null : row.get(i).toString());
    }
    return out;
  }
}
