package org.justicemonitor.indicators;

import org.justicemonitor.disclosure.Disclosure;
import org.justicemonitor.measures.CaseCells;
import org.justicemonitor.measures.CaseFlow;

/**
 * The case side of digital adoption beyond the contract's two shares: how many administrative
 * offences arrive through the police E-Protocol and how fast they are decided, and how many
 * decisions reach the public database of judicial acts and how fast.
 *
 * <ul>
 *   <li>e_protocol_share = {@code administrative_offence} cases filed in the period through
 *       {@code e_protocol} / all {@code administrative_offence} cases filed in it;
 *   <li>median_days_protocol_to_decision = median of {@code decided_at − filed_at} over E-Protocol
 *       administrative offences decided in the period;
 *   <li>publication_share = cases decided in the period with a {@code published_at} / all cases
 *       decided in it (as of the extract date: recent decisions may still be published);
 *   <li>median_days_to_publication = median of {@code published_at − decided_at} over the cases
 *       decided in the period that are published.
 * </ul>
 */
public final class DigitalAdoption {
  // The values themselves come with the case flow (CaseFlow, from CaseCells): one pass serves both.

  /** Disclosure rules: each value rests on the cases it is computed over. */
  private DigitalAdoption() {}
}
