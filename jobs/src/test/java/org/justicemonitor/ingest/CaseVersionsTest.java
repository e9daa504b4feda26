package org.justicemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.contract.Contract;

@ExtendWith(SharedSpark.class)
class CaseVersionsTest {

  private static Map<String, String> version(String id, String outcome) {
    return RawRows.with(RawRows.with(RawRows.goodCase(), "case_id", id), "outcome", outcome);
  }

  @Test
  void laterInTheSameFileOrInALaterFileWins() {
    Dataset<Row> a = RawRows.of(Contract.CASES, "a.csv", version("1", "rejected"), version("2", "rejected"), version("1", "settled"));
    Dataset<Row> b = RawRows.of(Contract.CASES, "b.csv", version("2", "satisfied"), version("3", "returned"));
    Dataset<Row> valid = a.unionByName(b);

    List<Row> newest = CaseVersions.newest(valid, "case_id").orderBy("case_id").select("case_id", "outcome").collectAsList();
    assertEquals(List.of(Row.fromSeq(seq("1", "settled")), Row.fromSeq(seq("2", "satisfied")), Row.fromSeq(seq("3", "returned"))), newest);
    assertEquals(2L, CaseVersions.supersededCount(valid, "case_id"));
  }

  @Test
  void noVersionsNothingSuperseded() {
    Dataset<Row> valid = RawRows.of(Contract.CASES, "a.csv", version("1", "rejected"), version("2", "rejected"));
    assertEquals(0L, CaseVersions.supersededCount(valid, "case_id"));
    assertEquals(2L, CaseVersions.newest(valid, "case_id").count());
  }

  private static scala.collection.immutable.Seq<Object> seq(Object... values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(values)).toSeq();
  }
}
