package org.justicemonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

@ExtendWith(SharedSpark.class)
class DisclosureTest {

  /** A table of one count pair and their ratio, declared as any published table is. */
  static final TableDeclaration FLOW = TableDeclaration.named("flow", "a test table")
      .key("court_id", "court").key("period", "year")
      .measure(Measure.count("incoming", "filed"))
      .measure(Measure.count("resolved", "decided"))
      .measure(Measure.ratio("clearance_rate", "resolved", "incoming", "resolved / incoming"))
      .measure(Measure.ratio("e_filing_share", "e_filing_cases", "e_filing_base", "an unpublished numerator")
          .within("incoming"))
      .grain("court_id", "period").build();

  private static Row apply(int k, long incoming, long resolved) {
    return new Disclosure(k).apply(table(incoming, resolved, 20L), FLOW).first();
  }

  private static Dataset<Row> table(long incoming, long resolved, long eFilingBase) {
    return table(incoming, resolved, eFilingBase, eFilingBase / 2);
  }

  private static Dataset<Row> table(long incoming, long resolved, long eFilingBase, long eFilingCases) {
    StructType schema = StructType.fromDDL("court_id STRING, period STRING, incoming BIGINT, resolved BIGINT,"
        + " clearance_rate DOUBLE, e_filing_share DOUBLE, e_filing_base BIGINT, e_filing_cases BIGINT");
    return SharedSpark.spark().createDataFrame(List.of(RowFactory.create("c1", "2025", incoming, resolved,
        (double) resolved / incoming, eFilingBase == 0 ? null : (double) eFilingCases / eFilingBase, eFilingBase,
        eFilingCases)), schema);
  }

  @Test
  void aShareWhoseNumeratorCountsOneToNineCasesIsSuppressed() {
    Disclosure disclosure = new Disclosure(10);
    // 3 of 40: 0.075 × 40 gives the 3 cases back.
    Row three = disclosure.apply(table(50, 30, 40, 3), FLOW).first();
    assertNull(three.getAs("e_filing_share"));
    assertEquals("C", three.getAs("e_filing_share_status"));
    // 0 of 40 and 40 of 40 are a 0 and a 1 share: published.
    assertEquals(0.0, disclosure.apply(table(50, 30, 40, 0), FLOW).first().<Double>getAs("e_filing_share"), 0.0);
    assertEquals(1.0, disclosure.apply(table(50, 30, 40, 40), FLOW).first().<Double>getAs("e_filing_share"), 0.0);
    // 10 of 40: at k, published.
    assertEquals(0.25, disclosure.apply(table(50, 30, 40, 10), FLOW).first().<Double>getAs("e_filing_share"), 0.0);
    // 0 of 8: the denominator is under k.
    Row small = disclosure.apply(table(50, 30, 8, 0), FLOW).first();
    assertEquals("C", small.getAs("e_filing_share_status"));
  }

  @Test
  void aShareIsNotPublishedBesideTheSuppressedCountItLiesWithin() {
    // 10 of 29 e-filed beside incoming 29 suppressed as a complement: 0.344828 allows only 29 (or
    // 58, 87 …) as the denominator, so the share goes too.
    Disclosure disclosure = new Disclosure(10);
    Dataset<Row> primary = disclosure.apply(table(29, 30, 29, 10), FLOW);
    assertEquals(10.0 / 29, primary.first().<Double>getAs("e_filing_share"), 1e-12);
    Dataset<Row> complements = SharedSpark.spark().createDataFrame(
        List.of(RowFactory.create("c1|2025", scala.jdk.javaapi.CollectionConverters.asScala(List.of("incoming")).toSeq())),
        Disclosure.COMPLEMENTS_SCHEMA);
    Row r = disclosure.complement(primary, FLOW, complements).first();
    assertNull(r.getAs("incoming"));
    assertNull(r.getAs("e_filing_share"));
    assertEquals("D", r.getAs("e_filing_share_status"));
    assertEquals("D", r.getAs("clearance_rate_status"));
    assertEquals(30L, (long) r.getAs("resolved"));
  }

  @Test
  void atKNothingIsSuppressed() {
    Row r = apply(10, 10, 12);
    assertEquals(10L, (long) r.getAs("incoming"));
    assertEquals(1.2, r.<Double>getAs("clearance_rate"), 1e-12);
    assertEquals(false, r.getAs("suppressed"));
    assertNull(r.getAs("suppression_reason"));
  }

  @Test
  void belowKTheCountAndWhatRestsOnItAreSuppressed() {
    Row r = apply(10, 9, 12);
    assertNull(r.getAs("incoming"));
    assertEquals(12L, (long) r.getAs("resolved"));
    assertNull(r.getAs("clearance_rate"));
    assertEquals(true, r.getAs("suppressed"));
    // The e-filed cases are part of the incoming ones: 9 incoming bound them.
    assertEquals("incoming, clearance_rate, e_filing_share rest on fewer than 10 cases", r.getAs("suppression_reason"));
    assertEquals("C", r.getAs("incoming_status"));
    assertEquals("A", r.getAs("resolved_status"));
    assertEquals("C", r.getAs("clearance_rate_status"));
  }

  @Test
  void theRulesComeFromTheDeclaredMeasures() {
    Measure rate = FLOW.measure("clearance_rate").orElseThrow();
    assertEquals(List.of("incoming", "resolved"), FLOW.restsOn(rate));
    assertEquals(java.util.Optional.empty(), FLOW.numeratorRule(rate));
    // A share whose numerator the table does not publish rests on its denominator, and its numerator rule on the numerator.
    Measure share = FLOW.measure("e_filing_share").orElseThrow();
    assertEquals(List.of("e_filing_base", "incoming"), FLOW.restsOn(share));
    assertEquals(java.util.Optional.of("e_filing_cases"), FLOW.numeratorRule(share));
  }

  @Test
  void aComplementTakesAlongTheRatioThatGivesItAwayAndIsRecordedAsData() {
    Disclosure disclosure = new Disclosure(10);
    Dataset<Row> primary = disclosure.apply(table(40, 30, 20), FLOW);
    Dataset<Row> complements = SharedSpark.spark().createDataFrame(
        List.of(RowFactory.create("c1|2025", scala.jdk.javaapi.CollectionConverters.asScala(List.of("resolved")).toSeq())),
        Disclosure.COMPLEMENTS_SCHEMA);
    Row r = disclosure.complement(primary, FLOW, complements).first();
    assertEquals(40L, (long) r.getAs("incoming"));
    assertNull(r.getAs("resolved"));
    assertNull(r.getAs("clearance_rate"));
    assertEquals(0.5, r.<Double>getAs("e_filing_share"), 0.0);
    assertEquals("A", r.getAs("incoming_status"));
    assertEquals("D", r.getAs("resolved_status"));
    assertEquals("D", r.getAs("clearance_rate_status"));
    assertEquals("A", r.getAs("e_filing_share_status"));
    assertEquals(true, r.getAs("suppressed"));
    assertEquals("resolved, clearance_rate suppressed as complements, so that no value under 10 can be worked out"
        + " from the others", r.getAs("suppression_reason"));
  }

  @Test
  void aValueWithNothingToDivideIsNotApplicableNotSuppressed() {
    Row r = new Disclosure(1).apply(table(40, 30, 5), FLOW).first();
    assertEquals("A", r.getAs("e_filing_share_status"));
    Dataset<Row> none = table(40, 30, 5).withColumn("e_filing_share", org.apache.spark.sql.functions.lit(null).cast("double"));
    Row n = new Disclosure(1).apply(none, FLOW).first();
    assertEquals("M", n.getAs("e_filing_share_status"));
    assertEquals(false, n.getAs("suppressed"));
  }

  @Test
  void whatRestsOnAZeroSuppressedBesideSmallCountsIsSuppressedToo() {
    // 0 filed, 3 decided: the 0 is suppressed beside the 3, and so is the e-filing share of 0
    // cases that lies within it (published, its 0 would give the 0 filings back).
    Row r = new Disclosure(10).apply(table(0, 3, 20, 0), FLOW).first();
    assertNull(r.getAs("incoming"));
    assertEquals("C", r.getAs("incoming_status"));
    assertNull(r.getAs("e_filing_share"));
    assertEquals("C", r.getAs("e_filing_share_status"));
    // Beside 12 decided, the 0 and its share are published.
    Row published = new Disclosure(10).apply(table(0, 12, 20, 0), FLOW).first();
    assertEquals(0L, (long) published.getAs("incoming"));
    assertEquals("A", published.getAs("e_filing_share_status"));
  }

  @Test
  void kMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Disclosure(0));
  }
}
