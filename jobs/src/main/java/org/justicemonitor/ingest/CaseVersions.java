package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The contract's versioning of cases: a row with the same version key ({@code case_id}) later in the same file,
 * or in a file whose name sorts later, is a newer version and replaces the earlier one. Only
 * valid rows take part, so a bad newer version never erases a good older one.
 */
public final class CaseVersions {

  private static final String RANK = "_version_rank";

  /** The newest version of each case. */
  public static Dataset<Row> newest(Dataset<Row> validCases, String versionKey) {
    var newestFirst =
        Window.partitionBy(versionKey)
            .orderBy(RawReader.LINEAGE_ORDER.stream().map(c -> col(c).desc()).toArray(org.apache.spark.sql.Column[]::new));
    return validCases.withColumn(RANK, row_number().over(newestFirst)).filter(col(RANK).equalTo(1)).drop(RANK);
  }

  /** How many rows an older version of some case: counted apart from {@link #newest}, as a check. */
  public static long supersededCount(Dataset<Row> validCases, String versionKey) {
    Row r =
        validCases
            .groupBy(versionKey)
            .agg(count("*").as("versions"))
            .agg(sum(col("versions").minus(1)).as("superseded"))
            .first();
    return r.isNullAt(0) ? 0L : r.getLong(0);
  }

  private CaseVersions() {}
}
