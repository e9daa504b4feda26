package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.OptionalInt;
import org.apache.spark.sql.Column;

/**
 * The Kazakh individual identification number (IIN, ЖСН/ИИН): twelve digits whose last one is a
 * control digit. The control digit is the weighted sum of the first eleven digits modulo 11 with
 * weights 1..11; when that gives 10, a second pass with weights 3..11,1,2; when that also gives
 * 10 the number is not valid.
 */
public final class Iin {

  private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

  /** The control digit for eleven leading digits, or empty when no valid IIN starts with them. */
  public static OptionalInt controlDigit(String first11) {
    if (first11.length() != 11 || !first11.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("expected 11 digits: " + first11);
    }
    int first = weightedSum(first11, FIRST_WEIGHTS) % 11;
    if (first != 10) {
      return OptionalInt.of(first);
    }
    int second = weightedSum(first11, SECOND_WEIGHTS) % 11;
    return second == 10 ? OptionalInt.empty() : OptionalInt.of(second);
  }

  public static boolean isValid(String candidate) {
    if (candidate == null
        || candidate.length() != 12
        || !candidate.chars().allMatch(Character::isDigit)) {
      return false;
    }
    OptionalInt control = controlDigit(candidate.substring(0, 11));
    return control.isPresent() && control.getAsInt() == candidate.charAt(11) - '0';
  }

  /** The same rule as a Spark expression over a twelve-digit string column (null when invalid). */
  public static Column controlDigit(Column digits) {
    Column first = pmod(weightedSum(digits, FIRST_WEIGHTS), lit(11));
    Column second = pmod(weightedSum(digits, SECOND_WEIGHTS), lit(11));
    return when(first.notEqual(lit(10)), first).when(second.notEqual(lit(10)), second);
  }

  /** True when a twelve-digit string column holds a valid IIN. */
  public static Column isValid(Column twelveDigits) {
    Column last = substring(twelveDigits, 12, 1).cast("int");
    // The same rule as controlDigit, written so that each weighted sum appears once or twice in
    // the plan, not eight times: a second pass that also gives 10 cannot equal a digit.
    Column first = pmod(weightedSum(twelveDigits, FIRST_WEIGHTS), lit(11));
    Column second = pmod(weightedSum(twelveDigits, SECOND_WEIGHTS), lit(11));
    return when(first.notEqual(lit(10)), first.equalTo(last)).otherwise(second.equalTo(last));
  }

  private static int weightedSum(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * (digits.charAt(i) - '0');
    }
    return sum;
  }

  private static Column weightedSum(Column digits, int[] weights) {
    Column sum = lit(0);
    for (int i = 0; i < weights.length; i++) {
      sum = sum.plus(substring(digits, i + 1, 1).cast("int").multiply(weights[i]));
    }
    return sum;
  }

  private Iin() {}
}
