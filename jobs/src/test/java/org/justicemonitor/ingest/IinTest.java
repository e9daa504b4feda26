package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class IinTest {

  @Test
  void firstPassControlDigit() {
    // 9,0,0,1,0,1,3,0,0,0,1 weighted 1..11: 9+0+0+4+0+6+21+0+0+0+11 = 51; 51 mod 11 = 7.
    assertEquals(OptionalInt.of(7), Iin.controlDigit("90010130001"));
    assertTrue(Iin.isValid("900101300017"));
    assertFalse(Iin.isValid("900101300018"));
  }

  @Test
  void secondPassWhenTheFirstGivesTen() {
    // 0,0,0,0,0,0,0,0,0,1,0 weighted 1..11 gives 10; weights 3..11,1,2 give 1, so the control digit is 1.
    assertEquals(OptionalInt.of(1), Iin.controlDigit("00000000010"));
    assertTrue(Iin.isValid("000000000101"));
    assertFalse(Iin.isValid("000000000100"));
  }

  @Test
  void noValidNumberWhenBothPassesGiveTen() {
    // 0,0,0,0,0,0,0,0,2,8,1: weights 1..11 give 2·9 + 8·10 + 1·11 = 109 ≡ 10 (mod 11); weights
    // 3..11,1,2 give 2·11 + 8·1 + 1·2 = 32 ≡ 10: no control digit, so no number with this prefix is valid.
    assertEquals(OptionalInt.empty(), Iin.controlDigit("00000000281"));
    for (int last = 0; last <= 9; last++) {
      assertFalse(Iin.isValid("00000000281" + last), "control digit " + last);
    }
  }

  @Test
  void rejectsWrongShapes() {
    assertFalse(Iin.isValid((String) null));
    assertFalse(Iin.isValid("90010130001"));
    assertFalse(Iin.isValid("9001013000170"));
    assertFalse(Iin.isValid("90010130001a"));
  }

  @Test
  void sparkExpressionAgreesWithJava() {
    List<String> numbers = new java.util.ArrayList<>(
        List.of("900101300017", "900101300018", "000000000101", "000000000100", "123456789012", "880314400285"));
    for (int last = 0; last <= 9; last++) {
      numbers.add("00000000281" + last); // both passes give 10
    }
    // Every control digit after a spread of leading digits: one in eleven is valid.
    java.util.Random random = new java.util.Random(12);
    for (int i = 0; i < 200; i++) {
      String first11 = String.format("%011d", random.nextLong(100_000_000_000L));
      for (int last = 0; last <= 9; last++) {
        numbers.add(first11 + last);
      }
    }
    List<Row> rows =
        SharedSpark.spark().createDataset(numbers, Encoders.STRING()).toDF("n")
            .select(col("n"), Iin.isValid(col("n")).as("valid"))
            .orderBy("n")
            .collectAsList();
    long valid = 0;
    for (Row r : rows) {
      assertEquals(Iin.isValid(r.getString(0)), r.getBoolean(1), r.getString(0));
      valid += r.getBoolean(1) ? 1 : 0;
    }
    assertEquals(numbers.size(), rows.size());
    assertTrue(valid > 180 && valid <= 206, "valid numbers: " + valid);
  }
}
