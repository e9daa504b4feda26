package org.justicemonitor.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;

/** Hand-made raw rows, as {@link RawReader} would return them, for validator tests. */
final class RawRows {

  static Map<String, String> goodCase() {
    Map<String, String> m = new HashMap<>();
    m.put("case_id", "KZ0000000001");
    m.put("court_id", "71-D01");
    m.put("court_level", "district");
    m.put("region_code", "71");
    m.put("case_category", "civil");
    m.put("filing_channel", "e_filing");
    m.put("filed_at", "2025-01-10");
    m.put("registered_at", "2025-01-11");
    m.put("first_hearing_at", "2025-02-01");
    m.put("decided_at", "2025-03-01");
    m.put("hearing_format", "online");
    m.put("outcome", "satisfied");
    m.put("appealed", "false");
    m.put("judge_id", "71-D01-J01");
    m.put("party_represented", "true");
    m.put("published_at", "2025-03-05");
    m.put("language", "kk");
    return m;
  }

  static Map<String, String> goodEvent() {
    Map<String, String> m = new HashMap<>();
    m.put("event_ts", "2025-03-01T09:15:02+05:00");
    m.put("service", "e_filing");
    m.put("region_code", "43");
    m.put("channel", "web");
    m.put("user_type", "citizen");
    m.put("session_id", "sabc");
    m.put("status", "ok");
    m.put("latency_ms", "120");
    m.put("case_id", "KZ0000000001");
    return m;
  }

  static Map<String, String> goodIncident() {
    Map<String, String> m = new HashMap<>();
    m.put("incident_id", "INC-1");
    m.put("system", "judicial_office");
    m.put("region_code", null);
    m.put("severity", "high");
    m.put("kind", "data_leak");
    m.put("detected_at", "2025-03-01T09:00:00+05:00");
    m.put("resolved_at", "2025-03-02T09:00:00+05:00");
    m.put("records_affected", "40");
    m.put("subjects_notified_at", "2025-03-03T09:00:00+05:00");
    return m;
  }

  static Map<String, String> with(Map<String, String> base, String column, String value) {
    Map<String, String> m = new HashMap<>(base);
    m.put(column, value);
    return m;
  }

  /** Rows of one file, one per line after a header, in the given order. */
  @SafeVarargs
  static Dataset<Row> of(DatasetSpec spec, String file, Map<String, String>... rows) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      List<Object> values = new ArrayList<>();
      for (String c : spec.columnNames()) {
        values.add(rows[i].get(c));
      }
      values.add(rows[i].get(RawReader.CORRUPT_RECORD));
      values.add(spec.name() + "/" + file);
      values.add(0L);
      values.add((long) i);
      values.add(1);
      values.add(false);
      values.add(scala.jdk.javaapi.CollectionConverters.asScala(List.<String>of()).toSeq());
      values.add(0);
      values.add(false);
      out.add(RowFactory.create(values.toArray()));
    }
    return SharedSpark.spark().createDataFrame(out, RawReader.rawSchema(spec));
  }

  static Dataset<Row> cases(List<Map<String, String>> rows) {
    @SuppressWarnings("unchecked")
    Map<String, String>[] array = rows.toArray(new Map[0]);
    return of(Contract.CASES, "t.csv", array);
  }

  private RawRows() {}
}
