package org.justicemonitor.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.contract.Contract;

/** Synthetic security incidents: a few per month, longer to resolve when more severe. */
final class IncidentTable {

  private final Scenario scenario;

  IncidentTable(Scenario scenario) {
    this.scenario = scenario;
  }

  static long count(GeneratorOptions o) {
    return Math.max(40, o.cases() / 25_000);
  }

  Dataset<Row> build(SparkSession spark) {
    GeneratorOptions o = scenario.options;
    Draws d = new Draws(o.seed() ^ 0x2545F4914F6CDD1DL, col("id"));
    long start = o.from().atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.ofHours(5));
    long end = o.asOf().atStartOfDay().toEpochSecond(ZoneOffset.ofHours(5));
    long asOfEnd = end + 86_400 - 1;
    Column detectedSeconds = lit(start).plus(floor(d.uniform(1).multiply(end - start)).cast("long"));
    Column severity = d.pick(2, Contract.SEVERITIES, 0.45, 0.35, 0.15, 0.05);
    Column kind = d.pick(3, Contract.INCIDENT_KINDS, 0.2, 0.12, 0.15, 0.12, 0.25, 0.04, 0.12);
    Column medianHours =
        when(severity.equalTo("low"), 6.0).when(severity.equalTo("medium"), 16.0).when(severity.equalTo("high"), 36.0)
            .otherwise(60.0);
    Column resolvedSeconds = detectedSeconds.plus(floor(d.logNormal(4, medianHours, 0.9).multiply(3600)).cast("long"));
    Column leak = kind.equalTo("data_leak");
    Column notifiedSeconds = detectedSeconds.plus(floor(d.logNormal(6, 50.0, 0.6).multiply(3600)).cast("long"));
    return spark.range(0, count(o), 1, 1)
        .select(
            concat(lit("INC-"), format_string("%06d", col("id"))).as("incident_id"),
            d.pick(7, List.of("judicial_office", "e_protocol", "notary_register", "case_management", "e_payment"),
                0.45, 0.2, 0.15, 0.1, 0.1).as("system"),
            when(d.chance(8, 0.3), lit(null).cast("string")).otherwise(d.pick(9, scenario.regionCodes(), scenario.populations()))
                .as("region_code"),
            severity.as("severity"),
            kind.as("kind"),
            timestamp(detectedSeconds).as("detected_at"),
            when(resolvedSeconds.leq(asOfEnd).and(d.chance(10, 0.97)), timestamp(resolvedSeconds)).as("resolved_at"),
            when(leak, floor(d.logNormal(11, 300.0, 1.2)).cast("long")).as("records_affected"),
            when(leak.and(d.chance(12, 0.9)).and(notifiedSeconds.leq(asOfEnd)), timestamp(notifiedSeconds))
                .as("subjects_notified_at"),
            col("id").as("generator_row"));
  }

  /** ISO 8601 with the +05:00 offset, from epoch seconds; arithmetic only, whatever the session zone. */
  private static Column timestamp(Column epochSeconds) {
    Column local = epochSeconds.plus(5 * 3600);
    Column day = date_from_unix_date(floor(local.divide(86_400)).cast("int"));
    Column secondOfDay = pmod(local, lit(86_400L));
    return concat(day.cast("string"), lit("T"), CaseTable.twoDigits(floor(secondOfDay.divide(3600))), lit(":"),
        CaseTable.twoDigits(floor(pmod(secondOfDay, lit(3600L)).divide(60))), lit(":"), CaseTable.twoDigits(pmod(secondOfDay, lit(60L))),
        lit("+05:00"));
  }

}
