package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.ingest.RawReader;

/**
 * A source that publishes one record several times, such as DataJud, whose index holds a
 * document per process, level and court unit, each updated on its own: of the source rows with
 * the same key, the one with the greatest {@code newest} is kept and the others are marked
 * {@link RawReader#SUPERSEDED}, counted with the superseded versions, never silently dropped.
 * Ties go to the row read later, as between contract versions.
 *
 * @param key Spark SQL expressions over the source columns, e.g. {@code _source.numeroProcesso}
 * @param newest a Spark SQL expression that orders the copies, e.g. the time of the last update
 */
public record Deduplication(List<String> key, String newest) {

  public Deduplication {
    key = List.copyOf(key);
  }

  Dataset<Row> apply(Dataset<Row> source) {
    Column[] keys = key.stream().map(k -> expr(k)).toArray(Column[]::new);
    Column keyed = col(RawReader.CORRUPT_RECORD).isNull();
    for (Column k : keys) {
      keyed = keyed.and(k.isNotNull());
    }
    var copies = Window.partitionBy(keys).orderBy(expr(newest).desc_nulls_last(), col(RawReader.SOURCE_FILE).desc(),
        col(RawReader.BLOCK).desc(), col(RawReader.SEQ).desc());
    return source.withColumn(RawReader.SUPERSEDED, keyed.and(row_number().over(copies).gt(lit(1))));
  }
}
