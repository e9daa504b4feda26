package org.justicemonitor.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.justicemonitor.measures.CaseFlowTest.d;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.measures.CaseFlow;
import org.justicemonitor.measures.CaseFlowTest;
import org.justicemonitor.measures.Period;

/** E-Protocol and publication figures on five cases worked out by hand. */
@ExtendWith(SharedSpark.class)
class DigitalAdoptionTest {

  private static Dataset<Row> cases() {
    String o = "administrative_offence";
    return SharedSpark.spark().createDataFrame(List.of(
        // 1: E-Protocol, 10 days to decision, published 10 days later.
        RowFactory.create("71", o, "e_protocol", d("2025-01-01"), null, d("2025-01-11"), null, d("2025-01-21")),
        // 2: E-Protocol, 20 days, not published.
        RowFactory.create("71", o, "e_protocol", d("2025-02-01"), null, d("2025-02-21"), null, null),
        // 3: paper protocol, 3 days, published the next day.
        RowFactory.create("71", o, "paper", d("2025-03-01"), null, d("2025-03-04"), null, d("2025-03-05")),
        // 4: civil (not an offence), published 4 days after the decision.
        RowFactory.create("71", "civil", "e_filing", d("2025-01-10"), null, d("2025-04-10"), null, d("2025-04-14")),
        // 5: E-Protocol filed in 2024, decided 2025-01-09 after 20 days, not published.
        RowFactory.create("71", o, "e_protocol", d("2024-12-20"), null, d("2025-01-09"), null, null)),
        CaseFlowTest.SCHEMA.add("published_at", DataTypes.DateType)).transform(CaseFlowTest::unpublished);
  }

  private static Row row(Period period, List<String> labels, String label) {
    Dataset<Row> groups = SharedSpark.spark().createDataset(List.of("71"), Encoders.STRING()).toDF("region_code");
    List<String> keys = List.of("region_code");
    return CaseFlow.compute(cases(), keys, period, labels, groups).filter("period = '" + label + "'").first();
  }

  @Test
  void aYear() {
    Row y = row(Period.YEAR, List.of("2024", "2025"), "2025");
    // Offences filed in 2025: 1, 2, 3; through E-Protocol: 1, 2.
    assertEquals(2.0 / 3, y.<Double>getAs("e_protocol_share"), 1e-12);
    // E-Protocol decisions in 2025: 10, 20, 20 days: median 20.
    assertEquals(3L, (long) y.getAs("e_protocol_decisions"));
    assertEquals(20.0, y.<Double>getAs("median_days_protocol_to_decision"), 1e-12);
    // Decided in 2025: all 5; published: 1, 3, 4 after 10, 1, 4 days: median 4.
    assertEquals(0.6, y.<Double>getAs("publication_share"), 1e-12);
    assertEquals(4.0, y.<Double>getAs("median_days_to_publication"), 1e-12);
  }

  @Test
  void aMonthWithAnEvenCount() {
    Row jan = row(Period.MONTH, List.of("2024-12", "2025-01", "2025-02", "2025-03", "2025-04"), "2025-01");
    assertEquals(1.0, jan.<Double>getAs("e_protocol_share"), 1e-12);
    // Decided in January through E-Protocol: 10 and 20 days: median 15.
    assertEquals(15.0, jan.<Double>getAs("median_days_protocol_to_decision"), 1e-12);
    // Decided in January: 1 and 5, one published.
    assertEquals(0.5, jan.<Double>getAs("publication_share"), 1e-12);
    // December 2024 has an offence filed and nothing decided.
    Row dec = row(Period.MONTH, List.of("2024-12", "2025-01"), "2024-12");
    assertEquals(1.0, dec.<Double>getAs("e_protocol_share"), 1e-12);
    assertEquals(0L, (long) dec.getAs("published_decisions"));
    assertTrue(dec.isNullAt(dec.fieldIndex("publication_share")));
  }
}
