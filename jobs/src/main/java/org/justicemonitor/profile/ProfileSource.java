package org.justicemonitor.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.justicemonitor.contract.ColumnSpec;
import org.justicemonitor.contract.ColumnType;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.ingest.RawReader;
import org.justicemonitor.ingest.SourceMapping;

/** One dataset of a mapping profile as ingest uses it: where to read, how, and the mapping. */
public final class ProfileSource implements SourceMapping {

  private final MappingProfile profile;
  private final DatasetMapping mapping;

  public ProfileSource(MappingProfile profile, DatasetMapping mapping) {
    this.profile = profile;
    this.mapping = mapping;
  }

  @Override
  public String directory() {
    return mapping.directory();
  }

  @Override
  public RawReader.Layout layout() {
    String name = mapping.spec().name();
    if (mapping.sourceSchema().isPresent()) {
      StructType schema = StructType.fromDDL(mapping.sourceSchema().get());
      // CSV columns are text whatever the schema says; JSON fields keep their declared types.
      List<ColumnSpec> text = Arrays.stream(schema.fieldNames()).map(n -> ColumnSpec.of(n, ColumnType.STRING, false)).toList();
      return new RawReader.Layout(new DatasetSpec(name, text), false, mapping.csvOptions(), schema);
    }
    // Without a schema: every CSV column as text; of a JSON object, the fields the profile names.
    Set<String> fields = new LinkedHashSet<>();
    Set<String> lookups = new java.util.HashSet<>();
    mapping.lookups().forEach(l -> lookups.add(l.name()));
    mapping.columns().values().forEach(m -> m.source().map(s -> s.split("\\.")[0]).filter(f -> !lookups.contains(f))
        .ifPresent(fields::add));
    List<ColumnSpec> required = new ArrayList<>();
    for (ColumnSpec c : mapping.spec().requiredColumns()) {
      mapping.column(c.name()).flatMap(ColumnMapping::source).filter(s -> !s.contains("."))
          .ifPresent(s -> required.add(ColumnSpec.of(s, ColumnType.STRING, true)));
    }
    StructType json = new StructType();
    for (String f : fields) {
      json = json.add(f, DataTypes.StringType);
    }
    return new RawReader.Layout(new DatasetSpec(name, required), true, mapping.csvOptions(), json);
  }

  @Override
  public Dataset<Row> toContractText(Dataset<Row> read, String inputRoot) {
    Dataset<Row> source = read;
    for (Lookup lookup : mapping.lookups()) {
      source = lookup.join(source, lookup.resolve(source.sparkSession(), profile.file(), inputRoot));
    }
    if (mapping.deduplicate().isPresent()) {
      source = mapping.deduplicate().get().apply(source);
    }
    Set<String> present = Set.of(source.columns());
    for (ColumnMapping m : mapping.columns().values()) {
      m.source().ifPresent(s -> {
        if (!present.contains(s.split("\\.")[0])) {
          throw new IllegalArgumentException("the profile " + profile.name() + " maps " + m.column() + " from " + s
              + ", which the extract does not have; its columns are " + new java.util.TreeSet<>(present));
        }
      });
    }
    return new ProfileMapper(mapping).apply(source);
  }

  @Override
  public List<String> lookupFiles(SparkSession spark, String inputRoot) {
    return mapping.lookups().stream().map(l -> l.resolve(spark, profile.file(), inputRoot)).toList();
  }

  @Override
  public String describe() {
    return profile.name() + " (" + profile.file() + ", SHA-256 " + profile.sha256() + ")";
  }
}
