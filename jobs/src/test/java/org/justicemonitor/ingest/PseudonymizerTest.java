package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class PseudonymizerTest {

  private static final PseudonymizationKey KEY = PseudonymizationKey.of("a-test-key-of-sufficient-length", "test");

  @Test
  void isTheFirst128BitsOfHmacSha256() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("a-test-key-of-sufficient-length".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal("KZ0000000003".getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    assertEquals(expected, Pseudonymizer.pseudonym(KEY, "KZ0000000003"));
  }

  @Test
  void sparkColumnGivesTheSameStablePseudonyms() {
    List<Row> rows =
        SharedSpark.spark().createDataset(Arrays.asList("KZ0000000003", "KZ0000000003", null), Encoders.STRING()).toDF("id")
            .select(new Pseudonymizer(KEY).pseudonym(col("id")))
            .collectAsList();
    assertEquals(Pseudonymizer.pseudonym(KEY, "KZ0000000003"), rows.get(0).getString(0));
    assertEquals(rows.get(0).getString(0), rows.get(1).getString(0));
    assertNull(rows.get(2).getString(0));
  }

  @Test
  void anotherKeyGivesAnotherPseudonym() {
    PseudonymizationKey other = PseudonymizationKey.of("another-test-key-of-enough-length", "test");
    assertNotEquals(Pseudonymizer.pseudonym(KEY, "KZ0000000003"), Pseudonymizer.pseudonym(other, "KZ0000000003"));
  }

  @Test
  void keyComesFromTheEnvironmentAndIsNeverPrinted() {
    PseudonymizationKey key =
        PseudonymizationKey.resolve(Optional.empty(), Map.of(PseudonymizationKey.ENV_VAR, "environment-secret-123456"), false);
    assertEquals(false, key.isDemo());
    assertTrue(!key.toString().contains("environment-secret"));
  }

  @Test
  void withoutAKeyOnlyTheDemoMayRun() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PseudonymizationKey.resolve(Optional.empty(), Map.of(), false));
    assertTrue(e.getMessage().contains(PseudonymizationKey.ENV_VAR));
    assertTrue(PseudonymizationKey.resolve(Optional.empty(), Map.of(), true).isDemo());
  }

  @Test
  void shortKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PseudonymizationKey.of("short", "test"));
  }
}
