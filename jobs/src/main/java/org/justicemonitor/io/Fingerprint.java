package org.justicemonitor.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fingerprint of a table's content: its row count and the sum of a 64-bit hash of every row.
 * The sum does not depend on row order or partitioning, so the same rows give the same
 * fingerprint on a laptop and on a cluster; any changed value changes it.
 */
public final class Fingerprint {

  private Fingerprint() {}

  public static String of(Dataset<Row> rows) {
    Column hash = xxhash64(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
    Row r = rows.agg(count(lit(1)), sum(hash.cast("decimal(38,0)"))).first();
    return r.getLong(0) + " rows, xxhash64 sum " + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
  }
}
