package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.contract.ColumnType;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;

/**
 * Checks every raw row against the contract's types, enums and row rules in one projection, and
 * gives each row its parsed values plus a {@code reason} that is null for a good row. Identifiers
 * are pseudonymized here, in the same pass, so a clear identifier never reaches a file.
 *
 * <p>A reason is a list of {@code code} or {@code code(detail)} entries joined by {@code "; "},
 * e.g. {@code invalid_date(filed_at); date_order(decided_at>published_at)}. The codes are listed
 * in {@link ReasonCode}.
 */
public final class RowValidator {

  public static final String REASON = "reason";
  /** The row as read, masked and pseudonymized: what the quarantine keeps of a bad row. */
  public static final String QUARANTINE_RECORD = "_quarantine_record";
  /** The raw text of a record the reader could not split into fields. */
  public static final String RAW_RECORD = "raw_record";
  /**
   * Reasons found before validation, {@code code(column)} joined by {@code "; "}, null when none:
   * by the reader (a JSON value of the wrong type) or by a {@link SourceMapping} (a value outside
   * its value map, a date in none of its formats).
   */
  public static final String SOURCE_PROBLEMS = "_source_problems";

  private static final String TEXT_PREFIX = "_text_";
  private static final String TYPED_PREFIX = "_typed_";
  /** The row's problems other than personal data, joined; empty when none. */
  private static final String PROBLEMS = "_problems";
  /** The columns holding an identifier in clear, joined; empty when none. */
  private static final String PII_COLUMNS = "_pii_columns";

  static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  static final String TIMESTAMP_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$";
  static final String LOCAL_TIMESTAMP_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";
  static final String LONG_PATTERN = "^[+-]?[0-9]{1,18}$";

  private final DatasetSpec spec;
  private final Set<String> regionCodes;
  private final LocalDate asOf;
  private final LocalDate earliestDate;
  private final Pseudonymizer pseudonymizer;

  /** No contract value is longer; a longer one is a broken export (a lost quote, say). */
  static final int MAX_VALUE_LENGTH = 256;
  /** What the quarantine keeps of a value or a raw record: enough to see what went wrong. */
  static final int MAX_KEPT_LENGTH = 1_000;

  public RowValidator(DatasetSpec spec, Set<String> regionCodes, LocalDate asOf, Pseudonymizer pseudonymizer) {
    this(spec, regionCodes, asOf, Contract.EARLIEST_DATE, pseudonymizer);
  }

  /** @param earliestDate no date may lie before it: the contract's 2000-01-01 unless a mapping profile says otherwise */
  public RowValidator(
      DatasetSpec spec, Set<String> regionCodes, LocalDate asOf, LocalDate earliestDate, Pseudonymizer pseudonymizer) {
    this.spec = spec;
    this.regionCodes = new TreeSet<>(regionCodes);
    this.asOf = asOf;
    this.earliestDate = earliestDate;
    this.pseudonymizer = pseudonymizer;
  }

  /**
   * @param raw the contract's columns as text plus {@link RawReader#CORRUPT_RECORD} and lineage
   *     columns, which pass through unchanged; and, from a mapping profile, {@link
   *     #SOURCE_PROBLEMS}: reasons found while mapping, which lead the row's reason
   * @return typed contract columns, {@link #REASON}, {@link #QUARANTINE_RECORD} (null for good
   *     rows) and the lineage columns
   */
  public Dataset<Row> validate(Dataset<Row> raw) {
    // Three projections: text, then parsed values, then checks. Each value is an attribute the
    // checks refer to, instead of a copy of its expression in every check that uses it.
    Map<String, Column> text = new LinkedHashMap<>();
    Map<String, Column> typed = new LinkedHashMap<>();
    List<Column> textColumns = new ArrayList<>();
    List<Column> typedColumns = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      // A record that could not be split into fields has no values: whatever a reader put into its
      // columns is a guess (the record reader keeps some, the line reader none).
      Column v = when(col(RawReader.CORRUPT_RECORD).isNull(), trim(col(c.name())));
      textColumns.add(when(v.equalTo(lit("")), lit(null).cast("string")).otherwise(v).as(TEXT_PREFIX + c.name()));
      text.put(c.name(), col(TEXT_PREFIX + c.name()));
      typedColumns.add(parse(c, col(TEXT_PREFIX + c.name())).as(TYPED_PREFIX + c.name()));
      typed.put(c.name(), col(TYPED_PREFIX + c.name()));
    }
    textColumns.add(col(RawReader.CORRUPT_RECORD));
    boolean mapped = Arrays.asList(raw.columns()).contains(SOURCE_PROBLEMS);
    textColumns.add(mapped ? col(SOURCE_PROBLEMS) : lit(null).cast("string").as(SOURCE_PROBLEMS));
    RawReader.LINEAGE_COLUMNS.forEach(n -> textColumns.add(col(n)));
    Dataset<Row> parsed = raw.select(textColumns.toArray(Column[]::new));
    List<Column> withTyped = new ArrayList<>();
    for (String n : parsed.columns()) {
      withTyped.add(col(n));
    }
    withTyped.addAll(typedColumns);
    parsed = parsed.select(withTyped.toArray(Column[]::new));

    Column sourceProblems = col(SOURCE_PROBLEMS);
    List<Column> problems = new ArrayList<>();
    problems.add(sourceProblems);
    for (ColumnSpec c : spec.columns()) {
      Column v = text.get(c.name());
      Column t = typed.get(c.name());
      if (c.required()) {
        problems.add(when(v.isNull(), reason(ReasonCode.MISSING_VALUE, c.name())));
      }
      // A value the profile could not translate is already named, with a clearer reason.
      Column untranslated = coalesce(sourceProblems.contains("(" + c.name() + ")"), lit(false));
      problems.add(when(v.isNotNull().and(t.isNull()).and(untranslated.unary_$bang()), invalidReason(c, v)));
      problems.add(when(v.contains("\uFFFD"), reason(ReasonCode.INVALID_ENCODING, c.name())));
      problems.add(when(length(v).gt(MAX_VALUE_LENGTH), reason(ReasonCode.VALUE_TOO_LONG, c.name())));
      if (c.regionCode()) {
        List<String> allowed = new ArrayList<>(regionCodes);
        allowed.addAll(c.extraRegionCodes());
        problems.add(when(t.isNotNull().and(t.isin(allowed.toArray()).unary_$bang()), reason(ReasonCode.UNKNOWN_REGION, c.name())));
      }
      if (c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP) {
        Column day = c.type() == ColumnType.DATE ? t : to_date(t);
        problems.add(
            when(day.lt(lit(earliestDate)).or(day.gt(lit(asOf))), reason(ReasonCode.DATE_OUT_OF_RANGE, c.name())));
      }
      if (c.type() == ColumnType.LONG) {
        problems.add(when(t.lt(0), reason(ReasonCode.NEGATIVE_VALUE, c.name())));
      }
    }
    problems.addAll(rowRules(typed));
    // The checks, the search for identifiers and the reason are attributes of their own
    // projections: each is referred to more than once below, and a column expression used twice
    // is copied twice into the plan (the optimizer keeps a projection apart rather than copy an
    // attribute's expression).
    parsed = parsed.select(col("*"), concat_ws("; ", problems.toArray(Column[]::new)).as(PROBLEMS),
        piiColumns(text).as(PII_COLUMNS));

    Column pii = when(col(PII_COLUMNS).notEqual(lit("")),
        concat(lit(ReasonCode.PII_DETECTED.code() + "("), col(PII_COLUMNS), lit(")")));
    Column corrupt = col(RawReader.CORRUPT_RECORD);
    Column found = when(col(PROBLEMS).notEqual(lit("")), col(PROBLEMS));
    Column allProblems = concat_ws("; ", found, pii);
    Column reason =
        when(corrupt.isNotNull(), concat_ws("; ", lit(ReasonCode.MALFORMED_RECORD.code()), pii))
            .when(allProblems.equalTo(lit("")), lit(null).cast("string"))
            .otherwise(allProblems);
    parsed = parsed.select(col("*"), reason.as(REASON));

    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      Column t = typed.get(c.name());
      out.add((c.identifier() ? pseudonymizer.pseudonym(t) : t).as(c.name()));
    }
    out.add(col(REASON));
    out.add(when(col(REASON).isNotNull(), quarantineRecord(text, corrupt)).as(QUARANTINE_RECORD));
    for (String lineage : RawReader.LINEAGE_COLUMNS) {
      out.add(col(lineage));
    }
    return parsed.select(out.toArray(Column[]::new));
  }

  /** The row rules of the contract, on parsed values; a rule with a null side does not apply. */
  private List<Column> rowRules(Map<String, Column> typed) {
    List<Column> rules = new ArrayList<>();
    List<String> order = spec.timeOrder();
    if (!order.isEmpty()) {
      List<Column> violations = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        for (int j = i + 1; j < order.size(); j++) {
          String earlier = order.get(i);
          String later = order.get(j);
          violations.add(when(typed.get(earlier).gt(typed.get(later)), lit(orderViolation(earlier, later))));
        }
      }
      Column detail = concat_ws(",", violations.toArray(Column[]::new));
      rules.add(
          when(detail.notEqual(lit("")), concat(lit(ReasonCode.DATE_ORDER.code() + "("), detail, lit(")"))));
    }
    for (DatasetSpec.PresenceRule rule : spec.presenceRules()) {
      Column applies = rule.whenAbsent() ? typed.get(rule.column()).isNull() : typed.get(rule.column()).isNotNull();
      rules.add(when(applies.and(typed.get(rule.requires()).isNull()), lit(rule.reasonCode())));
    }
    return rules;
  }

  /** The columns, {@link #RAW_RECORD} included, that hold an identifier in clear, joined by commas. */
  private Column piiColumns(Map<String, Column> text) {
    List<Column> found = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      // Only free-text columns can carry an identifier and still pass validation; a bad value of
      // any other column sends the row to quarantine, where every value is masked anyway.
      if (c.type() == ColumnType.STRING && !c.regionCode()) {
        // A longer value is quarantined as too long, and masked there; the patterns are slow on megabytes.
        Column v = text.get(c.name());
        found.add(when(length(v).leq(MAX_VALUE_LENGTH).and(PersonalData.contains(v)), lit(c.name())));
      }
    }
    found.add(when(PersonalData.contains(substring(col(RawReader.CORRUPT_RECORD), 1, MAX_KEPT_LENGTH)), lit(RAW_RECORD)));
    return concat_ws(",", found.toArray(Column[]::new));
  }

  /**
   * The row as the quarantine keeps it: identifiers pseudonymized (masked where they hold personal
   * data), other values masked. A record that could not be split into fields keeps only its
   * shape ({@link RecordShape}) and no per-column values: whatever the reader put into its columns
   * is a guess that may have a clear identifier in the wrong column.
   */
  private Column quarantineRecord(Map<String, Column> text, Column corrupt) {
    List<Column> fields = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      Column v = text.get(c.name());
      // Searched for identifiers only as far as kept: the patterns are slow on megabytes.
      Column kept = substring(v, 1, MAX_KEPT_LENGTH);
      Column safe =
          c.identifier()
              ? when(PersonalData.contains(kept), PersonalData.mask(kept)).otherwise(pseudonymizer.pseudonym(v))
              : PersonalData.mask(kept);
      fields.add(when(corrupt.isNull(), safe).as(c.name()));
    }
    fields.add(RecordShape.of(substring(corrupt, 1, MAX_KEPT_LENGTH), spec).as(RAW_RECORD));
    return struct(fields.toArray(Column[]::new));
  }

  static Column parse(ColumnSpec c, Column v) {
    return switch (c.type()) {
      case STRING -> v;
      // A value already in lower case skips lower(): Spark lowers text with ICU, which cost a
      // quarter of the validation on the sample cases.
      case ENUM -> when(v.isin(lowerCase(c.allowedValues())), v)
          .when(lower(v).isin(c.allowedValues().toArray()), lower(v));
      case DATE -> when(v.rlike(DATE_PATTERN), v.try_cast("date"));
      case TIMESTAMP -> when(v.rlike(TIMESTAMP_PATTERN), v.try_cast("timestamp"));
      case BOOLEAN -> when(v.equalTo("true"), lit(true)).when(v.equalTo("false"), lit(false))
          .when(lower(v).equalTo("true"), lit(true)).when(lower(v).equalTo("false"), lit(false));
      case LONG -> when(v.rlike(LONG_PATTERN), v.try_cast("long"));
    };
  }

  /** The values that lower() leaves as they are. */
  private static Object[] lowerCase(List<String> values) {
    return values.stream().filter(v -> v.equals(v.toLowerCase(java.util.Locale.ROOT))).toArray();
  }

  private static Column invalidReason(ColumnSpec c, Column v) {
    return switch (c.type()) {
      case STRING -> lit(null).cast("string");
      case ENUM -> reason(ReasonCode.INVALID_ENUM, c.name());
      case DATE -> reason(ReasonCode.INVALID_DATE, c.name());
      case TIMESTAMP ->
          when(v.rlike(LOCAL_TIMESTAMP_PATTERN), reason(ReasonCode.TIMESTAMP_WITHOUT_OFFSET, c.name()))
              .otherwise(reason(ReasonCode.INVALID_TIMESTAMP, c.name()));
      case BOOLEAN -> reason(ReasonCode.INVALID_BOOLEAN, c.name());
      case LONG -> reason(ReasonCode.INVALID_NUMBER, c.name());
    };
  }

  /** How a {@code date_order} entry names one pair out of order, e.g. {@code decided_at>published_at}. */
  public static String orderViolation(String earlier, String later) {
    return earlier + ">" + later;
  }

  private static Column reason(ReasonCode code, String column) {
    return lit(code.code() + "(" + column + ")");
  }
}
