package org.justicemonitor.quality;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.try_divide;
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
import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.ingest.ReasonCode;
import org.justicemonitor.ingest.RowValidator;
import org.justicemonitor.measures.Period;
import org.justicemonitor.spark.DataFrames;
import org.justicemonitor.tables.IndicatorTables;

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
 *   <li>date_order_rate, hearing_before_filing_rate, published_before_decided_rate = the court's
 *       rejected rows of the year whose dates were out of order at all, whose first hearing came
 *       before the filing, whose decision was published before it was taken / its rows of the year
 *       (parts of quarantine_rate, from the quarantine's reason codes);
 *   <li>volume_jump = the year's cases are under half or over twice the year before's (both years
 *       resting on k cases; null in a court's first year or after a year without cases);
 *   <li>last_month_decisions_missing (timeliness) = the court's decisions of the year's last month
 *       (December, or the extract's last complete month in its year) are under half of what its 12
 *       months before predict at its level's pace (which takes out the season and the country's
 *       trend), and fewer than a Poisson month of that mean falls to 1 time in 100: decisions
 *       missing from the extract or reaching it late. It rests on the court's decisions of the 12
 *       months. Only the yes/no is published, since the ratio with the court tables' months would
 *       give back a month's decisions that suppression hid;
 *   <li>score = 100 × the mean of (1 − quarantine_rate), completeness,
 *       (1 − decided_without_hearing_format_rate, 1 in a year without decisions) and
 *       (1 − pending_over_10_years_rate); rank 1 = the highest published score of the year.
 * </ul>
 *
 * <p>The score leaves out the date-order rates (already inside quarantine_rate) and
 * last_month_decisions_missing (a thin month can be a true drop: a question for the court, not a
 * fault of a row).
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

  /** The two tables. */
  public record Tables(Dataset<Row> courts, Dataset<Row> columns) {}

  /** The CEPEJ-style flag of a published value that rests on a court of low data quality. */
  public static final String LOW_QUALITY = "NQ";

  /** The two named date-order rules, as a rejected row's reason names them. */
  static final String HEARING_BEFORE_FILING = RowValidator.orderViolation("filed_at", "first_hearing_at");
  static final String PUBLISHED_BEFORE_DECIDED = RowValidator.orderViolation("decided_at", "published_at");

  /** A court's last month under this share of its expected decisions, relative to its level's, misses decisions. */
  static final double THIN_MONTH_RATIO = 0.5;
  /** And only when a month so thin happens by chance under 1 time in 100 (Poisson). */
  static final double CHANCE = 0.01;

  private DataQuality() {}

  /**
   * Each court's decisions per month: {@code court_id}, {@code court_level}, {@code month} (its
   * first day), {@code decisions}.
   */
  public static Dataset<Row> decisionsByMonth(Dataset<Row> cases) {
    return cases.filter(DECIDED).groupBy(col("court_id"), col("court_level"), trunc(col("decided_at"), "month").as("month"))
        .agg(count("*").as("decisions"));
  }

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

  /**
   * Timeliness of each court and year: {@code last_month_decisions_missing} and the
   * {@code base_decisions} of the 12 months before the year's last month, which it rests on. A year
   * with no complete month at the extract date has neither.
   */
  static Dataset<Row> lastMonth(Dataset<Row> counted, Dataset<Row> decisionsByMonth, LocalDate asOf) {
    LocalDate latest = Period.lastCompleteMonth(asOf).atDay(1);
    Column december = to_date(concat_ws("-", col("period"), lit("12-01")));
    Column lastMonth = when(col("period").cast("int").lt(latest.getYear()), december)
        .when(col("period").cast("int").equalTo(latest.getYear()), lit(Date.valueOf(latest)));
    Dataset<Row> years = counted.select(col("court_id"), col("court_level"), col("period"), lastMonth.as("_last_month"))
        .filter(col("_last_month").isNotNull());
    Dataset<Row> months = decisionsByMonth.select(col("court_id").as("_court"), col("court_level").as("_level"), col("month"),
        col("decisions"));
    Column inWindow = col("month").geq(add_months(col("_last_month"), -12)).and(col("month").leq(col("_last_month")));
    Column recent = sum(when(col("month").equalTo(col("_last_month")), col("decisions")).otherwise(0L));
    Column base = sum(when(col("month").lt(col("_last_month")), col("decisions")).otherwise(0L));
    // Each court-year against its own 13 months: a range join within one court, on tables of courts × months.
    Dataset<Row> courts = years.join(months, col("_court").equalTo(col("court_id")).and(inWindow), "left")
        .groupBy("court_id", "court_level", "period").agg(recent.as("_recent"), base.as("base_decisions"));
    // Every court of the level with decisions, whether or not it has cases filed in the year.
    Dataset<Row> levels = years.select("period", "_last_month").distinct()
        .join(months, inWindow).groupBy(col("_level").as("court_level"), col("period"))
        .agg(recent.as("_level_recent"), base.as("_level_base"));
    // The month the court's 12 months predict at its level's pace. Null for a level without a decision
    // in the 12 months: a shared subexpression may be computed before the CASE that guards it.
    Column expected = try_divide(col("base_decisions").multiply(col("_level_recent")), col("_level_base"));
    Column thin = col("_recent").lt(expected.multiply(THIN_MONTH_RATIO));
    Column judged = col("base_decisions").gt(0).and(col("_level_recent").gt(0));
    return courts.join(levels, DataFrames.joinKeys("court_level", "period"), "left")
        .select(col("court_id"), col("period"), col("base_decisions"),
            // Judged where there is a 12 months to compare with; the tail is wanted only for a thin month.
            when(judged.and(thin), poissonAtMost(col("_recent"), expected).lt(CHANCE)).when(judged, false)
                .as("last_month_decisions_missing"));
  }

  /**
   * P(X ≤ r) for a Poisson count X of mean μ > 0, exactly: the terms e^−μ μ^i / i! summed in log
   * space, so that neither e^−μ of a large court nor μ^i overflows on its own.
   */
  static Column poissonAtMost(Column r, Column mu) {
    Column first = negate(mu);
    Column logMu = log(mu);
    Column summed = aggregate(sequence(lit(1L), r.cast("long")), struct(first.as("log_term"), exp(first).as("sum")),
        (acc, i) -> {
          Column term = acc.getField("log_term").plus(logMu).minus(log(i.cast("double")));
          return struct(term.as("log_term"), acc.getField("sum").plus(exp(term)).as("sum"));
        });
    // sequence(1, 0) would count down: the month without a decision is the first term alone.
    return when(r.equalTo(0), exp(first)).otherwise(summed.getField("sum"));
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
    return of(counts(cases, asOf), decisionsByMonth(cases), quarantined, asOf, disclosure);
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

  /**
   * The two tables from the {@link #counts} of the cases, their {@link #decisionsByMonth} and the
   * rejected rows.
   */
  public static Tables of(Dataset<Row> counted, Dataset<Row> decisionsByMonth, Dataset<Row> quarantined, LocalDate asOf,
      Disclosure disclosure) {

    // Rejected rows by the court and filing year as written; only those of a known court count.
    Column dateOrder = col("reason").contains(ReasonCode.DATE_ORDER.code() + "(");
    Dataset<Row> rejected = quarantined
        .filter(substring(col("filed_at"), 1, 4).rlike("^[0-9]{4}$"))
        .groupBy(col("court_id"), substring(col("filed_at"), 1, 4).as("period"))
        .agg(count("*").as("_rejected"), count(when(dateOrder, 1)).as("_date_order"),
            count(when(dateOrder.and(col("reason").contains(HEARING_BEFORE_FILING)), 1)).as("_hearing_before_filing"),
            count(when(dateOrder.and(col("reason").contains(PUBLISHED_BEFORE_DECIDED)), 1)).as("_published_before_decided"));

    Column completeness = lit(0.0);
    for (Expected e : COLUMNS) {
      completeness = completeness.plus(coalesce(DataFrames.ratio(col("_has_" + e.column()), col("_applies_" + e.column())), lit(1.0)));
    }
    completeness = completeness.divide(COLUMNS.size());
    org.apache.spark.sql.expressions.WindowSpec byCourt = Window.partitionBy("court_id").orderBy("period");
    Dataset<Row> rates = counted.join(rejected, DataFrames.joinKeys("court_id", "period"), "left")
        .join(lastMonth(counted, decisionsByMonth, asOf), DataFrames.joinKeys("court_id", "period"), "left")
        .withColumn("_rejected", coalesce(col("_rejected"), lit(0L)))
        .withColumn("rows", col("cases").plus(col("_rejected")))
        .withColumn("previous_cases", when(lag(col("period").cast("int"), 1).over(byCourt).equalTo(col("period").cast("int").minus(1)),
            lag("cases", 1).over(byCourt)))
        .withColumn("source", lit(SOURCE))
        .withColumn("quarantine_rate", DataFrames.ratio(col("_rejected"), col("rows")))
        .withColumn("date_order_rate", DataFrames.ratio(coalesce(col("_date_order"), lit(0L)), col("rows")))
        .withColumn("hearing_before_filing_rate", DataFrames.ratio(coalesce(col("_hearing_before_filing"), lit(0L)), col("rows")))
        .withColumn("published_before_decided_rate",
            DataFrames.ratio(coalesce(col("_published_before_decided"), lit(0L)), col("rows")))
        .withColumn("completeness", completeness)
        .withColumn("decided_without_hearing_format_rate", DataFrames.ratio(col("_no_format"), col("decided")))
        .withColumn("pending_over_10_years_rate", DataFrames.ratio(col("_long_pending"), col("cases")))
        // Only against a year before that rests on k cases itself; null in a court's first year.
        .withColumn("volume_jump", when(col("previous_cases").geq(disclosure.k()),
            col("cases").lt(col("previous_cases").divide(2)).or(col("cases").gt(col("previous_cases").multiply(2)))))
        .withColumn("score", round(lit(100.0).multiply(lit(1.0).minus(col("quarantine_rate")).plus(col("completeness"))
            .plus(lit(1.0).minus(coalesce(col("decided_without_hearing_format_rate"), lit(0.0))))
            .plus(lit(1.0).minus(col("pending_over_10_years_rate"))).divide(4)), 1));
    Dataset<Row> published = disclosure.apply(rates, IndicatorTables.DATA_QUALITY_COURT)
        .withColumn("rank", when(col("score").isNotNull(),
            rank().over(Window.partitionBy("source", "period").orderBy(col("score").desc_nulls_last()))));
    Dataset<Row> courts = DataFrames.publishable(published, IndicatorTables.DATA_QUALITY_COURT.computedColumns());

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
    return new Tables(courts, DataFrames.publishable(disclosure.apply(columns, IndicatorTables.DATA_QUALITY_COLUMN),
        IndicatorTables.DATA_QUALITY_COLUMN.computedColumns()));
  }
}
