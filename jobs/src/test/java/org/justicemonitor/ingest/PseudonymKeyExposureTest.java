package org.justicemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SecretSpellings;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.RegionReference;

/**
 * The pseudonymization key travels only inside the serialized tasks: it is in no query plan,
 * which the Spark UI and the event log print. ({@code ClusterRunIT} searches the event logs and
 * consoles of whole runs, locally and on a cluster, for it.)
 */
@ExtendWith(SharedSpark.class)
class PseudonymKeyExposureTest {

  private static final String SECRET = "exposure-test-key-7f3a9c1e5b2d4f60";
  private static final String EVENTS = "event_ts,service,region_code,channel,user_type,session_id,status,latency_ms,case_id\n"
      + "2025-05-04T14:28:47+05:00,online_hearing,71,mobile,citizen,s-one,ok,554,KZ0000046989\n"
      + "2025-05-04T14:29:47+05:00,e_filing,71,web,citizen,s-two,server_error,1200,KZ0000046990\n";

  @TempDir Path dir;

  private static void assertNoKey(String text, String where) {
    SecretSpellings.assertAbsent(SECRET, text, where);
  }

  @Test
  void theKeyIsInNoQueryPlan() throws IOException {
    Files.createDirectories(dir.resolve("service_events"));
    Files.writeString(dir.resolve("service_events/e.csv"), EVENTS);
    RowValidator validator = new RowValidator(Contract.SERVICE_EVENTS, new TreeSet<>(RegionReference.shipped().codes()),
        java.time.LocalDate.of(2025, 12, 31), new Pseudonymizer(PseudonymizationKey.of(SECRET, "test")));
    Dataset<Row> validated = validator.validate(
        new RawReader(SharedSpark.spark()).read(Contract.SERVICE_EVENTS, dir.resolve("service_events").toString()).rows());
    assertEquals(2, validated.filter(validated.col(RowValidator.REASON).isNull()).count(), "both rows good");
    assertNoKey(validated.queryExecution().toString(), "the parsed, analysed, optimized or physical plan");
    assertNoKey(validated.queryExecution().explainString(org.apache.spark.sql.execution.ExplainMode.fromString("codegen")),
        "the generated code");
  }
}
