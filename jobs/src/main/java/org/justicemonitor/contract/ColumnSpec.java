package org.justicemonitor.contract;

import java.util.List;
import java.util.Objects;

/**
 * One input column of the data contract.
 *
 * @param name snake_case column name
 * @param type declared type
 * @param required whether a null or blank value rejects the row
 * @param allowedValues the enum's values (empty unless {@code type == ENUM})
 * @param identifier pseudonymized with the keyed HMAC before anything is written
 * @param regionCode must be a known region code (or one of {@link #extraRegionCodes})
 * @param extraRegionCodes codes accepted besides the reference regions, e.g. {@code 00}
 */
public record ColumnSpec(
    String name,
    ColumnType type,
    boolean required,
    List<String> allowedValues,
    boolean identifier,
    boolean regionCode,
    List<String> extraRegionCodes) {

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowedValues = List.copyOf(allowedValues);
    extraRegionCodes = List.copyOf(extraRegionCodes);
    if ((type == ColumnType.ENUM) == allowedValues.isEmpty()) {
      throw new IllegalArgumentException("enum values go with ENUM columns only: " + name);
    }
  }

  public static ColumnSpec of(String name, ColumnType type, boolean required) {
    return new ColumnSpec(name, type, required, List.of(), false, false, List.of());
  }

  public static ColumnSpec enumOf(String name, boolean required, String... values) {
    return new ColumnSpec(name, ColumnType.ENUM, required, List.of(values), false, false, List.of());
  }

  public ColumnSpec asIdentifier() {
    return new ColumnSpec(name, type, required, allowedValues, true, regionCode, extraRegionCodes);
  }

  public ColumnSpec asRegionCode(String... extraCodes) {
    return new ColumnSpec(name, type, required, allowedValues, identifier, true, List.of(extraCodes));
  }
}
