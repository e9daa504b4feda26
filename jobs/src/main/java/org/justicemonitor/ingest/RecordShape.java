package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.contract.DatasetSpec;

/**
 * What the quarantine keeps of a record that could not be split into fields: its shape, not its
 * values. Delimiters, quotes, brackets, spacing and the contract's own words (column names, enum
 * values) stay; every other run of letters and digits becomes {@code A}/{@code a}/{@code 9} of the
 * same length, and personal data its marker, so a wrong field count, a stray quote or a date in
 * another format can still be seen, while no identifier can be read or linked back. The data team
 * finds the record itself in its file by {@code source_file} and {@code line}.
 */
final class RecordShape {

  private static final String MARKER = "<(?:EMAIL|PHONE|IIN)>";
  private static final String TOKENS = MARKER + "|[\\p{L}\\p{N}_]+|[^\\p{L}\\p{N}_<]+|<";

  private RecordShape() {}

  /** e.g. {@code EDGE-0005,71-D01,district,2025-02-30} → {@code AAAA-9999,99-A99,district,9999-99-99}. */
  static Column of(Column record, DatasetSpec spec) {
    Object[] vocabulary = vocabulary(spec).toArray();
    Column tokens = regexp_extract_all(PersonalData.mask(record), lit(TOKENS), lit(0));
    Column shaped = transform(tokens, t -> when(t.rlike("^" + MARKER + "$").or(lower(t).isin(vocabulary)), t)
        .otherwise(regexp_replace(regexp_replace(regexp_replace(t, "\\p{Ll}", "a"), "[\\p{L}&&[^a]]", "A"), "\\p{N}", "9")));
    return when(record.isNotNull(), array_join(shaped, ""));
  }

  /** The dataset's column names and enum values, and the booleans: words that carry no identity. */
  static List<String> vocabulary(DatasetSpec spec) {
    TreeSet<String> words = new TreeSet<>(List.of("true", "false", "null"));
    for (ColumnSpec c : spec.columns()) {
      words.add(c.name());
      words.addAll(c.allowedValues());
    }
    return new ArrayList<>(words);
  }
}
