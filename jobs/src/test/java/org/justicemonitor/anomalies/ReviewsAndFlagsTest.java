package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SharedSpark;

/**
 * The false-discovery level, the stall aftermath, reviews and ranks on a handful of candidates
 * whose p-values are 10^−s: with 11 candidates their Benjamini–Hochberg scores keep their order.
 */
@ExtendWith(SharedSpark.class)
class ReviewsAndFlagsTest {

  private static final StructType CANDIDATE = StructType.fromDDL(
      "entity_type STRING, entity_id STRING, `period` STRING, signal STRING, "
      + "actual DOUBLE, expected DOUBLE, p_value DOUBLE, explanation STRING, "
      + "top_features STRING");

  private static Row c(String type, String id, String period, String signal, double s) {
    return c(type, id, period, signal, s, 1.0, 2.0);
  }

  private static Row c(String type, String id, String period, String signal, double s, double actual, double expected) {
    return RowFactory.create(type, id, period, signal, actual, expected, Math.pow(10, -s), "why", null);
  }

  private static Dataset<Row> candidates() {
    return SharedSpark.spark().createDataFrame(List.of(
        c("court", "71-D01", "2025-03", "resolved", 9.0, 0.0, 40.0),  // a stall
        c("court", "71-D01", "2025-05", "days_to_decision", 8.0),     // its backlog, two months later: dropped
        c("court", "71-D01", "2025-08", "days_to_decision", 7.0),     // five months later: a new anomaly
        c("region", "43", "2025-03", "days_to_register_e_filing", 6.0),
        c("region", "10", "2025-03", "indicator_profile", 6.0),      // ties with region 43: code order decides
        c("region_service", "43:e_payment", "2025-04", "service_failure_rate", 12.0),
        c("region", "71", "2025-06", "indicator_profile", 5.5),       // the stalled court's region, 3 months on: dropped
        c("region", "71", "2025-07", "indicator_profile", 5.5),       // 4 months on: raised
        c("court", "75-D01", "2025-01", "incoming", 0.3),             // p = 0.5: not a discovery
        c("court", "79-D01", "2025-01", "incoming", 8.0),             // a surge...
        c("court", "79-D01", "2025-02", "resolved_burst", 7.5)), CANDIDATE); // ...worked through: dropped
  }

  private static Dataset<Row> courtRegions() {
    return SharedSpark.spark().createDataFrame(List.of(RowFactory.create("71-D01", "71"), RowFactory.create("75-D01", "75")),
        new StructType().add("court_id", DataTypes.StringType).add("region_code", DataTypes.StringType));
  }

  private static Dataset<Row> reviews(Path dir, String csv) throws IOException {
    Path file = dir.resolve("reviews.csv");
    Files.writeString(file, csv);
    return Reviews.read(SharedSpark.spark(), file.toString());
  }

  private static List<String> keys(Dataset<Row> flags) {
    return flags.orderBy("rank").collectAsList().stream()
        .map(r -> r.getAs("rank") + " " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3)).toList();
  }

  @Test
  void levelAftermathAndRanks() {
    Dataset<Row> flags = Flags.select(candidates(), Reviews.none(SharedSpark.spark()), courtRegions(), 0.05);
    assertEquals(List.of(
        "1 43:e_payment 2025-04 service_failure_rate",
        "2 71-D01 2025-03 resolved",
        "3 79-D01 2025-01 incoming",
        "4 71-D01 2025-08 days_to_decision",
        "5 10 2025-03 indicator_profile",
        "6 43 2025-03 days_to_register_e_filing",
        "7 71 2025-07 indicator_profile"), keys(flags));
    // The contract's columns in its order, then the project's.
    assertEquals(List.of("entity_type", "entity_id", "period", "signal", "actual", "expected", "score", "rank", "explanation",
        "top_features", "review", "p_value", "q_value"), List.of(flags.columns()));
    // Regions are their own family of four (10 and 43 at 1e-6, 71 twice at 10^-5.5): 43, second
    // by code among the ties, has q = min(1e-6 · 4 / 2, 10^-5.5 · 4 / 3, 10^-5.5 · 4 / 4) = 2e-6;
    // in one family of all eleven it would have been 1e-6 · 11 / 8. The score is −log10 q.
    Row region43 = flags.filter("entity_id = '43'").first();
    assertEquals(2e-6, region43.<Double>getAs("q_value"), 1e-8); // published to three significant digits
    assertEquals(-Math.log10(2e-6), region43.<Double>getAs("score"), 1e-4);
  }

  /**
   * A first, genuine slowdown is not swallowed by the rules after scoring: court 31-D01 decides
   * its cases three times older than usual in March to May (days_to_decision, nothing before),
   * and all three months are raised; court 33-D01 first decides 60% of expected (a partial
   * slowdown, not a stall) and then slowly: the episode is raised where the slow decisions are,
   * once per month, and the slowdown's month folds into it; court 35-D01 stalls (decisions 0 of
   * 40 expected) and then decides slowly: the stall speaks for the episode.
   */
  @Test
  void aFirstSlowdownIsRaisedWhetherOrNotAStallOrASurgePrecedesIt() {
    Dataset<Row> candidates = SharedSpark.spark().createDataFrame(List.of(
        c("court", "31-D01", "2025-03", "days_to_decision", 9.0, 130.0, 40.0),
        c("court", "31-D01", "2025-04", "days_to_decision", 8.0, 120.0, 40.0),
        c("court", "31-D01", "2025-05", "days_to_decision", 7.0, 110.0, 40.0),
        c("court", "33-D01", "2025-03", "resolved", 6.0, 24.0, 40.0),
        c("court", "33-D01", "2025-04", "days_to_decision", 8.0, 120.0, 40.0),
        c("court", "35-D01", "2025-03", "resolved", 9.0, 0.0, 40.0),
        c("court", "35-D01", "2025-04", "days_to_decision", 8.0, 120.0, 40.0)), CANDIDATE);
    Dataset<Row> flags = Flags.select(candidates, Reviews.none(SharedSpark.spark()), courtRegions(), 0.05);
    assertEquals(List.of(
        "1 31-D01 2025-03 days_to_decision",
        "2 35-D01 2025-03 resolved",
        "3 31-D01 2025-04 days_to_decision",
        "4 33-D01 2025-04 days_to_decision",
        "5 31-D01 2025-05 days_to_decision"), keys(flags));
  }

  @Test
  void dismissedFlagsStayDownUnlessWorseAndConfirmedOnesAreMarked(@TempDir Path dir) throws IOException {
    // Any column order; the score the reviewer saw is optional.
    Dataset<Row> reviews = reviews(dir, """
        verdict,entity_type,entity_id,period,note,score
        dismissed,region_service,43:e_payment,2025-04,known maintenance window,12.5
        dismissed,region,43,2025-03,staff on leave,5.5
        dismissed,region,10,2025-03,no score given,
        CONFIRMED,court,71-D01,2025-03,stall confirmed by the court president,
        """);
    Dataset<Row> flags = Flags.select(candidates(), reviews, courtRegions(), 0.05);
    // 43:e_payment scores 10.96, not above its 12.5 at review: stays dismissed. Region 10 has no
    // score on record: stays dismissed. Region 43 worsened from 5.5 to 5.86: raised again.
    assertEquals(List.of(
        "1 71-D01 2025-03 resolved",
        "2 79-D01 2025-01 incoming",
        "3 71-D01 2025-08 days_to_decision",
        "4 43 2025-03 days_to_register_e_filing",
        "5 71 2025-07 indicator_profile"), keys(flags));
    List<Row> rows = flags.orderBy("rank").collectAsList();
    assertEquals("confirmed", rows.get(0).getAs("review"));
    assertEquals("dismissed earlier at score 5.5; worse now", rows.get(3).getAs("review"));
  }

  @Test
  void aSlowdownBeforeABacklogDecidedAtOnceIsOneEpisodeAndAStallIsNotItsOwnAftermath() {
    Dataset<Row> candidates = SharedSpark.spark().createDataFrame(List.of(
        c("court", "80-D01", "2025-01", "resolved", 8.0, 60.0, 100.0),   // 40% fewer decisions...
        c("court", "80-D01", "2025-02", "resolved_burst", 7.0),          // ...then the backlog: one episode, raised here
        c("court", "81-D01", "2025-01", "resolved", 8.0, 3.0, 100.0),    // a stall (3% of expected)...
        c("court", "81-D01", "2025-03", "resolved_burst", 7.0)), CANDIDATE); // ...decided late: its aftermath
    assertEquals(List.of("1 81-D01 2025-01 resolved", "2 80-D01 2025-02 resolved_burst"),
        keys(Flags.select(candidates, Reviews.none(SharedSpark.spark()), courtRegions(), 0.05)));
  }

  @Test
  void aReviewWithAnUnknownVerdictIsRefused(@TempDir Path dir) {
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.justicemonitor.JobFailure.class, () ->
        reviews(dir, "entity_type,entity_id,period,verdict\ncourt,71-D01,2025-03,maybe\n"));
    assertEquals(true, e.getMessage().contains("1 rows whose verdict is not confirmed or dismissed"), e.getMessage());
  }
}
