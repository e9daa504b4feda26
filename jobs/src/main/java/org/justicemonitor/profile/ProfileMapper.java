package org.justicemonitor.profile;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.ingest.RawReader;
import org.justicemonitor.ingest.ReasonCode;
import org.justicemonitor.ingest.RowValidator;

/**
 * Turns rows of a foreign extract into the contract's columns as text, the shape the validator
 * takes from a contract file, in one projection of column expressions. Values are translated, not
 * judged: a value the profile cannot translate (not in a value map, not in the date format) keeps
 * its source text and its column is named in {@link RowValidator#SOURCE_PROBLEMS}, so the validator
 * quarantines the row with that reason and the quarantine shows the value.
 */
public final class ProfileMapper {

  private static final Pattern OFFSET_LETTERS = Pattern.compile("[XxZO]");
  private static final String ISO_DATE = "yyyy-MM-dd";
  private static final String ISO_LOCAL_TIME = "yyyy-MM-dd'T'HH:mm:ss";
  private static final String ISO_OFFSET_TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";

  private final DatasetMapping mapping;

  public ProfileMapper(DatasetMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * @param source the extract's columns, {@link RawReader#CORRUPT_RECORD} and the lineage columns
   * @return the contract's columns as text, {@link RowValidator#SOURCE_PROBLEMS}, the corrupt record and lineage
   */
  public Dataset<Row> apply(Dataset<Row> source) {
    List<Column> out = new ArrayList<>();
    List<Column> problems = new ArrayList<>();
    for (ColumnSpec c : mapping.spec().columns()) {
      Optional<ColumnMapping> m = mapping.column(c.name());
      if (m.isEmpty()) {
        out.add(lit(null).cast("string").as(c.name()));
        continue;
      }
      Mapped mapped = translate(c, m.get());
      out.add(mapped.text().as(c.name()));
      problems.add(mapped.problem());
    }
    for (Lookup lookup : mapping.lookups()) {
      problems.add(when(col(Lookup.MISS_PREFIX + lookup.name()), lit(ReasonCode.UNKNOWN_CODE.code() + "(" + lookup.name() + ")")));
    }
    Column listed = concat_ws("; ", problems.toArray(Column[]::new));
    out.add(when(listed.notEqual(""), listed).as(RowValidator.SOURCE_PROBLEMS));
    out.add(col(RawReader.CORRUPT_RECORD));
    RawReader.LINEAGE_COLUMNS.forEach(n -> out.add(col(n)));
    return source.select(out.toArray(Column[]::new));
  }

  /** A contract column's text and the reason it could not be translated (null when it could). */
  record Mapped(Column text, Column problem) {}

  Mapped translate(ColumnSpec c, ColumnMapping m) {
    Column raw = blankToNull(trim(base(m)));
    Column text = raw;
    Column problem = lit(null).cast("string");
    if (m.values().isPresent()) {
      Column translated = element_at(valueMap(m.values().get()), raw);
      // A source value mapped to null (a known "unknown") is empty, not a problem.
      Column known = element_at(keyMap(m.values().get()), raw).isNotNull();
      text = when(known, translated).otherwise(raw);
      problem = when(raw.isNotNull().and(known.unary_$bang()), lit(ReasonCode.UNMAPPED_VALUE.code() + "(" + c.name() + ")"));
    }
    switch (c.type()) {
      case DATE -> {
        if (!m.formats().isEmpty()) {
          Column value = text;
          Column parsed = coalesce(m.formats().stream().map(f -> to_date(try_to_timestamp(value, lit(f)))).toArray(Column[]::new));
          problem = firstOf(problem, when(text.isNotNull().and(parsed.isNull()), lit(ReasonCode.INVALID_DATE.code() + "(" + c.name() + ")")));
          text = when(parsed.isNotNull(), date_format(parsed, ISO_DATE)).otherwise(text);
        }
      }
      case TIMESTAMP -> {
        Mapped t = timestamp(c, m, text);
        text = t.text();
        problem = firstOf(problem, t.problem());
      }
      case BOOLEAN -> {
        if (!mapping.trueValues().isEmpty() || !mapping.falseValues().isEmpty()) {
          text = when(text.isin(mapping.trueValues().toArray()), lit("true"))
              .when(text.isin(mapping.falseValues().toArray()), lit("false"))
              .otherwise(text);
        }
      }
      case LONG -> text = number(text);
      default -> { }
    }
    return new Mapped(text, problem);
  }

  private Mapped timestamp(ColumnSpec c, ColumnMapping m, Column text) {
    Column problem = lit(null).cast("string");
    boolean formatted = !m.formats().isEmpty();
    Column hasOffset = text.rlike("(Z|[+-][0-9]{2}:?[0-9]{2})$");
    Column parsed = text.try_cast("timestamp");
    if (formatted) {
      // The first pattern that parses the value decides, and says whether it carried an offset.
      List<Column> tries = m.formats().stream().map(f -> try_to_timestamp(text, lit(f))).toList();
      parsed = coalesce(tries.toArray(Column[]::new));
      hasOffset = lit(false);
      for (int i = m.formats().size() - 1; i >= 0; i--) {
        boolean offset = OFFSET_LETTERS.matcher(m.formats().get(i).replaceAll("'[^']*'", "")).find();
        hasOffset = when(tries.get(i).isNotNull(), lit(offset)).otherwise(hasOffset);
      }
      problem = when(text.isNotNull().and(parsed.isNull()), lit(ReasonCode.INVALID_TIMESTAMP.code() + "(" + c.name() + ")"));
    }
    // With an offset the parsed value is an instant; without, it is the wall time of the source's zone.
    Column instantText = formatted ? date_format(parsed, ISO_OFFSET_TIME) : text;
    Column localText = mapping.timeZone().isPresent()
        ? concat(date_format(to_utc_timestamp(parsed, mapping.timeZone().get()), ISO_LOCAL_TIME), lit("Z"))
        : (formatted ? date_format(parsed, ISO_LOCAL_TIME) : text);
    Column out = when(parsed.isNull(), text).when(hasOffset, instantText).otherwise(localText);
    return new Mapped(out, problem);
  }

  /** Integers written with a decimal comma or grouped thousands, e.g. {@code 1.234} or {@code 12,0}. */
  private Column number(Column text) {
    Column n = text;
    if (mapping.groupingSeparator().isPresent()) {
      n = regexp_replace(n, Pattern.quote(mapping.groupingSeparator().get()), "");
    }
    if (mapping.decimalSeparator().isPresent()) {
      n = regexp_replace(n, Pattern.quote(mapping.decimalSeparator().get()), ".");
    }
    return regexp_replace(n, "^([+-]?[0-9]+)\\.0+$", "$1");
  }

  private static Column base(ColumnMapping m) {
    if (m.source().isPresent()) {
      return col(m.source().get()).cast("string");
    }
    if (m.expression().isPresent()) {
      return expr(m.expression().get()).cast("string");
    }
    return m.constant().get().map(v -> lit(v)).orElse(lit(null)).cast("string");
  }

  private static Column blankToNull(Column v) {
    return when(v.notEqual(""), v);
  }

  private static Column firstOf(Column a, Column b) {
    return coalesce(a, b);
  }

  private static Column valueMap(Map<String, String> values) {
    List<Column> kv = new ArrayList<>();
    values.forEach((k, v) -> {
      kv.add(lit(k));
      kv.add(lit(v).cast("string"));
    });
    return map(kv.toArray(Column[]::new));
  }

  private static Column keyMap(Map<String, String> values) {
    List<Column> kv = new ArrayList<>();
    values.keySet().forEach(k -> {
      kv.add(lit(k));
      kv.add(lit(true));
    });
    return map(kv.toArray(Column[]::new));
  }
}
