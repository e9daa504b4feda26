package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
  void findsPhoneNumbersAsPeopleWriteThem() {
    for (String phone : List.of("+7 7172 55 66 77", "+44 20 7946 0958", "8 (7172) 55-66-77", "+7 (727) 250-00-00",
        "8 701 234 56 78", "+1-202-555-0143", "+49 30 901820")) {
      Row r = scan("71-D01 tel " + phone);
      assertEquals(true, r.getBoolean(0), phone);
      assertEquals("71-D01 tel <PHONE>", r.getString(1), phone);
    }
  }

  @Test
  void aRunOfDigitsInsideALongerTokenIsPartOfTheToken() {
    // A hex pseudonym whose 12-digit run has a valid IIN control digit; an e-Courts CNR number;
    // DataJud's process number; an account token with a phone-like run.
    for (String token : List.of("a3f900101300017c2b", "MHPU010012342018", "0001234-56.2023.8.27.2729", "x87012345678y",
        "ref:900101300017b")) {
      assertEquals(false, scan(token).getBoolean(0), token);
    }
    assertEquals(true, scan("IIN: 900101300017.").getBoolean(0));
    assertEquals(true, scan("ИИН900101300017").getBoolean(0), "Cyrillic letters are words, not token characters");
  }

  /** Measured on a million 32-hex-digit pseudonyms and on court ids as the shipped profiles and samples write them. */
  @Test
  void noFalseAlarmOnAMillionPseudonymsNorOnCourtIds() {
    long alarms = SharedSpark.spark().range(1_000_000)
        .select(substring(sha2(col("id").cast("string"), 256), 1, 32).as("t"))
        .filter(PersonalData.contains(col("t"))).count();
    assertEquals(0L, alarms, "false alarms among 1,000,000 hex pseudonyms");
    List<String> courts = new ArrayList<>();
    for (String region : List.of("10", "11", "15", "71", "75", "79")) {
      for (String level : List.of("D", "R", "S")) {
        for (int n = 1; n <= 40; n++) {
          courts.add(String.format("%s-%s%02d", region, level, n));
          courts.add(String.format("%s-%s%02d-J%02d", region, level, n, n % 9 + 1));
        }
      }
    }
    for (int n = 0; n < 200; n++) {
      courts.add(String.format("%07d-%02d.%d.8.%02d.%04d", 1234567 * (n + 1) % 10_000_000, n % 100, 2015 + n % 10, 1 + n % 27,
          1000 + n));
      courts.add(String.format("MHPU%02d%06d%d", n % 100, 100 + n, 2010 + n % 15));
    }
    long courtAlarms = SharedSpark.spark().createDataset(courts, Encoders.STRING()).toDF("t")
        .filter(PersonalData.contains(col("t"))).count();
    assertEquals(0L, courtAlarms, "false alarms among " + courts.size() + " court and case numbers");
  }

  /** Every valid IIN, phone and e-mail address inside free text is found. */
  @Test
  void everyIinPhoneAndEmailInFreeTextIsFound() {
    List<String> texts = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    while (texts.size() < 2_000) {
      String first11 = String.format("%06d%05d", 100000 + random.nextInt(900000), random.nextInt(100000));
      var control = Iin.controlDigit(first11);
      if (control.isPresent()) {
        texts.add("заявитель ИИН " + first11 + control.getAsInt() + ", по делу");
      }
    }
    for (int n = 0; n < 500; n++) {
      String d = String.format("%07d", random.nextInt(10_000_000));
      texts.add("звонить 8 7" + d.substring(0, 2) + " " + d.substring(2, 5) + " " + d.substring(5) + "00 вечером");
      texts.add("call +7 (7" + d.substring(0, 2) + ") " + d.substring(2, 5) + "-" + d.substring(5) + "-00 today");
      texts.add("contact +44 20 " + d.substring(0, 4) + " " + d.substring(3) + " or");
      texts.add("пишите на user" + n + ".name@mail" + (n % 7) + ".kz, спасибо");
    }
    long found = SharedSpark.spark().createDataset(texts, Encoders.STRING()).toDF("t")
        .filter(PersonalData.contains(col("t"))).count();
    assertEquals(texts.size(), found, "found of " + texts.size());
  }

  @Test
  void theCheapPreCheckHoldsWhereverAPatternMatchesAndSkipsCodesAndIds() {
    java.util.regex.Pattern start = java.util.regex.Pattern.compile(PersonalData.CANDIDATE_START);
    List<java.util.regex.Pattern> patterns = List.of(PersonalData.PHONE, PersonalData.EMAIL, PersonalData.TWELVE_DIGITS)
        .stream().map(java.util.regex.Pattern::compile).toList();
    String alphabet = "0123456789012345678987+@. ()-aZ";
    java.util.Random random = new java.util.Random(11);
    int matched = 0;
    for (int n = 0; n < 300_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0, len = 8 + random.nextInt(20); i < len; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      if (patterns.stream().anyMatch(p -> p.matcher(t).find())) {
        matched++;
        assertEquals(true, t.contains("@") || start.matcher(t).find(), t);
      }
    }
    assertEquals(true, matched > 1_000, "random texts that hold a pattern: " + matched);
    for (String id : List.of("KZ0000046989", "slleiombccapimfpn", "C012", "a1b2c3d4e5f60718293a4b5c6d7e8f90")) {
      assertEquals(false, id.contains("@") || start.matcher(id).find(), id);
    }
  }

  @Test
  void nullIsNotPersonalData() {
    Row r = scan(null);
    assertEquals(false, r.isNullAt(0) ? false : r.getBoolean(0));
  }
}
