package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.contract.Contract;

/**
 * Synthetic court cases: one row per case id, every value a function of (seed, id). Volumes
 * follow population; e-filing and online hearings follow internet use and grow over the years
 * (online hearings jump in 2020); durations are log-normal per category with stable regional
 * differences; cases decided after the extract date are pending. The anomalies of the scenario
 * are applied here.
 */
final class CaseTable {

  static final List<String> LEVELS = Contract.COURT_LEVELS;
  static final List<String> CATEGORIES = Contract.CASE_CATEGORIES;

  private final Scenario scenario;

  CaseTable(Scenario scenario) {
    this.scenario = scenario;
  }

  /** The court level of case {@code d}'s id. */
  Column level(Draws d) {
    return d.pick(1, LEVELS, 0.90, 0.085, 0.015);
  }

  Column region(Draws d, Column level) {
    return when(level.equalTo("supreme"), lit(Scenario.SUPREME_REGION))
        .otherwise(d.pick(2, scenario.regionCodes(), scenario.populations()));
  }

  Column court(Draws d, Column region, Column level) {
    Column number = d.index(3, scenario.districtCourtCount(region)).plus(1);
    return when(level.equalTo("district"), concat(region, lit("-D"), lpad(number.cast("string"), 2, "0")))
        .when(level.equalTo("regional"), concat(region, lit("-R01")))
        .otherwise(lit(Scenario.SUPREME_COURT));
  }

  Column category(Draws d) {
    return d.pick(4, CATEGORIES, 0.45, 0.10, 0.33, 0.12);
  }

  /** Filing day: month by volume weights, day uniform. */
  Column filedAt(Draws d) {
    Column monthStart =
        add_months(lit(java.sql.Date.valueOf(scenario.options.from().atDay(1))), scenario.monthIndex(d.uniform(5), 1.03));
    return uniformDay(d, 6, monthStart);
  }

  /** A filing surge pulls a court's filings of the next three months forward into one month. */
  private Dataset<Row> withFilingSurges(Dataset<Row> df, Draws d) {
    for (Anomaly a : scenario.anomalies(Anomaly.FILING_SURGE)) {
      Column filed = col("filed_at");
      Column surge = col("court_id").equalTo(a.entityId()).and(monthsAfter(filed, a.period()).between(1, 3)).and(d.chance(7, 0.4));
      df = df.withColumn("filed_at", when(surge, uniformDay(d, 8, monthLit(a.period()))).otherwise(filed));
    }
    return df;
  }

  /** The case identifier as exported: unique, and a function of the case number alone. */
  static Column caseId(Column id) {
    return concat(lit("KZ"), lpad(id.cast("string"), 10, "0"));
  }

  Dataset<Row> build(SparkSession spark, int partitions) {
    GeneratorOptions o = scenario.options;
    Draws d = new Draws(o.seed(), col("id"));
    Column asOf = lit(java.sql.Date.valueOf(o.asOf()));
    Dataset<Row> df =
        spark.range(0, o.cases(), 1, partitions).toDF()
            .withColumn("court_level", level(d))
            .withColumn("region_code", region(d, col("court_level")))
            .withColumn("court_id", court(d, col("region_code"), col("court_level")))
            .withColumn("case_category", category(d))
            .withColumn("filed_at", filedAt(d));
    df = withFilingSurges(df, d)
            .withColumn("internet", scenario.byRegion(col("region_code"), r -> r.internetUsersShare()))
            .withColumn("year", year(col("filed_at")))
            .withColumn("filing_channel", filingChannel(d))
            .withColumn("duration", duration(d));
    df = withSlowAndStalledCourts(df, d)
            .withColumn("decided_natural", date_add(col("filed_at"), col("duration")))
            .withColumn("register_lag", registerLag(d));
    df = withRegistrationLags(df, d)
            .withColumn("register_lag", least(col("register_lag"), col("duration")))
            .withColumn("hearing_format_planned", hearingFormat(d));

    Column registered = date_add(col("filed_at"), col("register_lag"));
    Column firstHearing =
        when(col("hearing_format_planned").notEqual("written"),
            date_add(registered, floor(col("duration").minus(col("register_lag"))
                .multiply(lit(0.3).plus(d.uniform(17).multiply(0.4)))).cast("int")));
    Column decided = col("decided_natural");
    Column isDecided = decided.leq(asOf);
    Column published = when(isDecided.and(d.chance(21, 0.85)), date_add(decided, floor(d.logNormal(22, 5, 0.8)).cast("int")));

    return df.select(
        caseId(col("id")).as("case_id"),
        col("court_id"),
        col("court_level"),
        col("region_code"),
        col("case_category"),
        col("filing_channel"),
        col("filed_at"),
        when(registered.leq(asOf), registered).as("registered_at"),
        when(firstHearing.leq(asOf), firstHearing).as("first_hearing_at"),
        when(isDecided, decided).as("decided_at"),
        when(isDecided.or(firstHearing.leq(asOf)), col("hearing_format_planned")).as("hearing_format"),
        when(isDecided, outcome(d)).as("outcome"),
        when(isDecided, d.chance(19, when(col("case_category").equalTo("criminal"), 0.2).otherwise(0.1))).as("appealed"),
        concat(col("court_id"), lit("-J"), lpad(d.index(20, lit(6)).plus(1).cast("string"), 2, "0")).as("judge_id"),
        d.chance(23, representation()).as("party_represented"),
        when(published.leq(asOf), published).as("published_at"),
        when(d.chance(24, scenario.byRegion(col("region_code"), r -> kazakhShare(r.group()))), lit("kk"))
            .otherwise(lit("ru")).as("language"),
        col("id").as("generator_row"));
  }

  private Column filingChannel(Draws d) {
    Column yearsOn = col("year").minus(2018);
    Column eFiling = least(lit(0.97), lit(0.45).plus(yearsOn.multiply(0.075))).multiply(pow(col("internet"), 1.5));
    Column eProtocol = least(lit(0.92), lit(0.5).plus(yearsOn.multiply(0.06)));
    Column category = col("case_category");
    return when(category.isin("civil", "administrative"),
            when(d.chance(9, eFiling), lit("e_filing")).when(d.chance(10, 0.9), lit("paper")).otherwise(lit("other")))
        .when(category.equalTo("administrative_offence"),
            when(d.chance(9, eProtocol), lit("e_protocol")).otherwise(lit("paper")))
        .otherwise(when(d.chance(9, 0.2), lit("e_filing")).when(d.chance(10, 0.85), lit("paper")).otherwise(lit("other")));
  }

  /** Days from filing to decision, before the pending cut-off. */
  private Column duration(Draws d) {
    Column category = col("case_category");
    Column median =
        when(category.equalTo("civil"), lit(45.0))
            .when(category.equalTo("criminal"), lit(80.0))
            .when(category.equalTo("administrative_offence"), lit(15.0))
            .otherwise(lit(40.0));
    Column level = col("court_level");
    median = median.multiply(when(level.equalTo("regional"), 0.7).when(level.equalTo("supreme"), 1.3).otherwise(1.0))
        .multiply(scenario.regionSpeed(col("region_code")))
        .multiply(when(col("filing_channel").equalTo("e_filing"), 0.92).otherwise(1.0))
        .multiply(rolloutFactor());
    return floor(d.logNormal(11, median, 0.65)).cast("int").plus(1);
  }

  /** 1 + the rollout effect for cases filed in an adopting court from its start date, else 1. */
  private Column rolloutFactor() {
    java.util.SortedMap<String, java.time.LocalDate> starts = scenario.rollouts();
    if (starts.isEmpty()) {
      return lit(1.0);
    }
    List<Column> pairs = new java.util.ArrayList<>();
    starts.forEach((court, on) -> {
      pairs.add(lit(court));
      pairs.add(lit(java.sql.Date.valueOf(on)));
    });
    Column start = org.apache.spark.sql.functions.element_at(org.apache.spark.sql.functions.map(pairs.toArray(Column[]::new)),
        col("court_id"));
    return when(start.isNotNull().and(col("filed_at").geq(start)), lit(1 + scenario.options.rolloutEffect())).otherwise(lit(1.0));
  }

  /**
   * A slow court decides a quarter of its cases of the six months before in one month; a
   * stalled court decides nothing for two months, the decisions coming two months late.
   */
  private Dataset<Row> withSlowAndStalledCourts(Dataset<Row> df, Draws d) {
    for (Anomaly a : scenario.anomalies(Anomaly.SLOW_COURT)) {
      Column filed = col("filed_at");
      Column slow = col("court_id").equalTo(a.entityId()).and(monthsAfter(filed, a.period()).between(-6, -1)).and(d.chance(12, 0.25));
      df = df.withColumn("duration", when(slow, datediff(uniformDay(d, 13, monthLit(a.period())), filed)).otherwise(col("duration")));
    }
    for (Anomaly a : scenario.anomalies(Anomaly.STALLED_COURT)) {
      Column days = col("duration");
      Column stalled = col("court_id").equalTo(a.entityId()).and(monthsAfter(date_add(col("filed_at"), days), a.period()).between(0, 1));
      df = df.withColumn("duration", when(stalled, days.plus(62)).otherwise(days));
    }
    return df;
  }

  private Column registerLag(Draws d) {
    Column channel = col("filing_channel");
    Column lag =
        floor(when(channel.equalTo("e_filing"), d.logNormal(14, 1.5, 0.7))
                .when(channel.equalTo("e_protocol"), d.logNormal(14, 1.0, 0.6))
                .otherwise(d.logNormal(14, 3.0, 0.6)))
            .cast("int");
    return lag;
  }

  /** In a lagging region, e-filings of one month wait about two weeks longer to be registered. */
  private Dataset<Row> withRegistrationLags(Dataset<Row> df, Draws d) {
    for (Anomaly a : scenario.anomalies(Anomaly.REGISTRATION_LAG)) {
      Column hit =
          col("region_code").equalTo(a.entityId())
              .and(col("filing_channel").equalTo("e_filing"))
              .and(monthsAfter(col("filed_at"), a.period()).equalTo(0));
      Column lag = col("register_lag");
      df = df.withColumn("register_lag", when(hit, lag.plus(floor(d.logNormal(15, 14, 0.3)).cast("int"))).otherwise(lag));
    }
    return df;
  }

  private Column hearingFormat(Draws d) {
    Column category = col("case_category");
    Column written =
        when(category.equalTo("administrative_offence"), 0.5)
            .when(category.equalTo("civil"), 0.12)
            .when(category.equalTo("administrative"), 0.2)
            .otherwise(0.03);
    Column y = col("year");
    Column onlineLevel =
        when(y.leq(2019), 0.04).when(y.equalTo(2020), 0.38).when(y.equalTo(2021), 0.42).when(y.equalTo(2022), 0.44)
            .when(y.equalTo(2023), 0.47).when(y.equalTo(2024), 0.50).otherwise(0.52);
    Column online = onlineLevel.multiply(pow(col("internet"), 1.2));
    Column u = d.uniform(16);
    return when(d.chance(15, written), lit("written"))
        .when(u.lt(online), lit("online"))
        .when(u.lt(online.plus(0.08)), lit("mixed"))
        .otherwise(lit("in_person"));
  }

  private Column outcome(Draws d) {
    Column category = col("case_category");
    return when(category.equalTo("civil"),
            d.pick(18, List.of("satisfied", "partially_satisfied", "rejected", "returned", "settled", "terminated"),
                0.45, 0.15, 0.12, 0.10, 0.10, 0.08))
        .when(category.equalTo("administrative"),
            d.pick(18, List.of("satisfied", "partially_satisfied", "rejected", "returned", "terminated"),
                0.30, 0.10, 0.35, 0.15, 0.10))
        .when(category.equalTo("administrative_offence"),
            d.pick(18, List.of("convicted", "terminated", "returned", "other"), 0.74, 0.20, 0.05, 0.01))
        .otherwise(d.pick(18, List.of("convicted", "acquitted", "terminated", "returned"), 0.82, 0.02, 0.12, 0.04));
  }

  private Column representation() {
    Column category = col("case_category");
    return when(category.equalTo("criminal"), 0.85)
        .when(category.equalTo("civil"), 0.45)
        .when(category.equalTo("administrative"), 0.30)
        .otherwise(0.10);
  }

  private static double kazakhShare(String group) {
    return switch (group) {
      case "south", "west" -> 0.6;
      case "cities" -> 0.4;
      case "east" -> 0.35;
      case "central" -> 0.3;
      default -> 0.25;
    };
  }

  /** A uniformly drawn day of the month that starts at {@code monthStart}. */
  static Column uniformDay(Draws d, int draw, Column monthStart) {
    return date_add(monthStart, floor(d.uniform(draw).multiply(dayofmonth(last_day(monthStart)))).cast("int"));
  }

  static Column monthLit(YearMonth month) {
    return lit(java.sql.Date.valueOf(month.atDay(1)));
  }

  /** Whole months from {@code month} to the month of {@code date} (negative before it). */
  static Column monthsAfter(Column date, YearMonth month) {
    Column monthStart = trunc(date, "month");
    return year(monthStart).minus(month.getYear()).multiply(12)
        .plus(org.apache.spark.sql.functions.month(monthStart).minus(month.getMonthValue()));
  }

  /** A number below 100 as two digits, for times of day. */
  static Column twoDigits(Column n) {
    return lpad(n.cast("string"), 2, "0");
  }

  /** Dates as ISO text, as an extract would hold them. */
  static Column iso(Column date) {
    return date.cast("date").cast("string");
  }
}
