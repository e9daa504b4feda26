package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.ServiceHours;
import org.justicemonitor.measures.ServiceTraffic;

/** Six requests of one service, region and month, hour by hour. */
@ExtendWith(SharedSpark.class)
class ServiceReliabilityTest {

  private static final StructType SCHEMA =
      StructType.fromDDL("event_ts TIMESTAMP, event_month STRING, service STRING, region_code STRING, "
          + "status STRING, latency_ms BIGINT");

  private static Row event(String time, String status, long latency) {
    Timestamp ts = Timestamp.from(OffsetDateTime.parse("2025-03-01T" + time + "+05:00").toInstant());
    return RowFactory.create(ts, "2025-03", "e_filing", "71", status, latency);
  }

  private static Dataset<Row> events() {
    return SharedSpark.spark().createDataFrame(List.of(
        event("10:05:00", "ok", 100),            // 10h: 1 of 2 failed: 0.5, not above 0.5
        event("10:45:00", "timeout", 600),
        event("11:30:00", "server_error", 300),  // 11h: 1 of 1
        event("12:00:00", "timeout", 500),       // 12h: 2 of 2
        event("12:59:59", "server_error", 200),
        event("14:10:00", "timeout", 400)),      // 13h has no requests: the run 11h-12h ends
        SCHEMA);
  }

  private static Row month(double failingAbove, int k) {
    return ServiceReliability.compute(ServiceTraffic.of(events(), 1000), new ServiceHours.Rule(failingAbove, 1), new Disclosure(k)).first();
  }

  @Test
  void requestsFailuresLatencyAndTheLongestFailingRun() {
    Row r = month(0.5, 1);
    assertEquals(List.of("e_filing", "71", "2025-03"), List.of(r.getString(0), r.getString(1), r.getString(2)));
    assertEquals(6L, (long) r.getAs("requests"));
    assertEquals(5.0 / 6, r.<Double>getAs("failure_rate"), 1e-6);
    // Latencies 100..600: the value at rank ceil(0.5 * 6) = 3 and ceil(0.95 * 6) = 6.
    assertEquals(300L, (long) r.getAs("p50_latency_ms"));
    assertEquals(600L, (long) r.getAs("p95_latency_ms"));
    assertEquals(2L, (long) r.getAs("longest_failing_run_hours"));
  }

  @Test
  void theThresholdDecidesWhichHoursFail() {
    assertEquals(3L, (long) month(0.4, 1).getAs("longest_failing_run_hours")); // 10h joins the run
    Row noFailures = ServiceReliability.compute(ServiceTraffic.of(events().filter("status = 'ok'"), 1000), new ServiceHours.Rule(0.0, 1),
        new Disclosure(1)).first();
    assertEquals(0L, (long) noFailures.getAs("longest_failing_run_hours"));
    assertEquals(0.0, noFailures.<Double>getAs("failure_rate"), 1e-12);
  }

  @Test
  void anHourWithTooFewRequestsIsNotJudged() {
    // At 2 requests an hour, 11h (1 request) and 14h are not judged: only 12h is down.
    Row r = ServiceReliability.compute(ServiceTraffic.of(events(), 1000), new ServiceHours.Rule(0.5, 2), new Disclosure(1)).first();
    assertEquals(1L, (long) r.getAs("longest_failing_run_hours"));
  }

  @Test
  void suppressedBelowK() {
    Row r = month(0.5, 7);
    assertNull(r.getAs("requests"));
    assertNull(r.getAs("failure_rate"));
    assertEquals(true, r.getAs("suppressed"));
  }
}
