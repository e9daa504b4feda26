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
import org.justicemonitor.disclosure.LinkedCells.Cell;
import org.justicemonitor.disclosure.LinkedCells.State;
import org.justicemonitor.tables.Measure;
import org.justicemonitor.tables.TableDeclaration;

/** The linked model takes its cells from the declarations, and their states from the cell statuses. */
@ExtendWith(SharedSpark.class)
class LinkedTablesTest {

  /** A table the model has never seen: a count and a new rate per 1,000 inhabitants. */
  private static final TableDeclaration NEW_TABLE = TableDeclaration.named("new_table", "a declared table")
      .key("region_code", "region").key("period", "year")
      .measure(Measure.count("incoming", "filed"))
      .measure(Measure.perPopulation("mediations_per_1000", "mediations", "mediations per 1,000 inhabitants"))
      .build();

  @Test
  void aNewDeclaredRateAndCountAreCellsWithoutTouchingTheModel() {
    StructType schema = StructType.fromDDL("region_code STRING, period STRING, incoming BIGINT, mediations BIGINT,"
        + " mediations_per_1000 DOUBLE");
    // Region 71 has 200,000 people: 30 mediations are 0.15 per 1,000; region 75's 4 are under k = 10.
    Dataset<Row> rows = SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create("71", "2025", 40L, 30L, 0.15),
        RowFactory.create("75", "2025", 12L, 4L, 0.02)), schema);
    Dataset<Row> published = new Disclosure(10).apply(rows, NEW_TABLE);
    Dataset<Row> regions = SharedSpark.spark().createDataFrame(List.of(
        RowFactory.create("71", 200_000L), RowFactory.create("75", 200_000L)),
        StructType.fromDDL("region_code STRING, population BIGINT"));

    LinkedCells cells = new LinkedTables(t -> published, regions,
        List.of(LinkedTables.Shape.of(NEW_TABLE))).cells();

    String table = "indicators/new_table";
    int counted = cells.find(new Cell(table, "71|2025", "incoming")).orElseThrow();
    assertEquals(40L, cells.value(counted));
    assertEquals(State.PUBLISHED, cells.state(counted));
    int given = cells.find(new Cell(table, "71|2025", "mediations")).orElseThrow();
    assertEquals(30L, cells.value(given));  // 0.15 × 200,000 / 1,000
    assertEquals(State.PUBLISHED, cells.state(given));
    int hidden = cells.find(new Cell(table, "75|2025", "mediations")).orElseThrow();
    assertEquals(State.PRIMARY, cells.state(hidden));
    assertEquals(4, cells.size());
  }
}
