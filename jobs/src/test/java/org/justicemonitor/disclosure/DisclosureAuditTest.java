package org.justicemonitor.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.tables.IndicatorTables;

/** The audit's checks on tables small enough to count by hand. */
@ExtendWith(SharedSpark.class)
class DisclosureAuditTest {

  private static Dataset<Row> rows(String ddl, Row... rows) {
    return SharedSpark.spark().createDataFrame(List.of(rows), StructType.fromDDL(ddl));
  }

  @Test
  void differingRowsCountsCopiesBothWaysWithNullsEqual() {
    String ddl = "k STRING, v BIGINT";
    Dataset<Row> a = rows(ddl, RowFactory.create("x", 1L), RowFactory.create("x", 1L), RowFactory.create("y", null),
        RowFactory.create("w", 3L));
    Dataset<Row> b = rows(ddl, RowFactory.create("x", 1L), RowFactory.create("y", null), RowFactory.create("z", 2L),
        RowFactory.create("w", 3L));
    // Only in a: one copy of (x, 1). Only in b: (z, 2). (y, null) is in both.
    assertEquals(2L, DisclosureAudit.differingRows(a, b));
    assertEquals(2L, DisclosureAudit.differingRows(b, a));
    assertEquals(0L, DisclosureAudit.differingRows(a, a));
  }

  @Test
  void aRatioBesideAHiddenCountItRestsOnGivesItAwayOrNarrowsIt() {
    Dataset<Row> t = rows("incoming BIGINT, resolved BIGINT, clearance_rate DOUBLE",
        RowFactory.create(10L, null, 0.5),   // resolved = 0.5 × 10: given away
        RowFactory.create(null, null, 0.5),  // both hidden: 0.5 still allows only even incomings, half resolved
        RowFactory.create(10L, 5L, 0.5),     // nothing hidden
        RowFactory.create(null, 5L, null));  // the ratio is hidden too
    List<DisclosureAudit.Finding> findings = DisclosureAudit.ratios(IndicatorTables.CATEGORY_YEAR, t);
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("2 rows: clearance_rate", findings.get(0).cell());
  }
}
