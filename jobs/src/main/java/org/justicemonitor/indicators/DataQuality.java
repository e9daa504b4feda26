package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.justicemonitor.spark.DataFrames;

/**
 * How far each court's case figures can be trusted, per year of filing (CNJ's court data-quality
 * ranking): the share of its rows the ingest rejected, the completeness of the columns a case of
 * its kind should have, two consistency rules on the rows it kept, a jump in volume from the
 * year before, and a 0–100 score with its rank among the courts of the year.
 *
 * <ul>
 *   <li>quarantine_rate = the court's rejected rows of the year (by the court and the filing date
 *       as written in the row) / its rows of the year, kept and rejected. A rejected row whose
 *       court or filing year cannot be read counts for no court;
 *   <li>completeness = the mean, over {@link #COLUMNS}, of the share of the cases that should
 *       record a column and do ({@code data_quality_column} gives each);
 *   <li>decided_without_hearing_format_rate = decided cases without a {@code hearing_format} /
 *       decided cases;
 *   <li>pending_over_10_years_rate = cases still pending at the extract date and filed more than
 *       10 years before it / cases filed in the year;
 *   <li>volume_jump = the year's cases are under half or over twice the year before's (both years
 *       resting on k cases; null in a court's first year or after a year without cases);
 *   <li>score = 100 × the mean of (1 − quarantine_rate), completeness,
 *       (1 − decided_without_hearing_format_rate, 1 in a year without decisions) and
 *       (1 − pending_over_10_years_rate); rank 1 = the highest published score of the year.
 * </ul>
 *
 * <p>Only rates are published, never the counts, because those are the court tables' incoming
 * cases, which complementary suppression may have hidden. Each rate rests on the cases it divides.
 */
public final class DataQuality {

  /** The source the rows describe: the court case extract. */
  public static final String SOURCE = "cases";

  /** A column a case should record, and which cases should. */
  record Expected(String column, Column applies) {}

  private static final Column DECIDED = col("decided_at").isNotNull();

  /** The optional columns whose absence is a gap: the ones a case of its kind always has in the court's records. */
  static final List<Expected> COLUMNS = List.of(
      new Expected("registered_at", DECIDED),
      new Expected("first_hearing_at", DECIDED.and(coalesce(col("hearing_format"), lit("")).notEqual("written"))),
      new Expected("appealed", DECIDED),
      new Expected("judge_id", lit(true)),
      new Expected("party_represented", lit(true)),
      new Expected("language", lit(true)));

  public static final List<String> KEYS = List.of("source", "court_id", "period");

  static final List<Disclosure.Rule> RULES = List.of(
      Disclosure.Rule.of("quarantine_rate", "rows"),
      Disclosure.Rule.of("completeness", "cases"),
      Disclosure.Rule.of("decided_without_hearing_format_rate", "decided"),
      Disclosure.Rule.of("pending_over_10_years_rate", "cases"),
      Disclosure.Rule.of("volume_jump", "cases"),
      Disclosure.Rule.of("score", "rows", "cases"));

  public static final List<String> COURT_COLUMNS =
      Stream.of(List.of("source", "court_id", "court_level", "region_code", "period"),
              RULES.stream().map(Disclosure.Rule::column).toList(), List.of("rank", "suppressed", "suppression_reason"))
          .flatMap(List::stream).toList();

  public static final List<String> COLUMN_COLUMNS =
      List.of("source", "court_id", "period", "column", "completeness", "suppressed", "suppression_reason");

  /** The two tables. */
  public record Tables(Dataset<Row> courts, Dataset<Row> columns) {}

  /** The CEPEJ-style flag of a published value that rests on a court of low data quality. */
  public static final String LOW_QUALITY = "NQ";

  private DataQuality() {}

  /**
   * The courts and years whose published score is below a threshold.
   *
   * @param courts {@code data_quality_court}
   * @return {@code court_id}, {@code court_level}, {@code region_code}, {@code year}
   */
  public static Dataset<Row> lowQuality(Dataset<Row> courts, double threshold) {
    return courts.filter(col("score").lt(threshold))
        .select(col("court_id"), col("court_level"), col("region_code"), col("period").as("year"));
  }

  /**
   * Adds {@code quality_flag} ({@value #LOW_QUALITY} or null) to a court, region or national table:
   * a court's row when its score of the year is low; a region's or the country's row when it
   * rests on such a district court (the region and national tables count first-instance cases).
   *
   * @param keys the table's grouping: {@code court_id}, {@code region_code}, or none for the country
   */
  public static Dataset<Row> flagged(Dataset<Row> table, Dataset<Row> lowQuality, List<String> keys) {
    Dataset<Row> low = keys.contains("court_id") ? lowQuality.select("court_id", "year")
        : lowQuality.filter(col("court_level").equalTo("district")).select(DataFrames.columns(concat(keys, "year"))
            .toArray(Column[]::new)).distinct();
    List<String> on = concat(keys, "year");
    Dataset<Row> marked = low.withColumn("quality_flag", lit(LOW_QUALITY));
    return table.withColumn("year", substring(col("period"), 1, 4))
        .join(org.apache.spark.sql.functions.broadcast(marked), DataFrames.joinKeys(on.toArray(String[]::new)), "left")
        .select(Stream.concat(Stream.of(table.columns()).map(c -> col(c)), Stream.of(col("quality_flag"))).toArray(Column[]::new));
  }

  private static List<String> concat(List<String> keys, String more) {
    List<String> all = new ArrayList<>(keys);
    all.add(more);
    return all;
  }

  /**
   * @param cases the ingested cases
   * @param quarantined the rejected case rows, as text ({@code court_id}, {@code filed_at})
   * @param asOf the extract date
   */
  public static Tables compute(Dataset<Row> cases, Dataset<Row> quarantined, LocalDate asOf, Disclosure disclosure) {
    return of(counts(cases, asOf), quarantined, disclosure);
  }

  /**
   * The cases of each court and year of filing counted once for both tables: the cases, the
   * decided, the gaps of each rule and column.
   */
  public static Dataset<Row> counts(Dataset<Row> cases, LocalDate asOf) {
    Column year = Period.YEAR.of(col("filed_at"));
    Column longPending = col("decided_at").isNull().and(col("filed_at").lt(add_months(lit(Date.valueOf(asOf)), -120)));
    List<Column> sums = new ArrayList<>(List.of(
        count("*").as("cases"),
        sum(when(DECIDED, 1L).otherwise(0L)).as("decided"),
        sum(when(DECIDED.and(col("hearing_format").isNull()), 1L).otherwise(0L)).as("_no_format"),
        sum(when(longPending, 1L).otherwise(0L)).as("_long_pending")));
    for (Expected e : COLUMNS) {
      sums.add(sum(when(e.applies(), 1L).otherwise(0L)).as("_applies_" + e.column()));
      sums.add(sum(when(e.applies().and(col(e.column()).isNotNull()), 1L).otherwise(0L)).as("_has_" + e.column()));
    }
    return cases.groupBy(col("court_id"), col("court_level"), col("region_code"), year.as("period"))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  /** The two tables from the {@link #counts} of the cases and the rejected rows. */
  public static Tables of(Dataset<Row> counted, Dataset<Row> quarantined, Disclosure disclosure) {

    // Rejected rows by the court and filing year as written; only those of a known court count.
    Dataset<Row> rejected = quarantined
        .filter(substring(col("filed_at"), 1, 4).rlike("^[0-9]{4}$"))
        .groupBy(col("court_id"), substring(col("filed_at"), 1, 4).as("period"))
        .agg(count("*").as("_rejected"));

    Column completeness = lit(0.0);
    for (Expected e : COLUMNS) {
      completeness = completeness.plus(coalesce(DataFrames.ratio(col("_has_" + e.column()), col("_applies_" + e.column())), lit(1.0)));
    }
    completeness = completeness.divide(COLUMNS.size());
    org.apache.spark.sql.expressions.WindowSpec byCourt = Window.partitionBy("court_id").orderBy("period");
    Dataset<Row> rates = counted.join(rejected, DataFrames.joinKeys("court_id", "period"), "left")
        .withColumn("_rejected", coalesce(col("_rejected"), lit(0L)))
        .withColumn("rows", col("cases").plus(col("_rejected")))
        .withColumn("previous_cases", when(lag(col("period").cast("int"), 1).over(byCourt).equalTo(col("period").cast("int").minus(1)),
            lag("cases", 1).over(byCourt)))
        .withColumn("source", lit(SOURCE))
        .withColumn("quarantine_rate", DataFrames.ratio(col("_rejected"), col("rows")))
        .withColumn("completeness", completeness)
        .withColumn("decided_without_hearing_format_rate", DataFrames.ratio(col("_no_format"), col("decided")))
        .withColumn("pending_over_10_years_rate", DataFrames.ratio(col("_long_pending"), col("cases")))
        // Only against a year before that rests on k cases itself; null in a court's first year.
        .withColumn("volume_jump", when(col("previous_cases").geq(disclosure.k()),
            col("cases").lt(col("previous_cases").divide(2)).or(col("cases").gt(col("previous_cases").multiply(2)))))
        .withColumn("score", round(lit(100.0).multiply(lit(1.0).minus(col("quarantine_rate")).plus(col("completeness"))
            .plus(lit(1.0).minus(coalesce(col("decided_without_hearing_format_rate"), lit(0.0))))
            .plus(lit(1.0).minus(col("pending_over_10_years_rate"))).divide(4)), 1));
    Dataset<Row> published = disclosure.apply(rates, RULES)
        .withColumn("rank", when(col("score").isNotNull(),
            rank().over(Window.partitionBy("source", "period").orderBy(col("score").desc_nulls_last()))));
    Dataset<Row> courts = DataFrames.publishable(published, COURT_COLUMNS);

    // One row per court, year and column: the share of the cases that should record it and do.
    List<Column> perColumn = new ArrayList<>();
    for (Expected e : COLUMNS) {
      perColumn.add(struct(lit(e.column()).as("column"), col("_applies_" + e.column()).as("applies"),
          DataFrames.ratio(col("_has_" + e.column()), col("_applies_" + e.column())).as("completeness")));
    }
    Dataset<Row> columns = counted.select(lit(SOURCE).as("source"), col("court_id"), col("period"),
            explode(org.apache.spark.sql.functions.array(perColumn.toArray(Column[]::new))).as("c"))
        .select(col("source"), col("court_id"), col("period"), col("c.column").as("column"), col("c.applies").as("applies"),
            col("c.completeness").as("completeness"));
    return new Tables(courts, DataFrames.publishable(disclosure.apply(columns, List.of(Disclosure.Rule.of("completeness", "applies"))),
        COLUMN_COLUMNS));
  }
}
