package org.justicemonitor.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/** Five hand-made cases of one region; every expected value is worked out in the comments. */
@ExtendWith(SharedSpark.class)
public class CaseFlowTest {

  public static final StructType SCHEMA =
      StructType.fromDDL("region_code STRING, case_category STRING, filing_channel STRING, filed_at DATE, "
          + "registered_at DATE, decided_at DATE, hearing_format STRING");

  public static Date d(String s) {
    return s == null ? null : Date.valueOf(s);
  }

  public static Dataset<Row> cases() {
    List<Row> rows = new ArrayList<>();
    // 1: filed on the last day of January, decided the first of February: 1 day; e-filed, registered after 1 day; online.
    rows.add(RowFactory.create("71", "civil", "e_filing", d("2025-01-31"), d("2025-02-01"), d("2025-02-01"), "online"));
    // 2: January to January: 30 days; paper; in person.
    rows.add(RowFactory.create("71", "civil", "paper", d("2025-01-01"), d("2025-01-02"), d("2025-01-31"), "in_person"));
    // 3: filed in February, still pending; e-filed, registered after 3 days.
    rows.add(RowFactory.create("71", "civil", "e_filing", d("2025-02-15"), d("2025-02-18"), null, null));
    // 4: criminal (not in the e-filing share), e-filed, registered the same day, decided 1 day later, in writing.
    rows.add(RowFactory.create("71", "criminal", "e_filing", d("2025-02-28"), d("2025-02-28"), d("2025-03-01"), "written"));
    // 5: administrative, e-filed, registered the same day, decided after 10 days, mixed hearing.
    rows.add(RowFactory.create("71", "administrative", "e_filing", d("2025-03-10"), d("2025-03-10"), d("2025-03-20"), "mixed"));
    return unpublished(SharedSpark.spark().createDataFrame(rows, SCHEMA));
  }

  /**
   * Cases with every optional column the case flow reads that the fixture leaves out set to null:
   * no decision published, no language, representation or appeal recorded.
   */
  public static Dataset<Row> unpublished(Dataset<Row> cases) {
    List<String> present = List.of(cases.columns());
    for (String[] optional : new String[][] {{"published_at", "date"}, {"language", "string"},
        {"party_represented", "boolean"}, {"appealed", "boolean"}}) {
      if (!present.contains(optional[0])) {
        cases = cases.withColumn(optional[0], org.apache.spark.sql.functions.lit(null).cast(optional[1]));
      }
    }
    return cases;
  }

  private static List<Row> flow(Period period, List<String> labels) {
    Dataset<Row> groups = SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
    return CaseFlow.compute(cases(), List.of("region_code"), period, labels, groups).orderBy("period").collectAsList();
  }

  @Test
  void monthsCountAtTheirBoundaries() {
    List<Row> m = flow(Period.MONTH, List.of("2024-12", "2025-01", "2025-02", "2025-03"));
    Row dec = m.get(0);
    assertEquals(0L, (long) dec.getAs("incoming"));
    assertEquals(0L, (long) dec.getAs("pending_end"));
    assertNull(dec.getAs("clearance_rate"));

    Row jan = m.get(1);
    assertEquals(2L, (long) jan.getAs("incoming"));     // cases 1 and 2
    assertEquals(1L, (long) jan.getAs("resolved"));     // case 2
    assertEquals(1L, (long) jan.getAs("pending_end"));  // case 1, decided the next day
    assertEquals(0.5, jan.<Double>getAs("clearance_rate"), 1e-12);
    assertEquals(31.0, jan.<Double>getAs("disposition_time_days"), 1e-12);  // 31 days * 1 pending / 1 resolved
    assertEquals(30.0, jan.<Double>getAs("median_days_to_decision"), 1e-12);
    assertEquals(0.5, jan.<Double>getAs("e_filing_share"), 1e-12);          // 1 of cases 1, 2
    assertEquals(0.0, jan.<Double>getAs("online_hearing_share"), 1e-12);    // case 2 in person
    assertEquals(1.0, jan.<Double>getAs("median_days_to_register_e_filing"), 1e-12);

    Row feb = m.get(2);
    assertEquals(2L, (long) feb.getAs("incoming"));     // cases 3 and 4
    assertEquals(1L, (long) feb.getAs("resolved"));     // case 1
    assertEquals(2L, (long) feb.getAs("pending_end"));  // cases 3 and 4
    assertEquals(56.0, feb.<Double>getAs("disposition_time_days"), 1e-12);  // 28 days * 2 / 1
    assertEquals(1.0, feb.<Double>getAs("e_filing_share"), 1e-12);          // case 3; criminal case 4 left out
    assertEquals(1.0, feb.<Double>getAs("online_hearing_share"), 1e-12);    // case 1 online
    assertEquals(1.5, feb.<Double>getAs("median_days_to_register_e_filing"), 1e-12); // 3 and 0 days

    Row mar = m.get(3);
    assertEquals(1L, (long) mar.getAs("incoming"));     // case 5
    assertEquals(2L, (long) mar.getAs("resolved"));     // cases 4 and 5
    assertEquals(1L, (long) mar.getAs("pending_end"));  // case 3
    assertEquals(2.0, mar.<Double>getAs("clearance_rate"), 1e-12);
    assertEquals(15.5, mar.<Double>getAs("disposition_time_days"), 1e-12); // 31 * 1 / 2
    assertEquals(5.5, mar.<Double>getAs("median_days_to_decision"), 1e-12); // 1 and 10 days
    assertEquals(9.1, mar.<Double>getAs("p90_days_to_decision"), 1e-12);    // 1 + 0.9 * 9
    assertEquals(1.0, mar.<Double>getAs("online_hearing_share"), 1e-12);    // case 5 mixed; written case 4 left out
  }

  @Test
  void aYear() {
    Row y = flow(Period.YEAR, List.of("2025")).get(0);
    assertEquals(5L, (long) y.getAs("incoming"));
    assertEquals(4L, (long) y.getAs("resolved"));
    assertEquals(1L, (long) y.getAs("pending_end"));
    assertEquals(0.8, y.<Double>getAs("clearance_rate"), 1e-12);
    assertEquals(91.25, y.<Double>getAs("disposition_time_days"), 1e-12); // 365 * 1 / 4
    assertEquals(5.5, y.<Double>getAs("median_days_to_decision"), 1e-12);  // 1 1 10 30
    assertEquals(24.0, y.<Double>getAs("p90_days_to_decision"), 1e-12);    // rank 2.7: 10 + 0.7 * 20
    assertEquals(0.75, y.<Double>getAs("e_filing_share"), 1e-12);          // cases 1, 3, 5 of 1, 2, 3, 5
    assertEquals(2.0 / 3, y.<Double>getAs("online_hearing_share"), 1e-12); // 1 and 5 of 1, 2, 5
  }
}
