package org.justicemonitor.anomalies;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

/**
 * The count model on counts drawn with a fixed seed from a known model: twelve courts of 20 to
 * 300 cases a month over three years with a shared season, one surge in the smallest court and
 * one stall; then the same with overdispersion; then failures of requests with one rate for all.
 */
@ExtendWith(SharedSpark.class)
class CountModelTest {

  private static final AnomalyOptions OPTIONS = AnomalyOptions.of(LocalDate.of(2025, 12, 31));
  private static final StructType SERIES = StructType.fromDDL(
      "entity_id STRING, `period` STRING, peer_group STRING, y BIGINT, exposure DOUBLE");
  private static final double[] SEASON = {0.8, 1.0, 1.05, 1.0, 0.95, 1.0, 0.8, 0.85, 1.05, 1.1, 1.05, 1.1};

  private static String month(int m) {
    return String.format("%d-%02d", 2023 + m / 12, m % 12 + 1);
  }

  /** Court c's counts: level 20 + 25c a month times the season, Poisson or gamma-mixed Poisson. */
  private static Dataset<Row> courts(double alpha, long seed) {
    Well19937c random = new Well19937c(seed);
    GammaDistribution mixing = alpha > 0 ? new GammaDistribution(random, 1 / alpha, alpha) : null;
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      for (int m = 0; m < 36; m++) {
        double mean = (20 + 25 * c) * SEASON[m % 12] * (mixing == null ? 1 : mixing.sample());
        if (c == 0 && month(m).equals("2025-06")) {
          mean *= 2.5;                                   // the smallest court's surge
        }
        long y = new PoissonDistribution(random, mean, 1e-12, 10_000).sample();
        if (c == 7 && month(m).equals("2025-03")) {
          y = 0;                                         // a stall
        }
        rows.add(RowFactory.create(String.format("C%02d", c), month(m), "district", y, 1.0));
      }
    }
    return SharedSpark.spark().createDataFrame(rows, SERIES);
  }

  /** One signal trained and judged in memory (the job writes the rounds' inputs between them). */
  private static CountModel.Assessment judged(Dataset<Row> series, CountModel.Spec spec) {
    Dataset<Row> expected = CountModel.expected(List.of(new CountModel.Fitted(spec, CountModel.train(series, spec), series))).cache();
    return CountModel.assess(expected, CountModel.usualMonths(expected, OPTIONS), OPTIONS).of(spec.name());
  }

  private static Row at(CountModel.Assessment a, String entity, String period) {
    return a.rows().filter(col("entity_id").equalTo(entity).and(col("period").equalTo(period))).first();
  }

  @Test
  void aSurgeInTheSmallestCourtAndAStallAreCertainAndTheRestIsChance() {
    CountModel.Assessment a = judged(courts(0, 11), CountSignals.INCOMING);
    assertTrue(a.overdispersion() < 0.01, "Poisson counts: alpha " + a.overdispersion());
    Row surge = at(a, "C00", "2025-06");
    // Expected: 20 × June's 1.0, from the court's level and the national month.
    assertEquals(20.0, surge.<Double>getAs("mu"), 4.0);
    assertTrue(surge.<Double>getAs("p_higher") < 1e-5, "surge " + surge);
    Row stall = at(a, "C07", "2025-03");
    assertTrue(stall.<Double>getAs("p_lower") < 1e-30, "stall " + stall);
    // Under the model, about 1 in 1,000 of ~330 other scored months would reach 0.001 by chance.
    long chance = a.rows().filter(col("p_higher").lt(1e-3).or(col("p_lower").lt(1e-3))).count();
    assertTrue(chance <= 3, "months below 0.001 besides the two: " + (chance - 2));
  }

  @Test
  void overdispersionIsEstimatedSoThatBusyCourtsAreNotOverFlagged() {
    CountModel.Assessment a = judged(courts(0.05, 12), CountSignals.INCOMING);
    assertEquals(0.05, a.overdispersion(), 0.025);
    long scored = a.rows().filter(col("p_higher").isNotNull()).count();
    long belowOnePercent = a.rows().filter(col("p_higher").lt(0.01)).count();
    // The tail is taken at 10% above expected: at most about 1% of usual months fall below 0.01.
    assertTrue(belowOnePercent <= 0.02 * scored + 2, belowOnePercent + " of " + scored);
  }

  @Test
  void aSmallRegionsFailureRateBorrowsFromTheSameServiceElsewhere() {
    Well19937c random = new Well19937c(13);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < 10; r++) {
      int requests = r == 0 ? 80 : 2000;
      for (int m = 0; m < 24; m++) {
        long failures = new BinomialDistribution(random, requests, 0.03).sample();
        if (r == 0 && month(m).equals("2024-10")) {
          failures = 24;                                 // 24 of 80 against about 3%
        }
        rows.add(RowFactory.create(String.format("%02d:online_hearing", r), month(m), "online_hearing", failures,
            (double) requests));
      }
    }
    CountModel.Assessment a = judged(SharedSpark.spark().createDataFrame(rows, SERIES), CountSignals.FAILURES);
    Row outage = at(a, "00:online_hearing", "2024-10");
    assertTrue(outage.<Double>getAs("p_higher") < 1e-10, "outage " + outage);
    assertEquals(2.4, outage.<Double>getAs("mu"), 0.8);
    // One rate everywhere: the small region's own twelve months weigh little against its peers.
    assertTrue(outage.<Double>getAs("own_weight") < 0.5, "own weight " + outage.<Double>getAs("own_weight"));
    List<Row> explained = CountSignals.failures(a, OPTIONS).filter(col("p_value").lt(1e-10)).collectAsList();
    assertEquals(1, explained.size(), explained.toString());
    assertTrue(explained.get(0).<String>getAs("explanation").startsWith("24 failures of 80 requests (30.0%) against about "),
        explained.get(0).<String>getAs("explanation"));
    assertTrue(explained.get(0).<String>getAs("explanation").contains("months would look like this by chance"));
  }

  @Test
  void aFeatureOfOneLevelOrNoneIsLeftOutOfTheFormula() {
    StructType schema = StructType.fromDDL("peer_group STRING, period STRING, court_id STRING");
    List<Row> rows = List.of(RowFactory.create("district", "2024-01", null), RowFactory.create("district", "2024-02", null),
        RowFactory.create("district", "2024-02", null));
    Dataset<Row> df = SharedSpark.spark().createDataFrame(rows, schema);
    assertEquals(List.of("period"), CountModel.varying(df, List.of("peer_group", "period", "court_id")));
    assertEquals(List.of("1"), CountModel.varying(df.filter(col("period").equalTo("2024-02")), List.of("peer_group", "period")));
  }
}
