package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import org.apache.spark.sql.Column;
import org.justicemonitor.spark.DataFrames;

/**
 * Access to justice, beside the case flow: who can use the courts in their language, with a
 * lawyer, and with a second look at the decision; and how long the pending cases have waited.
 *
 * <ul>
 *   <li>kk_language_share = cases filed in the period whose proceedings are in Kazakh / cases
 *       filed in it with the language recorded (the Russian share is one minus it: the contract
 *       knows these two);
 *   <li>representation_rate = cases decided in the period in which a party had an advocate or
 *       legal representative / cases decided in it with {@code party_represented} recorded;
 *   <li>appeal_rate = cases decided in the period whose decision was appealed / cases decided in
 *       it with {@code appealed} recorded. As of the extract date: the last weeks' decisions may
 *       still be appealed, so the latest period reads low;
 *   <li>the NJDG pending-age bands of {@link PendingAge#BANDS}.
 * </ul>
 *
 * <p>A case without the attribute is left out of its share rather than counted as "no": an
 * extract that does not record representation says nothing about it. Each share rests on the
 * cases it divides, so it is published only from k of them.
 */
public final class AccessToJustice {

  private AccessToJustice() {}

  /** The three shares by column name, in the order of the contract, to set beside other columns. */
  static LinkedHashMap<String, Column> shares() {
    LinkedHashMap<String, Column> shares = new LinkedHashMap<>();
    shares.put("kk_language_share", share(CaseCells.KAZAKH));
    shares.put("representation_rate", share(CaseCells.REPRESENTED));
    shares.put("appeal_rate", share(CaseCells.APPEALED));
    return shares;
  }

  private static Column share(CaseCells.YesNo attribute) {
    return DataFrames.ratio(col(attribute.yes()), col(attribute.recorded()));
  }
}
