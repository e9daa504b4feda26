package org.justicemonitor.indicators;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SampleRun;
import org.justicemonitor.SharedSpark;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.io.Json;
import org.justicemonitor.tables.IndicatorTables;
import org.justicemonitor.tables.TableDeclaration;

/** indicators/datapackage.json against the CSVs a run on data-samples published: headers, types, keys. */
@ExtendWith(SharedSpark.class)
class DataPackageTest {

  private static Path output;
  private static JsonNode pkg;

  @BeforeAll
  static void run() throws Exception {
    output = SampleRun.indicators();
    pkg = Json.parseObject(Files.readString(output.resolve(Catalog.DATA_PACKAGE)));
  }

  private static JsonNode resource(String name) {
    for (JsonNode r : pkg.get("resources")) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name);
  }

  private static JsonNode field(String table, String column) {
    for (JsonNode f : resource(table).get("schema").get("fields")) {
      if (f.get("name").asText().equals(column)) {
        return f;
      }
    }
    throw new AssertionError("no field " + table + "." + column);
  }

  @Test
  void everyPublishedCsvIsAResourceWhoseFieldsAreItsHeader() throws Exception {
    assertEquals("tabular-data-package", pkg.get("profile").asText());
    assertEquals(IndicatorTables.ALL.size(), pkg.get("resources").size());
    for (TableDeclaration t : IndicatorTables.ALL) {
      JsonNode r = resource(t.name());
      assertEquals(t.name() + ".csv", r.get("path").asText());
      String header = Files.readAllLines(output.resolve(Catalog.INDICATORS).resolve(t.name() + ".csv")).get(0);
      List<String> fields = new ArrayList<>();
      r.get("schema").get("fields").forEach(f -> fields.add(f.get("name").asText()));
      assertEquals(header, String.join(",", fields), t.name());
      r.get("schema").get("fields").forEach(f -> assertFalse(f.get("description").asText().isBlank(), t.name()));
      List<String> key = new ArrayList<>();
      r.get("schema").get("primaryKey").forEach(k -> key.add(k.asText()));
      assertEquals(t.grain(), key, t.name());
    }
  }

  @Test
  void everyValueParsesAsItsDeclaredTypeAndThePrimaryKeyIsUnique() {
    // The CSVs read as text, as any reader first sees them; then every non-empty cell against its field's type.
    Map<String, String> pattern = Map.of(
        "integer", "^-?[0-9]+$",
        "number", "^-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?$|^NaN$|^-?Infinity$",
        "boolean", "^(true|false)$",
        "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "string", ".*");
    for (TableDeclaration t : IndicatorTables.ALL) {
      Dataset<Row> csv = SharedSpark.spark().read().option("header", true)
          .csv(output.resolve(Catalog.INDICATORS).resolve(t.name() + ".csv").toString());
      List<Column> bad = new ArrayList<>();
      for (JsonNode f : resource(t.name()).get("schema").get("fields")) {
        String name = f.get("name").asText();
        Column value = col("`" + name + "`");
        Column wrong = value.isNotNull().and(value.rlike(pattern.get(f.get("type").asText())).unary_$bang());
        if (f.has("constraints")) {
          List<Object> allowed = new ArrayList<>();
          f.get("constraints").get("enum").forEach(e -> allowed.add(e.asText()));
          wrong = wrong.or(value.isNull()).or(value.isin(allowed.toArray()).unary_$bang());
        }
        bad.add(org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(wrong, 1).otherwise(0)).as(name));
      }
      Row counts = csv.agg(bad.get(0), bad.subList(1, bad.size()).toArray(Column[]::new)).first();
      for (int i = 0; i < counts.size(); i++) {
        long n = counts.isNullAt(i) ? 0 : counts.getLong(i);
        assertEquals(0, n, t.name() + "." + counts.schema().fields()[i].name() + ": cells not of the declared type");
      }
      long rows = csv.count();
      long keys = csv.select(t.grain().stream().map(c -> col(c)).toArray(Column[]::new)).distinct().count();
      assertEquals(rows, keys, t.name() + ": the primary key is not unique");
    }
  }

  @Test
  void theRegionsTablePutsNamesBesideTheCodes() {
    Row astana = SharedSpark.spark().read().parquet(output.resolve(Catalog.INDICATORS).resolve("regions").toString())
        .filter(col("region_code").equalTo("71")).first();
    assertEquals("Astana city", astana.getAs("name_en"));
    assertEquals("Астана", astana.getAs("name_ru"));
    assertEquals("Астана", astana.getAs("name_kk"));
    assertEquals(20, SharedSpark.spark().read().parquet(output.resolve(Catalog.INDICATORS).resolve("regions").toString()).count());
  }

  @Test
  void unitsAndStatusesSayWhatAValueIs() {
    assertEquals("count", field("region_year", "incoming").get("unit").asText());
    assertEquals("integer", field("region_year", "incoming").get("type").asText());
    assertEquals("days", field("region_year", "median_days_to_decision").get("unit").asText());
    assertEquals("days", field("region_year", "disposition_time_days").get("unit").asText());
    assertEquals("ratio", field("region_year", "clearance_rate").get("unit").asText());
    assertEquals("per 1,000 inhabitants", field("region_year", "e_notary_requests_per_1000").get("unit").asText());
    assertEquals("string", field("region_year", "region_code").get("type").asText());
    assertFalse(field("region_year", "region_code").has("unit"));
    JsonNode status = field("region_year", "incoming_status");
    assertEquals("[\"A\",\"C\",\"D\",\"M\"]", status.get("constraints").get("enum").toString());
    assertTrue(pkg.get("description").asText().contains("An empty cell is not a zero"));
    assertEquals("[\"\"]", resource("region_year").get("schema").get("missingValues").toString());
  }
}
