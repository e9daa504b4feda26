package org.justicemonitor.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;
import java.util.List;

/**
 * The run summary of ingest: one {@link DatasetReport} per dataset.
 *
 * @param full whether every file was read (else only new ones, added to the published tables)
 * @param mode why, in words
 * @param warnings what a person should look at although the run went on, e.g. a small delivery that is mostly bad
 * @param seconds wall time, to a tenth of a second
 */
@JsonPropertyOrder({"as_of", "region_reference", "demo_key", "full", "mode", "seconds", "warnings", "datasets"})
public record IngestReport(
    @JsonSerialize(using = ToStringSerializer.class) LocalDate asOf,
    String regionReference,
    boolean demoKey,
    boolean full,
    String mode,
    List<DatasetReport> datasets,
    List<String> warnings,
    double seconds) {

  public IngestReport {
    datasets = List.copyOf(datasets);
    warnings = List.copyOf(warnings);
    seconds = Math.round(seconds * 10) / 10.0;
  }
}
