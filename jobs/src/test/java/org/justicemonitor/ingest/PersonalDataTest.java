package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class PersonalDataTest {

  private static Row scan(String text) {
    return SharedSpark.spark().createDataset(Arrays.asList(text), Encoders.STRING()).toDF("t")
        .select(PersonalData.contains(col("t")), PersonalData.mask(col("t")))
        .first();
  }

  @Test
  void findsAnIinWithAValidControlDigit() {
    assertEquals(true, scan("judge 900101300017").getBoolean(0));
    assertEquals("judge <IIN>", scan("judge 900101300017").getString(1));
  }

  @Test
  void twelveDigitsWithAWrongControlDigitAreNotAnIinButAreStillMasked() {
    Row r = scan("ref 900101300018");
    assertEquals(false, r.getBoolean(0));
    assertEquals("ref <IIN>", r.getString(1));
  }

  @Test
  void digitsInsideLongerNumbersAreNotAnIin() {
    assertEquals(false, scan("9001013000170").getBoolean(0));
  }

  @Test
  void findsKazakhPhoneNumbersInTheirUsualSpellings() {
    for (String phone : List.of("+77012345678", "8 701 234 56 78", "+7 (701) 234-56-78", "8-747-123-45-67")) {
      Row r = scan("call " + phone + " today");
      assertEquals(true, r.getBoolean(0), phone);
      assertEquals("call <PHONE> today", r.getString(1), phone);
    }
  }

  @Test
  void findsEmailAddresses() {
    Row r = scan("aigerim.s@mail.kz");
    assertEquals(true, r.getBoolean(0));
    assertEquals("<EMAIL>", r.getString(1));
  }

  @Test
  void leavesIdentifiersDatesAndTimestampsAlone() {
    for (String clean : List.of("KZ0000000003", "71-D01-J04", "2025-03-01T09:15:02+05:00", "71-D01", "sedgeone", "30012")) {
      Row r = scan(clean);
      assertEquals(false, r.getBoolean(0), clean);
      assertEquals(clean, r.getString(1), clean);
    }
  }

  @Test
  void nullIsNotPersonalData() {
    Row r = scan(null);
    assertEquals(false, r.isNullAt(0) ? false : r.getBoolean(0));
  }
}
