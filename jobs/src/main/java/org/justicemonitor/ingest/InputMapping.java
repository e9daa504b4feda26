package org.justicemonitor.ingest;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;

/**
 * How an input root differs from the contract's shape, as a mapping profile says: the datasets
 * delivered in another shape, another region reference, another earliest valid date.
 *
 * @param datasets the datasets read through a mapping; the others as the contract says
 * @param regionsFile the region reference to use instead of the input root's or the shipped one
 * @param earliestDate no date may lie before it
 * @param id what the manifest records, e.g. {@code datajud sha256:...}: published rows depend on
 *     it, so a changed mapping rebuilds the tables; {@code none} without a profile
 */
public record InputMapping(
    Map<DatasetSpec, SourceMapping> datasets, Optional<String> regionsFile, LocalDate earliestDate, String id) {

  /** The contract's own shape. */
  public static final InputMapping NONE = new InputMapping(Map.of(), Optional.empty(), Contract.EARLIEST_DATE, "none");

  public InputMapping {
    datasets = Map.copyOf(datasets);
  }

  public Optional<SourceMapping> of(DatasetSpec spec) {
    return Optional.ofNullable(datasets.get(spec));
  }

  /** The dataset's directory under the input root. */
  public String directory(DatasetSpec spec) {
    return of(spec).map(SourceMapping::directory).orElse(spec.name());
  }
}
