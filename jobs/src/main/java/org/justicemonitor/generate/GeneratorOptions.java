package org.justicemonitor.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What {@code generate} makes.
 *
 * @param cases number of distinct cases
 * @param events number of service events
 * @param from first month of filings and events
 * @param to last month of filings and events; the extract date is its last day
 * @param seed every random choice follows from it
 * @param format {@code csv} or {@code jsonl}
 * @param gzip compress the files
 * @param badFraction share of rows made invalid on purpose, each labelled with its reason
 * @param duplicateFraction share of cases that also appear as an older version
 * @param anomaliesPerKind how many anomalies of each kind are injected
 * @param rowsPerFile target rows per output file
 * @param rolloutEffect with a value, {@code rollouts/} is written (half the district courts adopt
 *     {@value Scenario#PROGRAM}, staggered over four start dates) and days to decision change by
 *     this share from each adopting court's start ({@code -0.3}: 30% shorter; 0: a rollout
 *     without effect); null for no rollouts
 */
public record GeneratorOptions(
    long cases,
    long events,
    YearMonth from,
    YearMonth to,
    long seed,
    String format,
    boolean gzip,
    double badFraction,
    double duplicateFraction,
    int anomaliesPerKind,
    long rowsPerFile,
    Double rolloutEffect) {

  public GeneratorOptions(long cases, long events, YearMonth from, YearMonth to, long seed, String format, boolean gzip,
      double badFraction, double duplicateFraction, int anomaliesPerKind, long rowsPerFile) {
    this(cases, events, from, to, seed, format, gzip, badFraction, duplicateFraction, anomaliesPerKind, rowsPerFile, null);
  }

  /** The same world with rollouts whose effect is {@code effect}. */
  public GeneratorOptions withRolloutEffect(double effect) {
    return new GeneratorOptions(cases, events, from, to, seed, format, gzip, badFraction, duplicateFraction, anomaliesPerKind,
        rowsPerFile, effect);
  }

  public GeneratorOptions {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (cases < 1) {
      throw new IllegalArgumentException("--cases must be at least 1, cannot be: " + cases);
    }
    if (events < 0) {
      throw new IllegalArgumentException("--events must be at least 0, cannot be: " + events);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (from.isBefore(YearMonth.of(2000, 1))) {
      throw new IllegalArgumentException("--from must be 2000-01 or later, cannot be: " + from);
    }
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw new IllegalArgumentException("--format must be csv or jsonl, cannot be: " + format);
    }
    if (!(badFraction >= 0 && badFraction < 1)) {
      throw new IllegalArgumentException("--bad-fraction must be in [0, 1), cannot be: " + badFraction);
    }
    if (!(duplicateFraction >= 0 && duplicateFraction < 1)) {
      throw new IllegalArgumentException("--duplicate-fraction must be in [0, 1), cannot be: " + duplicateFraction);
    }
    if (anomaliesPerKind < 0) {
      throw new IllegalArgumentException("--anomalies must be at least 0, cannot be: " + anomaliesPerKind);
    }
    if (rolloutEffect != null && !(rolloutEffect > -0.9 && rolloutEffect < 2)) {
      throw new IllegalArgumentException("--rollout-effect must be in (-0.9, 2), cannot be: " + rolloutEffect);
    }
    if (rowsPerFile < 1000) {
      throw new IllegalArgumentException("--rows-per-file must be at least 1000, cannot be: " + rowsPerFile);
    }
  }

  /** The extract date of the generated root: the last day of {@code to}. */
  public LocalDate asOf() {
    return to.atEndOfMonth();
  }

  public int months() {
    return (int) (from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1);
  }

  public String extension() {
    return "." + format + (gzip ? ".gz" : "");
  }
}
