package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/** The published list of courts: what the cases say of each court, and its names where the input gives them. */
public final class CourtList {

  private CourtList() {}

  /**
   * @param courts {@code court_id, court_level, region_code} of the cases (one court may show a
   *     level or region only in some rows: the first in order is kept, so a court is one row)
   * @param names {@code court_id, name_en, name_ru, name_kk}, possibly empty
   * @return one row per court, by code
   */
  public static Dataset<Row> compute(Dataset<Row> courts, Dataset<Row> names) {
    return courts.groupBy("court_id").agg(min("court_level").as("court_level"), min("region_code").as("region_code"))
        .join(names, DataFrames.joinKeys("court_id"), "left")
        .select(col("court_id"), col("court_level"), col("region_code"), col("name_en"), col("name_ru"), col("name_kk"))
        .orderBy("court_id");
  }
}
