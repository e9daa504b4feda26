package org.justicemonitor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional courts file: its names read by header, its faults named by file, line and column, never by value. */
class CourtReferenceTest {

  @Test
  void namesAreReadByHeaderAndAMissingLanguageIsNull() {
    List<CourtReference.Court> courts = CourtReference.parse("""
        \uFEFFname_ru,court_id,name_en
        Районный суд № 1 (Акмолинская область),11-D01,"Akmola district court no. 1"

        Верховный суд,71-S01,
        """, "courts.csv");
    assertEquals(2, courts.size());
    assertEquals(new CourtReference.Court("11-D01", "Akmola district court no. 1", "Районный суд № 1 (Акмолинская область)", null),
        courts.get(0));
    assertNull(courts.get(1).nameEn());
    assertEquals("Верховный суд", courts.get(1).nameRu());
  }

  @Test
  void aRepeatedCourtIsNamedByItsLinesNotByItsCode() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CourtReference.parse(
        "court_id,name_en\nSECRET-7,A\nOTHER,B\nSECRET-7,C\n", "in/courts/courts.csv"));
    assertEquals("in/courts/courts.csv line 4, column court_id: the same court as line 2", e.getMessage());
    assertFalse(e.getMessage().contains("SECRET"));
  }

  @Test
  void aFileWithoutTheColumnsOrWithARaggedLineIsRefused() {
    assertEquals("c.csv line 1: expected the columns court_id and name_en, name_ru or name_kk",
        assertThrows(IllegalArgumentException.class, () -> CourtReference.parse("court,name\nA,B\n", "c.csv")).getMessage());
    assertEquals("c.csv line 3: 3 fields, the header has 2",
        assertThrows(IllegalArgumentException.class, () -> CourtReference.parse("court_id,name_kk\nA,B\nC,D,E\n", "c.csv"))
            .getMessage());
  }
}
