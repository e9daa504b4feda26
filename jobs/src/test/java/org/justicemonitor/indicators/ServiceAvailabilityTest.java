package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.measures.ServiceTraffic;

/**
 * Seventeen requests of one service in two regions, hour by hour. Every hour needs 3 requests to
 * be judged, and more than half of them failing to be down; the latency target is 500 ms.
 */
@ExtendWith(SharedSpark.class)
class ServiceAvailabilityTest {

  private static final StructType SCHEMA =
      StructType.fromDDL("event_ts TIMESTAMP, event_month STRING, service STRING, region_code STRING, "
          + "status STRING, latency_ms BIGINT");

  private static final ServiceHours.Rule RULE = new ServiceHours.Rule(0.5, 3);

  private static void add(List<Row> rows, String region, int hour, String status, Long latency) {
    Timestamp ts = Timestamp.from(OffsetDateTime.parse(String.format("2025-03-01T%02d:%02d:00+05:00", hour, rows.size()))
        .toInstant());
    rows.add(RowFactory.create(ts, "2025-03", "e_filing", region, status, latency));
  }

  private static Dataset<Row> events() {
    List<Row> r = new ArrayList<>();
    // Region 71. 10h: 2 of 3 failed, down. 11h: 3 of 4, down. 12h: 0 of 3, up.
    add(r, "71", 10, "ok", 100L);
    add(r, "71", 10, "timeout", 600L);
    add(r, "71", 10, "server_error", 200L);
    add(r, "71", 11, "ok", 100L);
    add(r, "71", 11, "timeout", 900L);
    add(r, "71", 11, "timeout", 700L);
    add(r, "71", 11, "server_error", 300L);
    add(r, "71", 12, "ok", 100L);
    add(r, "71", 12, "ok", 100L);
    add(r, "71", 12, "ok", null);  // not timed
    // 13h: 2 requests, both failed: too few to judge. 14h: 3 of 3, down.
    add(r, "71", 13, "timeout", 800L);
    add(r, "71", 13, "server_error", 100L);
    add(r, "71", 14, "timeout", 1000L);
    add(r, "71", 14, "timeout", 600L);
    add(r, "71", 14, "server_error", 100L);
    // Region 75: one request at 10h, one failed at 13h.
    add(r, "75", 10, "ok", 100L);
    add(r, "75", 13, "timeout", 100L);
    return SharedSpark.spark().createDataFrame(r, SCHEMA);
  }

  private static Row scope(String region, int k) {
    return ServiceAvailability.compute(ServiceTraffic.of(events(), 500), RULE, new Disclosure(k))
        .filter("region_code = '" + region + "'").first();
  }

  @Test
  void aRegionJudgesOnlyItsBusyHours() {
    Row r = scope("71", 3);
    assertEquals(List.of("e_filing", "71", "2025-03"), List.of(r.getString(0), r.getString(1), r.getString(2)));
    assertEquals(4L, (long) r.getAs("judged_hours"));          // 10, 11, 12, 14
    assertEquals(3L, (long) r.getAs("outage_hours"));          // 10, 11, 14
    assertEquals(0.25, r.<Double>getAs("availability"), 1e-12);
    assertEquals(2L, (long) r.getAs("outages"));               // 10-11 and 14 (13h, not judged, breaks the run)
    assertEquals(2L, (long) r.getAs("longest_outage_hours"));
    // 14 timed requests: the 95th percentile is the value at rank ceil(0.95 * 14) = 14, the largest.
    assertEquals(1000L, (long) r.getAs("p95_latency_ms"));
    assertEquals(false, r.getAs("p95_within_target"));
    assertEquals(6.0 / 14, r.<Double>getAs("share_over_latency_target"), 1e-6);  // 600, 900, 700, 800, 1000, 600
    assertEquals(500L, (long) r.getAs("latency_target_ms"));
  }

  @Test
  void theCountryJudgesHoursNoRegionCan() {
    Row all = scope(ServiceTraffic.ALL_REGIONS, 3);
    // 10h: 2 of 4 failed, not above half: up. 11h down. 12h up. 13h: 3 of 3 (two regions): down. 14h down.
    assertEquals(5L, (long) all.getAs("judged_hours"));
    assertEquals(3L, (long) all.getAs("outage_hours"));
    assertEquals(0.4, all.<Double>getAs("availability"), 1e-12);
    assertEquals(2L, (long) all.getAs("outages"));             // 11 and 13-14
    assertEquals(2L, (long) all.getAs("longest_outage_hours"));
    assertEquals(6.0 / 16, all.<Double>getAs("share_over_latency_target"), 1e-6);
    assertEquals(1000L, (long) all.getAs("p95_latency_ms"));   // rank ceil(0.95 * 16) = 16 of 16 timed
  }

  @Test
  void aRegionWithFewerThanKRequestsIsSuppressed() {
    Row r = scope("75", 3);
    for (String measure : List.of("judged_hours", "availability", "outages", "p95_latency_ms", "share_over_latency_target")) {
      assertNull(r.getAs(measure), measure);
    }
    assertEquals(true, r.getAs("suppressed"));
    assertTrue(r.<String>getAs("suppression_reason").startsWith("judged_hours"));
    // With k = 2 it is published: no judged hour, so no availability, and not 100%.
    Row published = scope("75", 2);
    assertEquals(0L, (long) published.getAs("judged_hours"));
    assertNull(published.getAs("availability"));
  }
}
