package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.json_object_keys;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.url_decode;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.contract.ColumnType;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.io.BinaryContent;
import org.justicemonitor.io.CsvLine;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.InputFormat;

/**
 * Reads a dataset directory as text, column by name, never inferring a type: every contract
 * column comes back as a string (null when the file lacks an optional column), together with
 * where each row came from, so a bad row can be traced to its file and line.
 *
 * <p>CSV is read with RFC 4180 quoting, a quoted field may span lines, so a CSV file is read by
 * one task, unless the caller knows it holds one record per line (no quote at all): then it is
 * read line by line and split across tasks like JSON Lines. Files with different column orders
 * are read in groups of equal headers.
 */
public final class RawReader {

  public static final String CORRUPT_RECORD = "_corrupt_record";
  public static final String SOURCE_FILE = "source_file";
  /** Byte offset of the file split the row was read from. */
  public static final String BLOCK = "_block";
  /** Increases with the row's position within its split. */
  public static final String SEQ = "_seq";
  /** Lines before the first record of a file: 1 for a CSV header, 0 for JSON Lines. */
  static final String HEADER_LINES = "_header_lines";
  /** A blank JSON line: kept so line numbers stay exact, never counted as a row. */
  public static final String BLANK = "_blank";
  /** JSON keys outside the contract. */
  static final String EXTRA_KEYS = "_extra_keys";
  /** Line breaks inside the row's quoted fields: the lines it spans beyond its first. */
  static final String EXTRA_LINES = "_extra_lines";

  /**
   * True for a source row a mapping profile's deduplication found a newer copy of (false
   * otherwise): kept to the end of validation, counted as superseded, never written clean.
   */
  public static final String SUPERSEDED = "_superseded";

  /** Where a row was read, in reading order: the file, the split, the position in it. */
  public static final List<String> LINEAGE_ORDER = List.of(SOURCE_FILE, BLOCK, SEQ);

  public static final List<String> LINEAGE_COLUMNS =
      List.of(SOURCE_FILE, BLOCK, SEQ, HEADER_LINES, BLANK, EXTRA_KEYS, EXTRA_LINES, SUPERSEDED);

  private static final String CSV_COLUMN_PRUNING = "spark.sql.csv.parser.columnPruning.enabled";

  private final SparkSession spark;

  public RawReader(SparkSession spark) {
    this.spark = spark;
    // With column pruning, the line-by-line CSV reader asks the parser for the named fields only
    // and a record with surplus fields passes as good; every field is read anyway.
    spark.conf().set(CSV_COLUMN_PRUNING, "false");
  }

  /** What was read from one dataset directory. */
  public record RawInput(
      DatasetSpec spec,
      Dataset<Row> rows,
      List<String> files,
      List<String> emptyFiles,
      List<String> extraCsvColumns,
      long bytes) {}

  /**
   * How a dataset's files are read.
   *
   * @param columns the columns to read, as text; its required ones must be in every CSV header;
   *     its name prefixes {@link #SOURCE_FILE}
   * @param allCsvColumns read every column of a CSV header instead (a mapping may use any)
   * @param csvOptions Spark CSV options over the contract's (delimiter, quote, escape, encoding, header)
   * @param jsonSchema the fields of a JSON Lines object, nested ones typed
   */
  public record Layout(DatasetSpec columns, boolean allCsvColumns, Map<String, String> csvOptions, StructType jsonSchema) {
    public Layout {
      csvOptions = Map.copyOf(csvOptions);
    }

    /** The contract's own shape: its columns, comma-separated UTF-8 with a header. */
    public static Layout contract(DatasetSpec spec) {
      return new Layout(spec, false, Map.of(), spec.rawSchema());
    }

    /** No option that changes how quotes, encodings or line ends are read. */
    boolean keepsContractQuoting() {
      return csvOptions.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT))
          .noneMatch(k -> List.of("quote", "escape", "encoding", "charset", "multiline", "linesep", "comment").contains(k));
    }

    boolean csvHeader() {
      return !"false".equalsIgnoreCase(csvOptions.getOrDefault("header", "true"));
    }

    char delimiter() {
      String d = csvOptions.getOrDefault("delimiter", csvOptions.getOrDefault("sep", ","));
      return d.equals("\\t") ? '\t' : d.charAt(0);
    }
  }

  /** Every data file of a dataset directory. */
  public RawInput read(DatasetSpec spec, String datasetDir) {
    return read(spec, datasetDir, InputFiles.list(spark, datasetDir));
  }

  /** Some files of a dataset directory, e.g. the new ones of an incremental ingest. */
  public RawInput read(DatasetSpec spec, String datasetDir, List<String> files) {
    return read(Layout.contract(spec), datasetDir, files);
  }

  /** Some files of a dataset directory in the given layout. */
  public RawInput read(Layout layout, String datasetDir, List<String> files) {
    return read(layout, datasetDir, files, Set.of());
  }

  /**
   * Some files of a dataset directory in the given layout.
   *
   * @param oneRecordPerLine the CSV files known to hold one record per line (no quote, no blank
   *     line: {@link org.justicemonitor.io.FileFingerprints.FileFingerprint#oneRecordPerLine}),
   *     read line by line in splits when the layout keeps the contract's quoting and encoding
   */
  public RawInput read(Layout layout, String datasetDir, List<String> files, Set<String> oneRecordPerLine) {
    DatasetSpec spec = layout.columns();
    List<String> csv = new ArrayList<>();
    Map<String, Long> sizes = new java.util.HashMap<>();
    List<String> json = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    long bytes = 0;
    for (String file : files) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      InputFormat format =
          InputFormat.ofFileName(name)
              .orElseThrow(
                  () ->
                      new InputException(
                          InputFiles.shown(file) + " is neither CSV nor JSON Lines: name data files *.csv, *.jsonl,"
                              + " or the same with .gz, or move the file out of " + InputFiles.shown(datasetDir)));
      long size = InputFiles.size(spark, file);
      sizes.put(file, size);
      bytes += size;
      if (size > 0) {
        BinaryContent.kind(InputFiles.head(spark, file, BinaryContent.SNIFFED_BYTES)).ifPresent(kind -> {
          throw new InputException(InputFiles.shown(file) + " is not text: it starts like " + kind
              + "; export it as CSV or JSON Lines in UTF-8, or move it out of " + InputFiles.shown(datasetDir));
        });
      }
      if (size == 0 || InputFiles.firstLine(spark, file) == null) {
        empty.add(file);
      } else if (format == InputFormat.CSV) {
        csv.add(file);
      } else {
        json.add(file);
      }
    }

    Column sourceFile = sourceFile(spec, InputFiles.qualified(spark, datasetDir));
    List<Dataset<Row>> parts = new ArrayList<>();
    TreeSet<String> extraColumns = new TreeSet<>();
    for (Map.Entry<List<String>, List<String>> group : groupByHeader(layout, csv).entrySet()) {
      List<String> header = group.getKey();
      if (!layout.allCsvColumns()) {
        header.stream().filter(h -> spec.column(h).isEmpty()).forEach(extraColumns::add);
      }
      // Only a file Spark would split gains from the line reader; smaller ones stay one scan.
      long splitBytes = splitBytes(group.getValue().stream().mapToLong(sizes::get).sum());
      Map<Boolean, List<String>> byLine = group.getValue().stream().collect(java.util.stream.Collectors.partitioningBy(
          f -> layout.keepsContractQuoting() && oneRecordPerLine.contains(f) && sizes.get(f) > splitBytes));
      if (!byLine.get(true).isEmpty()) {
        parts.add(readCsv(layout, header, byLine.get(true), sourceFile, false));
      }
      if (!byLine.get(false).isEmpty()) {
        parts.add(readCsv(layout, header, byLine.get(false), sourceFile, true));
      }
    }
    if (!json.isEmpty()) {
      parts.add(readJsonLines(layout, json, sourceFile));
    }
    Dataset<Row> rows = parts.isEmpty() ? emptyRows(layout)
        : parts.stream().reduce((a, b) -> a.unionByName(b, true)).orElseThrow();
    return new RawInput(spec, rows, files, empty, List.copyOf(extraColumns), bytes);
  }

  /**
   * The largest split of a splittable scan over files of this many bytes, as Spark sizes it:
   * the partition size, or less so that every core gets a split, never under the cost of opening
   * a file.
   */
  private long splitBytes(long totalBytes) {
    var conf = spark.sessionState().conf();
    long perCore = totalBytes / Math.max(1, spark.sparkContext().defaultParallelism());
    return Math.min(conf.filesMaxPartitionBytes(), Math.max(conf.filesOpenCostInBytes(), perCore));
  }

  /** The schema of what {@link #read} returns: contract columns as text, then lineage. */
  public static StructType rawSchema(DatasetSpec spec) {
    return spec.rawSchema()
        .add(CORRUPT_RECORD, DataTypes.StringType)
        .add(SOURCE_FILE, DataTypes.StringType)
        .add(BLOCK, DataTypes.LongType)
        .add(SEQ, DataTypes.LongType)
        .add(HEADER_LINES, DataTypes.IntegerType)
        .add(BLANK, DataTypes.BooleanType)
        .add(EXTRA_KEYS, DataTypes.createArrayType(DataTypes.StringType))
        .add(EXTRA_LINES, DataTypes.IntegerType)
        .add(SUPERSEDED, DataTypes.BooleanType);
  }

  private Dataset<Row> emptyRows(Layout layout) {
    StructType schema = rawSchema(layout.columns());
    if (!layout.columns().columns().isEmpty() || layout.jsonSchema().isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    // A mapping over JSON objects reads their fields, typed.
    StructType json = new StructType(layout.jsonSchema().fields());
    for (StructField f : schema.fields()) {
      json = json.add(f);
    }
    return spark.createDataFrame(List.of(), json);
  }

  private Map<List<String>, List<String>> groupByHeader(Layout layout, List<String> files) {
    DatasetSpec spec = layout.columns();
    Map<List<String>, List<String>> groups = new LinkedHashMap<>();
    if (!layout.csvHeader()) {
      // Files without a header row: the layout names their columns in order.
      groups.put(spec.columnNames(), new ArrayList<>(files));
      return groups;
    }
    for (String file : files) {
      List<String> header =
          CsvLine.split(InputFiles.firstLine(spark, file), layout.delimiter()).stream()
              .map(h -> layout.allCsvColumns() ? h.strip() : h.strip().toLowerCase(Locale.ROOT))
              .toList();
      checkHeader(InputFiles.shown(file), header, spec.columnNames(), spec.requiredColumns());
      groups.computeIfAbsent(header, h -> new ArrayList<>()).add(file);
    }
    return groups;
  }

  /**
   * Refuses a header that cannot be read as the layout's columns. The messages name the file and
   * the columns it should have, never the header's other fields: in a file without a header row
   * those are the first record's values.
   */
  static void checkHeader(String file, List<String> header, List<String> known, List<ColumnSpec> required) {
    List<String> recognised = header.stream().filter(known::contains).toList();
    if (header.size() > 1 && recognised.isEmpty()) {
      throw new InputException(file + " has no header row: none of the " + header.size() + " fields of its first line"
          + " names a column of the dataset (" + String.join(", ", known.subList(0, Math.min(2, known.size())))
          + ", ...); add the header row, or"
          + " read it with a profile whose csv options say \"header\": \"false\"");
    }
    for (int i = 0; i < header.size(); i++) {
      int again = header.subList(i + 1, header.size()).indexOf(header.get(i));
      if (again >= 0) {
        String which = known.contains(header.get(i)) ? "the column " + header.get(i) : "a column name";
        throw new InputException(file + " names " + which + " twice in its header (fields " + (i + 1) + " and "
            + (i + again + 2) + "); fix the header row");
      }
    }
    for (ColumnSpec column : required) {
      if (!header.contains(column.name())) {
        String hint = header.size() == 1 ? " (only one column: is the delimiter a comma?)" : "";
        throw new InputException(
            file + " lacks the required column " + column.name() + hint + "; of the dataset's columns its header has "
                + (recognised.isEmpty() ? "none" : String.join(", ", recognised)) + ", and " + (header.size() - recognised.size())
                + " other fields. Fix the extract, or map its columns with a profile");
      }
    }
  }

  /**
   * @param multiLine read record by record, a quoted field spanning lines (one task per file);
   *     false: line by line, in splits, for files that hold one record per line
   */
  private Dataset<Row> readCsv(Layout layout, List<String> header, List<String> files, Column sourceFile, boolean multiLine) {
    DatasetSpec spec = layout.columns();
    StructType schema = new StructType();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).isEmpty() ? "_unnamed_" + i : header.get(i);
      schema = schema.add(name, DataTypes.StringType);
    }
    schema = schema.add(CORRUPT_RECORD, DataTypes.StringType);
    Dataset<Row> df =
        spark
            .read()
            .schema(schema)
            .option("header", "true")
            .option("enforceSchema", "true")
            .option("multiLine", multiLine)
            .option("quote", "\"")
            .option("escape", "\"")
            .option("encoding", "UTF-8")
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
            .options(layout.csvOptions())
            .csv(files.toArray(String[]::new));
    List<Column> out = new ArrayList<>();
    if (layout.allCsvColumns()) {
      header.stream().filter(h -> !h.isEmpty()).forEach(h -> out.add(col("`" + h + "`")));
    } else {
      for (ColumnSpec c : spec.columns()) {
        out.add(header.contains(c.name()) ? col(c.name()) : lit(null).cast("string").as(c.name()));
      }
    }
    out.add(col(CORRUPT_RECORD));
    List<Column> breaks = Arrays.stream(schema.fields()).filter(f -> !f.name().equals(CORRUPT_RECORD))
        .map(f -> lineBreaks(col("`" + f.name() + "`"))).toList();
    Column fieldBreaks = balancedSum(breaks);
    Column extraLines = multiLine
        ? when(col(CORRUPT_RECORD).isNotNull(), lineBreaks(col(CORRUPT_RECORD))).otherwise(fieldBreaks)
        : lit(0);
    out.addAll(lineage(sourceFile, layout.csvHeader() ? 1 : 0, lit(false), array().cast("array<string>"), extraLines));
    return df.select(out.toArray(Column[]::new));
  }

  private Dataset<Row> readJsonLines(Layout layout, List<String> files, Column sourceFile) {
    DatasetSpec spec = layout.columns();
    StructType schema = new StructType(layout.jsonSchema().fields()).add(CORRUPT_RECORD, DataTypes.StringType);
    Dataset<Row> lines = spark.read().text(files.toArray(String[]::new));
    Column value = regexp_replace(col("value"), "^\uFEFF", "");
    Column blank = trim(value).equalTo(lit(""));
    Column parsed =
        from_json(value, schema, Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT_RECORD));
    Column[] knownKeys = Arrays.stream(layout.jsonSchema().fieldNames()).map(n -> lit(n)).toArray(Column[]::new);
    Column extraKeys = array_except(json_object_keys(value), array(knownKeys));
    Column malformed =
        blank.unary_$bang()
            .and(trim(value).startsWith("{").unary_$bang().or(parsed.isNull()).or(parsed.getField(CORRUPT_RECORD).isNotNull()));

    List<Column> out = new ArrayList<>();
    for (StructField f : layout.jsonSchema().fields()) {
      out.add(when(malformed, lit(null).cast(f.dataType())).otherwise(parsed.getField(f.name())).as(f.name()));
    }
    out.add(when(malformed, value).as(CORRUPT_RECORD));
    out.add(when(malformed.unary_$bang(), wrongTypes(layout, parsed, value)).as(RowValidator.SOURCE_PROBLEMS));
    out.addAll(lineage(sourceFile, 0, blank, when(malformed, array().cast("array<string>")).otherwise(extraKeys), lit(0)));
    return lines.select(out.toArray(Column[]::new));
  }

  /**
   * {@code invalid_type(<column>)} for each contract column whose JSON value is an array or an
   * object, or true/false where the column is not boolean; null when none. Read as text, such a
   * value would otherwise pass as its JSON source ({@code ["a","b"]}, {@code true}). The parser
   * gives a non-string token as its text, so only a value starting like one is looked up in the
   * line, to tell {@code ["a"]} from the string {@code "[a]"}.
   */
  private static Column wrongTypes(Layout layout, Column parsed, Column line) {
    List<Column> problems = new ArrayList<>();
    if (!layout.jsonSchema().equals(layout.columns().rawSchema())) {
      return lit(null).cast("string"); // a profile's typed fields: its mapping checks them
    }
    for (StructField f : layout.jsonSchema().fields()) {
      Optional<ColumnSpec> column = layout.columns().column(f.name());
      if (column.isEmpty() || !f.dataType().equals(DataTypes.StringType)) {
        continue;
      }
      boolean bool = column.get().type() == ColumnType.BOOLEAN;
      Column v = parsed.getField(f.name());
      Column suspicious = v.startsWith("[").or(v.startsWith("{"));
      if (!bool) {
        suspicious = suspicious.or(v.isin("true", "false"));
      }
      String token = bool ? "[\\[{]" : "([\\[{]|true|false)";
      Column wrong = line.rlike("(?<!\\\\)\"" + f.name() + "\"\\s*:\\s*" + token);
      problems.add(when(suspicious.and(wrong), lit(ReasonCode.INVALID_TYPE.code() + "(" + f.name() + ")")));
    }
    Column listed = concat_ws("; ", problems.toArray(Column[]::new));
    return when(listed.notEqual(""), listed);
  }

  /**
   * The sum as a balanced tree of additions, compiled like any other: a chain over a header of a
   * thousand columns would nest a thousand deep and overflow the stack when Spark walks the plan,
   * and an array aggregate is interpreted row by row.
   */
  static Column balancedSum(List<Column> terms) {
    if (terms.isEmpty()) {
      return lit(0);
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    int half = terms.size() / 2;
    return balancedSum(terms.subList(0, half)).plus(balancedSum(terms.subList(half, terms.size())));
  }

  /** Line feeds in a value: a quoted CSV field may hold some. */
  private static Column lineBreaks(Column value) {
    // Counting by translate copies every value; almost none holds a line break, which a byte
    // search tells cheaply (a quarter of the parse time of service events before, by sampling).
    return when(value.contains("\n"), length(value).minus(length(translate(value, "\n", "")))).otherwise(lit(0));
  }

  /**
   * {@code <dataset>/<path under the dataset directory>}, e.g. {@code cases/year=2025/a.csv}: the
   * name the manifest and the quarantine know a file by. Spark gives the path URL-encoded; a
   * {@code +} is a plus in a file name, not an encoded space.
   */
  private static Column sourceFile(DatasetSpec spec, String qualifiedDir) {
    Column path = decodedPath(col("_metadata.file_path"));
    String prefix = qualifiedDir + "/";
    Column name = when(path.startsWith(prefix), substring(path, prefix.length() + 1, Integer.MAX_VALUE))
        .otherwise(decodedPath(col("_metadata.file_name")));
    return concat(lit(spec.name() + "/"), name);
  }

  /** A URL-encoded path as the file system names it; a plain string replace, not a regex, on every row. */
  private static Column decodedPath(Column encoded) {
    return url_decode(replace(encoded, lit("+"), lit("%2B")));
  }

  private static List<Column> lineage(
      Column sourceFile, int headerLines, Column blank, Column extraKeys, Column extraLines) {
    return List.of(
        sourceFile.as(SOURCE_FILE),
        col("_metadata.file_block_start").as(BLOCK),
        monotonically_increasing_id().as(SEQ),
        lit(headerLines).as(HEADER_LINES),
        blank.as(BLANK),
        extraKeys.as(EXTRA_KEYS),
        extraLines.cast(DataTypes.IntegerType).as(EXTRA_LINES),
        lit(false).as(SUPERSEDED));
  }
}
