package org.justicemonitor.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tail probabilities against sums of the probability mass function, worked out term by term. */
class TailsTest {

  /** P(Y = k) of a negative binomial of mean mu and size r, from its definition. */
  private static double negativeBinomial(int k, double mu, double r) {
    double logP = org.apache.commons.math3.special.Gamma.logGamma(k + r) - org.apache.commons.math3.special.Gamma.logGamma(r)
        - org.apache.commons.math3.special.Gamma.logGamma(k + 1) + r * Math.log(r / (r + mu)) + k * Math.log(mu / (r + mu));
    return Math.exp(logP);
  }

  private static double poisson(int k, double mu) {
    double logP = -mu + k * Math.log(mu) - org.apache.commons.math3.special.Gamma.logGamma(k + 1);
    return Math.exp(logP);
  }

  @Test
  void aNegativeBinomialTailIsTheSumOfItsTerms() {
    double mu = 12.5;
    double r = 3.0;
    double atMost7 = 0;
    for (int k = 0; k <= 7; k++) {
      atMost7 += negativeBinomial(k, mu, r);
    }
    assertEquals(atMost7, Tails.countAtMost(7, mu, r), 1e-12);
    assertEquals(1 - atMost7, Tails.countAtLeast(8, mu, r), 1e-12);
    assertEquals(1.0, Tails.countAtLeast(0, mu, r), 0.0);
  }

  @Test
  void aOneInATrillionTailIsNotLostToRounding() {
    // 24 failures where 2.4 are expected (80 requests at 3%): a Poisson tail of about 2e-15.
    double tail = 0;
    for (int k = 24; k < 200; k++) {
      tail += poisson(k, 2.4);
    }
    assertEquals(1.0, Tails.countAtLeast(24, 2.4, 1e12) / tail, 1e-9);
    // A huge size is a Poisson: both branches agree.
    assertEquals(Tails.countAtLeast(24, 2.4, 1e12), Tails.countAtLeast(24, 2.4, 1e9), 1e-6 * tail);
    // Overdispersion makes the same count less surprising.
    double overdispersed = Tails.countAtLeast(24, 2.4, 5.0);
    assertEquals(true, overdispersed > 1000 * tail, "NB tail " + overdispersed + " against Poisson " + tail);
  }

  @Test
  void aStallOfNoDecisionsHasTheProbabilityOfZero() {
    assertEquals(Math.exp(-30), Tails.countAtMost(0, 30, 1e12), 1e-20);
    assertEquals(Math.pow(4.0 / (4.0 + 30), 4), Tails.countAtMost(0, 30, 4.0), 1e-15);
  }

  @Test
  void studentsTailHasItsTabulatedValues() {
    assertEquals(0.5, Tails.studentAbove(0, 10), 1e-12);
    assertEquals(0.025, Tails.studentAbove(2.228139, 10), 1e-6); // the 97.5% point of t with 10 df
    assertEquals(0.025, Tails.studentAbove(1.959964, 5000), 1e-6); // a normal above 1,000 df
  }
}
