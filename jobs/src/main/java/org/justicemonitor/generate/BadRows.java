package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.justicemonitor.ingest.Iin;

/**
 * Spoils a labelled share of rows, each in exactly one way the validator knows, so that ingest's
 * quarantine can be checked row for row against the labels.
 */
final class BadRows {

  static final String LABEL = "bad_reason";
  private static final Column NULL = lit(null).cast("string");

  private BadRows() {}

  /** @param asOf the extract date: a spoiled pending case is given a decision on it */
  static List<Defect> caseDefects(long seed, java.time.LocalDate asOf) {
    return List.of(
        new Defect("missing_value", Map.of("filed_at", NULL)),
        new Defect("invalid_enum", Map.of("court_level", lit("district_court"))),
        new Defect("invalid_date", Map.of("filed_at", concat(substring(col("filed_at"), 1, 8), lit("32")))),
        new Defect("date_order", Map.of("registered_at", CaseTable.iso(date_sub(col("filed_at").cast("date"), 3)))),
        new Defect("outcome_without_decision", Map.of("decided_at", NULL, "outcome", coalesce(col("outcome"), lit("satisfied")))),
        // A decision without an outcome; a pending case is decided on the extract date, after all its other dates.
        new Defect("decision_without_outcome", Map.of("decided_at", coalesce(col("decided_at"), lit(asOf.toString())), "outcome", NULL)),
        new Defect("date_out_of_range", Map.of("filed_at", lit("1999-12-31"))),
        new Defect("unknown_region", Map.of("region_code", lit("99"))),
        new Defect("pii_detected", Map.of("judge_id", iin(seed))),
        new Defect("pii_detected", Map.of("case_id", phone(seed))),
        new Defect("invalid_boolean", Map.of("appealed", lit("yes"))),
        new Defect(Defect.MALFORMED, Map.of()));
  }

  static List<Defect> eventDefects(long seed) {
    return List.of(
        new Defect("missing_value", Map.of("service", NULL)),
        new Defect("invalid_enum", Map.of("channel", lit("kiosk"))),
        new Defect("timestamp_without_offset", Map.of("event_ts", substring(col("event_ts"), 1, 19))),
        new Defect("invalid_timestamp", Map.of("event_ts", regexp_replace(col("event_ts"), "T", "x"))),
        new Defect("unknown_region", Map.of("region_code", lit("98"))),
        new Defect("negative_value", Map.of("latency_ms", lit("-5"))),
        new Defect("invalid_number", Map.of("latency_ms", lit("12ms"))),
        new Defect("pii_detected", Map.of("session_id", concat(lit("user."), col("generator_row").cast("string"), lit("@mail.kz")))),
        new Defect(Defect.MALFORMED, Map.of()));
  }

  static List<Defect> incidentDefects() {
    return List.of(
        new Defect("invalid_enum", Map.of("severity", lit("severe"))),
        new Defect("date_order", Map.of("resolved_at", lit("2000-01-01T00:00:00+05:00"))),
        new Defect("missing_value", Map.of("system", NULL)),
        new Defect("timestamp_without_offset", Map.of("detected_at", substring(col("detected_at"), 1, 19))));
  }

  /**
   * Applies one defect to a {@code fraction} of rows. The row's text columns must already be
   * strings; {@code generator_row} identifies it. Adds {@link #LABEL}: the expected reason code.
   */
  static Dataset<Row> inject(Dataset<Row> rows, List<Defect> defects, double fraction, Draws d, boolean canMalform) {
    List<Defect> usable = defects.stream().filter(x -> canMalform || !x.reason().equals(Defect.MALFORMED)).toList();
    Column spoiled = d.chance(90, fraction);
    Column which = d.index(91, lit(usable.size()));
    Set<String> touched = new LinkedHashSet<>();
    usable.forEach(x -> touched.addAll(x.replacements().keySet()));

    List<Column> out = new ArrayList<>();
    for (String name : rows.columns()) {
      if (!touched.contains(name)) {
        out.add(col(name));
        continue;
      }
      Column value = null;
      for (int i = 0; i < usable.size(); i++) {
        Column replacement = usable.get(i).replacements().get(name);
        if (replacement != null) {
          Column branch = spoiled.and(which.equalTo(i));
          value = value == null ? when(branch, replacement) : value.when(branch, replacement);
        }
      }
      out.add(value.otherwise(col(name)).as(name));
    }
    Column label = null;
    for (int i = 0; i < usable.size(); i++) {
      Column branch = spoiled.and(which.equalTo(i));
      label = label == null ? when(branch, lit(usable.get(i).reason())) : label.when(branch, lit(usable.get(i).reason()));
    }
    out.add(label.as(LABEL));
    return rows.select(out.toArray(Column[]::new));
  }

  /** A twelve-digit IIN with a valid control digit (a birth date, a century digit, a serial). */
  private static Column iin(long seed) {
    Draws d = new Draws(seed ^ 0x1111L, col("generator_row"));
    Column first11 =
        format_string("%02d%02d%02d%d%04d", d.index(1, lit(100)), d.index(2, lit(12)).plus(1), d.index(3, lit(28)).plus(1),
            d.index(4, lit(4)).plus(3), d.index(5, lit(10000)));
    Column control = Iin.controlDigit(first11);
    // About one prefix in 120 has no valid control digit; a fixed valid IIN stands in for those.
    return when(control.isNotNull(), concat(first11, control.cast("string"))).otherwise(lit("900101300017"));
  }

  /** A Kazakh mobile number as people write it. */
  private static Column phone(long seed) {
    Draws d = new Draws(seed ^ 0x2222L, col("generator_row"));
    return format_string("+7 70%d %03d %02d %02d", d.index(1, lit(10)), d.index(2, lit(1000)), d.index(3, lit(100)),
        d.index(4, lit(100)));
  }
}
