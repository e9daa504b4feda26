package org.justicemonitor.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a published table is, declared once (as Deequ's analyzers declare their aggregations):
 * its name, grain, columns with a one-line description each, what each measure is made of, its
 * sort order and who may see it. The computation projects to {@link #computedColumns}, disclosure
 * control derives every rule from the measures ({@link #restsOn}, {@link #numeratorRule}), the linked
 * model takes its cells from {@link #counts} and ratios, and the catalog, the CSV export, the
 * command's help and the data-dictionary test read the same declaration.
 *
 * @param grain the key columns that identify a row (a table taking part in linked protection has
 *     {@code period} last); the other keys are attributes of the grain (a court's region)
 * @param columns every published column in order: keys, measures, and the two suppression columns
 *     where the table has them; the cell-status columns follow the ruled measures
 */
public record TableDeclaration(String name, String description, String access, List<Measure> keys, List<String> grain,
    List<Measure> measures, List<String> columns, List<String> sortBy) {

  public static final String SUPPRESSED = "suppressed";
  public static final String SUPPRESSION_REASON = "suppression_reason";
  /** Where indicator tables live under an output root. */
  public static final String INDICATORS = "indicators";

  /** The table's location under an output root, e.g. {@code indicators/region_year}. */
  public String path() {
    return INDICATORS + "/" + name;
  }

  /** The measures under the disclosure rule. */
  public List<Measure> ruled() {
    return measures.stream().filter(Measure::ruled).toList();
  }

  /** The count columns: the table's cells in the linked model. */
  public List<String> counts() {
    return measures.stream().filter(m -> m.kind() == Measure.Kind.COUNT).map(Measure::column).toList();
  }

  public Optional<Measure> measure(String column) {
    return measures.stream().filter(m -> m.column().equals(column)).findFirst();
  }

  /** Whether the table carries suppression columns and cell statuses. */
  public boolean protectedByRule() {
    return !ruled().isEmpty();
  }

  /**
   * The counts a ruled column rests on: it is suppressed when any is under k, and whenever any is
   * suppressed. A count rests on itself; a ratio on its denominator, on its numerator where the
   * table publishes it, and on the published counts its parts lie within ({@link Measure#within});
   * a rate per public population or a share of a total on its numerator; a statistic on its
   * population.
   */
  public List<String> restsOn(Measure m) {
    return switch (m.kind()) {
      case COUNT -> List.of(m.column());
      case PER_POPULATION, SHARE_OF_TOTAL -> List.of(m.numerator());
      case STATISTIC -> m.restsOn();
      case RATIO -> {
        Set<String> on = new LinkedHashSet<>(m.denominator());
        if (counts().contains(m.numerator())) {
          on.add(m.numerator());
        }
        m.within().stream().filter(counts()::contains).forEach(on::add);
        yield List.copyOf(on);
      }
      case VALUE, FLAG -> List.of();
    };
  }

  /**
   * The numerator a ratio's numerator rule looks at (1 … k − 1 cases: suppressed), when the table
   * does not publish it as a count of its own (then it rests on it): empty otherwise.
   */
  public Optional<String> numeratorRule(Measure m) {
    return m.kind() == Measure.Kind.RATIO && m.numeratorRule() && !counts().contains(m.numerator())
        ? Optional.of(m.numerator()) : Optional.empty();
  }

  /** The columns the table's computation projects to: every published column but the flags added later. */
  public List<String> computedColumns() {
    List<String> flags = measures.stream().filter(m -> m.kind() == Measure.Kind.FLAG).map(Measure::column).toList();
    return columns.stream().filter(c -> !flags.contains(c)).toList();
  }

  /** One line per column, for the help and the data dictionary. */
  public Optional<String> describe(String column) {
    if (column.equals(SUPPRESSED)) {
      return Optional.of("true when any value of the row is suppressed");
    }
    if (column.equals(SUPPRESSION_REASON)) {
      return Optional.of("which values are suppressed and why, in words, written from the cell statuses");
    }
    for (Measure m : measures) {
      if (column.equals(m.statusColumn()) && m.ruled()) {
        return Optional.of("cell status of " + m.column() + ": A published, C primary, D complement, M not applicable");
      }
    }
    return java.util.stream.Stream.concat(keys.stream(), measures.stream())
        .filter(m -> m.column().equals(column)).map(Measure::description).findFirst();
  }

  public static Builder named(String name, String description) {
    return new Builder(name, description);
  }

  /** Builds a declaration in column order. */
  public static final class Builder {
    private final String name;
    private final String description;
    private final List<Measure> keys = new ArrayList<>();
    private final List<Measure> measures = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private List<String> grain;
    private List<String> sortBy;
    private boolean suppressionPlaced;

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    public Builder key(String column, String description) {
      keys.add(Measure.value(column, description));
      columns.add(column);
      return this;
    }

    public Builder grain(String... columns) {
      this.grain = List.of(columns);
      return this;
    }

    public Builder measures(List<Measure> more) {
      more.forEach(this::measure);
      return this;
    }

    public Builder measure(Measure m) {
      if (columns.contains(m.column())) {
        throw new IllegalArgumentException(name + ": column declared twice: " + m.column());
      }
      measures.add(m);
      columns.add(m.column());
      return this;
    }

    /** {@code suppressed} and {@code suppression_reason} here rather than after the last measure. */
    public Builder suppressionColumns() {
      columns.add(SUPPRESSED);
      columns.add(SUPPRESSION_REASON);
      suppressionPlaced = true;
      return this;
    }

    public Builder sortBy(String... columns) {
      this.sortBy = List.of(columns);
      return this;
    }

    public TableDeclaration build() {
      List<String> all = new ArrayList<>(columns);
      boolean ruled = measures.stream().anyMatch(Measure::ruled);
      List<Measure> flags = measures.stream().filter(m -> m.kind() == Measure.Kind.FLAG).toList();
      all.removeAll(flags.stream().map(Measure::column).toList());
      if (ruled) {
        if (!suppressionPlaced) {
          all.add(SUPPRESSED);
          all.add(SUPPRESSION_REASON);
        }
        measures.stream().filter(Measure::ruled).forEach(m -> all.add(m.statusColumn()));
      }
      flags.forEach(f -> all.add(f.column()));
      List<String> keyColumns = keys.stream().map(Measure::column).toList();
      return new TableDeclaration(name, description, "public", List.copyOf(keys),
          grain == null ? keyColumns : grain, List.copyOf(measures), List.copyOf(all),
          sortBy == null ? keyColumns : sortBy);
    }
  }
}
