package org.justicemonitor.tables;

import java.util.List;

/**
 * One published column of a declared table and what it is made of: a count of cases or events,
 * a ratio of named counts (numerator over denominator), a statistic over a named population, or
 * a plain value. The disclosure rule of every column is read from here ({@link TableDeclaration#restsOn}).
 *
 * @param numerator a ratio's numerator, a named count (published in the table or not)
 * @param denominator a ratio's denominator: named counts that add up to it; empty for a rate
 *     per public population or a share of a total the table's other rows give
 * @param restsOn a statistic's population: the counts it is computed over
 * @param within published counts of the table that a ratio's unpublished numerator and denominator
 *     are part of (the cases that record their language are part of incoming): the ratio is never
 *     published beside one of them suppressed, since it would narrow it down
 * @param numeratorRule whether the contract's numerator rule applies: a ratio whose numerator
 *     counts 1 to k − 1 cases is suppressed. It does not for counts of service events or of
 *     defective records ({@link #operationalRatio}), which are not facts about people's cases
 */
public record Measure(String column, Kind kind, String numerator, List<String> denominator, List<String> restsOn,
    String description, List<String> within, boolean numeratorRule) {

  /** What a column is. */
  public enum Kind {
    /** A count of cases or events: a cell of its own. */
    COUNT,
    /** Numerator over denominator, both named counts. */
    RATIO,
    /** A named count over a public population (per 1,000 inhabitants): gives its numerator away. */
    PER_POPULATION,
    /** A count over the total of the same count across the table's rows of one group: gives it away. */
    SHARE_OF_TOTAL,
    /** A median, a percentile, a difference, an interval or a score over the cases it rests on. */
    STATISTIC,
    /** Not resting on a count the rule looks at (a label, a target, a number of units). */
    VALUE,
    /** Added after protection, from another table (the data-quality flag). */
    FLAG
  }

  private Measure(String column, Kind kind, String numerator, List<String> denominator, List<String> restsOn,
      String description) {
    this(column, kind, numerator, denominator, restsOn, description, List.of(), kind == Kind.RATIO);
  }

  public static Measure count(String column, String description) {
    return new Measure(column, Kind.COUNT, null, List.of(), List.of(), description);
  }

  /** {@code numerator / (denominator[0] + denominator[1] + …)}, a share of people's cases: the numerator rule applies. */
  public static Measure ratio(String column, String numerator, List<String> denominator, String description) {
    return new Measure(column, Kind.RATIO, numerator, List.copyOf(denominator), List.of(), description);
  }

  /**
   * A ratio whose numerator counts service events or defective records (failed requests, rejected
   * rows), not people's cases: only its denominator is under the k rule.
   */
  public static Measure operationalRatio(String column, String numerator, String denominator, String description) {
    return new Measure(column, Kind.RATIO, numerator, List.of(denominator), List.of(), description, List.of(), false);
  }

  /** The same measure, part of these published counts ({@link #within}). */
  public Measure within(String... counts) {
    return new Measure(column, kind, numerator, denominator, restsOn, description, List.of(counts), numeratorRule);
  }

  public static Measure ratio(String column, String numerator, String denominator, String description) {
    return ratio(column, numerator, List.of(denominator), description);
  }

  public static Measure perPopulation(String column, String numerator, String description) {
    return new Measure(column, Kind.PER_POPULATION, numerator, List.of(), List.of(), description);
  }

  public static Measure shareOfTotal(String column, String numerator, String description) {
    return new Measure(column, Kind.SHARE_OF_TOTAL, numerator, List.of(), List.of(), description);
  }

  public static Measure statistic(String column, List<String> restsOn, String description) {
    return new Measure(column, Kind.STATISTIC, null, List.of(), List.copyOf(restsOn), description);
  }

  public static Measure statistic(String column, String restsOn, String description) {
    return statistic(column, List.of(restsOn), description);
  }

  public static Measure value(String column, String description) {
    return new Measure(column, Kind.VALUE, null, List.of(), List.of(), description);
  }

  public static Measure flag(String column, String description) {
    return new Measure(column, Kind.FLAG, null, List.of(), List.of(), description);
  }

  /** Whether the disclosure rule applies to the column. */
  /**
   * Whether the value times (or over) a published figure gives its counts back: a ratio, a rate
   * per population, a share of a total. A median or a percentile does not.
   */
  public boolean givesCountsAway() {
    return kind == Kind.RATIO || kind == Kind.PER_POPULATION || kind == Kind.SHARE_OF_TOTAL;
  }

  public boolean ruled() {
    return kind != Kind.VALUE && kind != Kind.FLAG;
  }

  /** The column of this cell's status ({@link CellStatus}). */
  public String statusColumn() {
    return column + CellStatus.SUFFIX;
  }
}
