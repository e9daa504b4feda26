package org.justicemonitor.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * The regions every job relates its figures to: the shipped reference, or the file a data
 * provider puts in {@code <input>/regions/}. It is a table of about twenty rows, so it lives on
 * the driver and is handed to Spark as a small DataFrame when a join needs it.
 */
public final class RegionReference {

  public static final String SHIPPED_RESOURCE = "/reference/regions.csv";

  public static final StructType SCHEMA =
      new StructType()
          .add("region_code", DataTypes.StringType, false)
          .add("name_en", DataTypes.StringType, false)
          .add("name_ru", DataTypes.StringType, true)
          .add("name_kk", DataTypes.StringType, true)
          .add("group", DataTypes.StringType, false)
          .add("population", DataTypes.LongType, false)
          .add("internet_users_share", DataTypes.DoubleType, true);

  private final List<Region> regions;
  private final String source;

  public RegionReference(List<Region> regions, String source) {
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("the region reference " + source + " has no rows");
    }
    this.regions = regions.stream().sorted(Comparator.comparing(Region::code)).toList();
    this.source = source;
  }

  /** The reference shipped in the jar. */
  public static RegionReference shipped() {
    try (InputStream in = RegionReference.class.getResourceAsStream(SHIPPED_RESOURCE)) {
      Objects.requireNonNull(in, "missing resource " + SHIPPED_RESOURCE);
      return new RegionReference(
          parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED_RESOURCE),
          "shipped " + SHIPPED_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The regions file under {@code <input>/regions/} when there is one, else the shipped one. The
   * table has about twenty rows, so it is read on the driver, columns matched by header name.
   */
  public static RegionReference load(SparkSession spark, String inputRoot) {
    String dir = Paths.join(inputRoot, "regions");
    List<String> files = InputFiles.list(spark, dir);
    if (files.isEmpty()) {
      return shipped();
    }
    if (files.size() > 1) {
      throw new IllegalArgumentException(dir + " holds " + files.size() + " files; put exactly one regions file there");
    }
    return new RegionReference(parse(InputFiles.readSmallText(spark, files.get(0)), files.get(0)), files.get(0));
  }

  /** The regions file a mapping profile names, else the input root's, else the shipped one. */
  public static RegionReference forInput(SparkSession spark, String inputRoot, Optional<String> namedFile) {
    return namedFile.isPresent() ? loadFile(spark, namedFile.get()) : load(spark, inputRoot);
  }

  /** A regions file named outright, e.g. by a mapping profile for another country. */
  public static RegionReference loadFile(SparkSession spark, String file) {
    if (!InputFiles.exists(spark, file)) {
      throw new IllegalArgumentException("no regions file at " + file + "; fix the path (relative to the mapping profile)");
    }
    return new RegionReference(parse(InputFiles.readSmallText(spark, file), file), file);
  }

  static List<Region> parse(String csv, String source) {
    List<String> lines = csv.replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty; expected a header and one row per region");
    }
    List<String> header = CsvLine.split(lines.get(0));
    int code = indexOf(header, "region_code", source);
    int nameEn = indexOf(header, "name_en", source);
    int nameRu = header.indexOf("name_ru");
    int nameKk = header.indexOf("name_kk");
    int group = indexOf(header, "group", source);
    int population = indexOf(header, "population", source);
    int internet = header.indexOf("internet_users_share");
    List<Region> regions = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> f = CsvLine.split(lines.get(i));
      try {
        regions.add(
            new Region(
                f.get(code).trim(),
                f.get(nameEn),
                nameRu < 0 ? f.get(nameEn) : f.get(nameRu),
                nameKk < 0 ? f.get(nameEn) : f.get(nameKk),
                f.get(group),
                Long.parseLong(f.get(population).trim()),
                internet < 0 || f.get(internet).isBlank() ? Double.NaN : Double.parseDouble(f.get(internet).trim())));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + " is not a valid region row: " + lines.get(i), e);
      }
    }
    return regions;
  }

  private static int indexOf(List<String> header, String column, String source) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(source + " has no column " + column + "; expected " + SCHEMA.fieldNames().length + " columns starting with region_code");
    }
    return i;
  }

  public List<Region> regions() {
    return regions;
  }

  public List<String> codes() {
    return regions.stream().map(Region::code).toList();
  }

  public String source() {
    return source;
  }

  /** Whether this is the reference shipped in the jar rather than a file of the input root. */
  public boolean isShipped() {
    return source.startsWith("shipped ");
  }

  public Dataset<Row> toDataFrame(SparkSession spark) {
    List<Row> rows =
        regions.stream()
            .map(
                r ->
                    RowFactory.create(
                        r.code(),
                        r.nameEn(),
                        r.nameRu(),
                        r.nameKk(),
                        r.group(),
                        r.population(),
                        Double.isNaN(r.internetUsersShare()) ? null : r.internetUsersShare()))
            .toList();
    return spark.createDataFrame(rows, SCHEMA);
  }
}
