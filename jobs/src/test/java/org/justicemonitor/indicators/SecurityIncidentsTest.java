package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Four incidents of 2025 in two systems. */
@ExtendWith(SharedSpark.class)
class SecurityIncidentsTest {

  private static final StructType SCHEMA = StructType.fromDDL(
      "system STRING, severity STRING, kind STRING, detected_at TIMESTAMP, "
      + "resolved_at TIMESTAMP, records_affected BIGINT, subjects_notified_at TIMESTAMP");

  private static Timestamp t(String s) {
    return s == null ? null : Timestamp.from(OffsetDateTime.parse(s + "+05:00").toInstant());
  }

  private static Dataset<Row> incidents() {
    return SharedSpark.spark().createDataFrame(List.of(
        // A leak resolved in 24 h, subjects notified after 48 h: in time.
        RowFactory.create("judicial_office", "high", "data_leak", t("2025-03-01T10:00:00"), t("2025-03-02T10:00:00"), 100L,
            t("2025-03-03T10:00:00")),
        // A leak resolved in 6 h, subjects notified after 96 h: late.
        RowFactory.create("judicial_office", "low", "data_leak", t("2025-04-01T00:00:00"), t("2025-04-01T06:00:00"), 50L,
            t("2025-04-05T00:00:00")),
        // Still open.
        RowFactory.create("e_protocol", "critical", "ddos", t("2025-05-01T00:00:00"), null, null, null),
        // Resolved in 10.5 h.
        RowFactory.create("e_protocol", "medium", "malware", t("2025-06-01T00:00:00"), t("2025-06-01T10:30:00"), null, null)),
        SCHEMA);
  }

  private static Row system(String system, int deadlineHours) {
    return SecurityIncidents.compute(incidents(), deadlineHours).filter("system = '" + system + "'").first();
  }

  @Test
  void perSystem() {
    Row judicial = system("judicial_office", 72);
    assertEquals("2025", judicial.getAs("period"));
    assertEquals(2L, (long) judicial.getAs("incidents"));
    assertEquals(1L, (long) judicial.getAs("severity_high"));
    assertEquals(0L, (long) judicial.getAs("severity_critical"));
    assertEquals(2L, (long) judicial.getAs("kind_data_leak"));
    assertEquals(15.0, judicial.<Double>getAs("median_hours_to_resolve"), 1e-12); // (24 + 6) / 2
    assertEquals(24.0, judicial.<Double>getAs("median_hours_to_resolve_high"), 1e-12);
    assertEquals(6.0, judicial.<Double>getAs("median_hours_to_resolve_low"), 1e-12);
    assertTrue(judicial.isNullAt(judicial.fieldIndex("median_hours_to_resolve_critical"))); // none
    assertEquals(150L, (long) judicial.getAs("records_affected"));
    assertEquals(0.5, judicial.<Double>getAs("notified_in_time_share"), 1e-12);

    Row protocol = system("e_protocol", 72);
    assertEquals(1L, (long) protocol.getAs("open_incidents"));
    assertEquals(1L, (long) protocol.getAs("resolved"));
    assertEquals(10.5, protocol.<Double>getAs("median_hours_to_resolve"), 1e-12);
    assertEquals(0L, (long) protocol.getAs("records_affected"));
    assertTrue(protocol.isNullAt(protocol.fieldIndex("notified_in_time_share"))); // no leaks
  }

  @Test
  void allSystemsAndTheDeadline() {
    Row all = system(SecurityIncidents.ALL_SYSTEMS, 72);
    assertEquals(4L, (long) all.getAs("incidents"));
    assertEquals(10.5, all.<Double>getAs("median_hours_to_resolve"), 1e-12); // 6, 10.5, 24
    assertEquals(10.5, all.<Double>getAs("median_hours_to_resolve_medium"), 1e-12);
    assertTrue(all.isNullAt(all.fieldIndex("median_hours_to_resolve_critical"))); // the critical one is open
    assertEquals(1L, (long) all.getAs("kind_ddos"));
    assertEquals(1.0, system(SecurityIncidents.ALL_SYSTEMS, 96).<Double>getAs("notified_in_time_share"), 1e-12);
    assertEquals(List.of("period", "system", "incidents"), List.of(all.schema().fieldNames()).subList(0, 3));
  }
}
