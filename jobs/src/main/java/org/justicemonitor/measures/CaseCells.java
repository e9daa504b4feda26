package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.spark.DataFrames;

/**
 * The cases counted once, for every case-based table: each case gives a few facts (filed in a
 * month, decided in a month after so many days, became older than six months while pending...),
 * and the facts are counted per grouping column, month, measure and value. A table then sums
 * cells instead of scanning cases: its counts from the count measures, its exact percentiles from
 * the per-value counts of the day measures (days are whole numbers, so a group's median needs its
 * histogram, not its rows). One aggregation over the cases serves region, nation, court,
 * category, level and channel, by year and by month.
 *
 * <p>Columns: the grouping columns, {@code month} ({@code yyyy-MM}), {@code measure},
 * {@code value} (days for a day measure, +1/−1 for a pending-age move, the code of yes/no
 * attributes ({@link YesNo}) for the incoming cases and the decisions' attributes, null for
 * another count) and
 * {@code n}, the number of cases with that fact.
 */
public final class CaseCells {

  /** The finest grouping any indicator table needs. */
  public static final List<String> GRAIN = List.of("court_id", "court_level", "region_code", "case_category", "filing_channel");

  /**
   * The run's scratch name of the cells at {@link #GRAIN}: the indicators stage keeps them there,
   * and a later stage of the same run rolls them up instead of scanning the cases again.
   */
  public static final String KEPT_FOR_THE_RUN = "case-cells";

  /** Filed in the month. */
  static final String INCOMING = "incoming";
  /** Filed in the month by a party itself (civil, administrative): the e-filing share's base. */
  static final String E_FILING_BASE = "e_filing_base";
  static final String E_FILING_CASES = "e_filing_cases";
  static final String ADMINISTRATIVE_OFFENCES = "administrative_offences";
  static final String E_PROTOCOL_OFFENCES = "e_protocol_offences";
  /** Decided in the month with an online or mixed hearing; and with any hearing. */
  static final String ONLINE_HEARINGS = "online_hearings";
  static final String HEARINGS_BASE = "hearings_base";
  /** Days from filing to registration of an e-filed case, counted in its filing month. */
  static final String REGISTER_DAYS = "register_days";
  /** Days from filing to decision, counted in the decision's month: its count is the resolved cases. */
  public static final String DECISION_DAYS = "decision_days";
  /** Days from filing to decision of an E-Protocol administrative offence. */
  static final String PROTOCOL_DAYS = "protocol_days";
  /** Days from decision to publication of a published decision. */
  static final String PUBLICATION_DAYS = "publication_days";

  /** Decided in the month: whether a party was represented and whether the decision was appealed, in one value. */
  static final String DECISION_ATTRIBUTES = "decision_attributes";

  /**
   * A yes/no attribute of a case, carried in the value of a fact the case has anyway, so that it
   * adds no row: the language in {@link #INCOMING}'s (1 Kazakh, 0 Russian, null unrecorded);
   * representation and appeal in {@link #DECISION_ATTRIBUTES}' as 3 × represented + appealed,
   * each 1 yes, 0 no, 2 unrecorded.
   *
   * @param recorded the name of the count of cases that record it; {@code yes} of those that say yes
   * @param recordedIf / {@code yesIf} which values of the measure count
   */
  public record YesNo(String measure, String recorded, String yes, Column recordedIf, Column yesIf) {}

  private static final Column VALUE = col("value");

  public static final YesNo KAZAKH = new YesNo(INCOMING, "language_known", "kk_language_cases", VALUE.isNotNull(), VALUE.equalTo(1));
  public static final YesNo REPRESENTED = new YesNo(DECISION_ATTRIBUTES, "representation_known", "represented_decisions",
      VALUE.lt(6), VALUE.between(3, 5));
  public static final YesNo APPEALED = new YesNo(DECISION_ATTRIBUTES, "appeal_known", "appealed_decisions",
      pmod(VALUE, lit(3)).notEqual(2), pmod(VALUE, lit(3)).equalTo(1));

  static final List<YesNo> YES_NO = List.of(KAZAKH, REPRESENTED, APPEALED);

  /** The measures that are plain counts of cases. */
  static final List<String> COUNTS = List.of(INCOMING, E_FILING_BASE, E_FILING_CASES, ADMINISTRATIVE_OFFENCES,
      E_PROTOCOL_OFFENCES, ONLINE_HEARINGS, HEARINGS_BASE);

  /** The pending-age measure of a threshold: +1 in the month a pending case passes it, −1 in the month it is decided. */
  static String olderThan(int months) {
    return "older_than_" + months;
  }

  private CaseCells() {}

  /**
   * @param cases typed cases with the {@code grain} columns
   * @param grain the grouping columns to keep (a table can group by any of them)
   */
  public static Dataset<Row> of(Dataset<Row> cases, List<String> grain) {
    Column filed = col("filed_at");
    Column decided = col("decided_at");
    Column filedMonth = Period.MONTH.of(filed);
    Column decidedMonth = Period.MONTH.of(decided);
    Column isDecided = decided.isNotNull();
    Column partyFiled = col("case_category").isin(CaseFlow.FILED_BY_PARTY.toArray());
    Column eFiling = col("filing_channel").equalTo("e_filing");
    Column offence = col("case_category").equalTo("administrative_offence");
    Column eProtocol = offence.and(col("filing_channel").equalTo("e_protocol"));
    Column format = col("hearing_format");

    List<Column> facts = new ArrayList<>();
    facts.add(fact(lit(true), filedMonth, INCOMING, col("language").equalTo("kk")));
    facts.add(fact(partyFiled, filedMonth, E_FILING_BASE, null));
    facts.add(fact(partyFiled.and(eFiling), filedMonth, E_FILING_CASES, null));
    facts.add(fact(offence, filedMonth, ADMINISTRATIVE_OFFENCES, null));
    facts.add(fact(eProtocol, filedMonth, E_PROTOCOL_OFFENCES, null));
    facts.add(fact(eFiling.and(col("registered_at").isNotNull()), filedMonth, REGISTER_DAYS,
        datediff(col("registered_at"), filed)));
    facts.add(fact(isDecided.and(format.isin("online", "mixed")), decidedMonth, ONLINE_HEARINGS, null));
    facts.add(fact(isDecided.and(format.isin("online", "mixed", "in_person")), decidedMonth, HEARINGS_BASE, null));
    facts.add(fact(isDecided, decidedMonth, DECISION_DAYS, datediff(decided, filed)));
    facts.add(fact(isDecided.and(eProtocol), decidedMonth, PROTOCOL_DAYS, datediff(decided, filed)));
    facts.add(fact(isDecided.and(col("published_at").isNotNull()), decidedMonth, PUBLICATION_DAYS,
        datediff(col("published_at"), decided)));
    Column represented = coalesce(col("party_represented").cast("int"), lit(2));
    Column appealed = coalesce(col("appealed").cast("int"), lit(2));
    facts.add(fact(isDecided.and(col("party_represented").isNotNull().or(col("appealed").isNotNull())), decidedMonth,
        DECISION_ATTRIBUTES, represented.multiply(3).plus(appealed)));
    for (int m : PendingAge.THRESHOLDS) {
      // Old while pending: from the month holding the day after the m-month anniversary, until
      // the month the case is decided in (PendingAge explains the running total).
      // The day after the anniversary falls in a month before the decision's: compared as dates,
      // so the month's label is formatted only for the cases that pass it (few, for the long ages).
      Column dayOld = date_add(add_months(filed, m), 1);
      Column counts = decided.isNull().or(dayOld.lt(trunc(decided, "MM")));
      facts.add(fact(counts, Period.MONTH.of(dayOld), olderThan(m), lit(1)));
      facts.add(fact(counts.and(isDecided), decidedMonth, olderThan(m), lit(-1)));
    }

    List<Column> selected = DataFrames.columns(grain);
    selected.add(explode(array(facts.toArray(Column[]::new))).as("f"));
    List<Column> group = DataFrames.columns(grain);
    group.add(col("f.month").as("month"));
    group.add(col("f.measure").as("measure"));
    group.add(col("f.value").as("value"));
    return cases.select(selected.toArray(Column[]::new))
        .filter(col("f").isNotNull())
        .groupBy(group.toArray(Column[]::new))
        .agg(count("*").as("n"));
  }

  /**
   * Cells at a coarser grain (some of the cells' grouping columns), summed: what {@link #of}
   * gives at that grain, since each fact of a case falls in one cell of either.
   */
  public static Dataset<Row> rolledUp(Dataset<Row> cells, List<String> grain) {
    List<Column> group = DataFrames.columns(grain);
    group.addAll(DataFrames.columns(List.of("month", "measure", "value")));
    return cells.groupBy(group.toArray(Column[]::new)).agg(sum("n").as("n"));
  }

  /** A fact of a case when it holds, else null (dropped). */
  private static Column fact(Column holds, Column month, String measure, Column value) {
    Column v = value == null ? lit(null).cast("int") : value.cast("int");
    return when(holds, struct(month.as("month"), lit(measure).as("measure"), v.as("value")));
  }
}
