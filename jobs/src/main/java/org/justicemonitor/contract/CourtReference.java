package org.justicemonitor.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.io.CsvLine;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.Paths;

/**
 * The courts' published names, optional: {@code <input>/courts/} holds one CSV with {@code
 * court_id} and any of {@code name_en}, {@code name_ru}, {@code name_kk}. The extracts carry a
 * court's code only; with this file every table's court reads by name as well. A few hundred
 * rows at most, read on the driver.
 */
public final class CourtReference {

  public static final String DIRECTORY = "courts";

  public static final StructType SCHEMA = new StructType()
      .add("court_id", DataTypes.StringType, false)
      .add("name_en", DataTypes.StringType, true)
      .add("name_ru", DataTypes.StringType, true)
      .add("name_kk", DataTypes.StringType, true);

  private static final List<String> NAMES = List.of("name_en", "name_ru", "name_kk");

  /** One court's names; a language without a name is null. */
  public record Court(String id, String nameEn, String nameRu, String nameKk) {}

  private final List<Court> courts;
  private final String source;

  CourtReference(List<Court> courts, String source) {
    this.courts = List.copyOf(courts);
    this.source = source;
  }

  /** The file under {@code <input>/courts/}, or no names when there is none. */
  public static CourtReference load(SparkSession spark, String inputRoot) {
    String dir = Paths.join(inputRoot, DIRECTORY);
    List<String> files = InputFiles.list(spark, dir);
    if (files.isEmpty()) {
      return new CourtReference(List.of(), null);
    }
    if (files.size() > 1) {
      throw new IllegalArgumentException(dir + " holds " + files.size() + " files; put exactly one courts file there");
    }
    return new CourtReference(parse(InputFiles.readSmallText(spark, files.get(0)), files.get(0)), files.get(0));
  }

  /** Errors name the file, line and column, never a value (the brief's rule for every message). */
  static List<Court> parse(String csv, String source) {
    List<String> lines = csv.replace("\uFEFF", "").lines().toList();
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new IllegalArgumentException(source + " is empty; expected a header with court_id and name_en, name_ru or name_kk");
    }
    List<String> header = CsvLine.split(lines.get(0)).stream().map(String::trim).toList();
    int id = header.indexOf("court_id");
    int[] name = NAMES.stream().mapToInt(header::indexOf).toArray();
    if (id < 0 || java.util.Arrays.stream(name).allMatch(i -> i < 0)) {
      throw new IllegalArgumentException(source + " line 1: expected the columns court_id and name_en, name_ru or name_kk");
    }
    List<Court> courts = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = CsvLine.split(lines.get(i));
      int line = i + 1;
      if (f.size() != header.size()) {
        throw new IllegalArgumentException(source + " line " + line + ": " + f.size() + " fields, the header has " + header.size());
      }
      String court = f.get(id).trim();
      if (court.isEmpty()) {
        throw new IllegalArgumentException(source + " line " + line + ", column court_id: empty");
      }
      Integer first = seen.putIfAbsent(court, line);
      if (first != null) {
        throw new IllegalArgumentException(source + " line " + line + ", column court_id: the same court as line " + first);
      }
      String[] names = new String[3];
      for (int n = 0; n < 3; n++) {
        names[n] = name[n] < 0 || f.get(name[n]).isBlank() ? null : f.get(name[n]).trim();
      }
      courts.add(new Court(court, names[0], names[1], names[2]));
    }
    return courts;
  }

  public List<Court> courts() {
    return courts;
  }

  /** The file the names came from, or null when the input has none. */
  public String source() {
    return source;
  }

  public Dataset<Row> toDataFrame(SparkSession spark) {
    return spark.createDataFrame(courts.stream().map(c -> RowFactory.create(c.id(), c.nameEn(), c.nameRu(), c.nameKk())).toList(),
        SCHEMA);
  }
}
