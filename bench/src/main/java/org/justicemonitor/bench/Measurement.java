package org.justicemonitor.bench;

/** What one step cost: wall time, CPU time (user + system, all threads) and peak resident memory. */
public record Measurement(String step, double wallSeconds, double cpuSeconds, long peakRssBytes) {

  public double peakRssGib() {
    return peakRssBytes / (1024.0 * 1024 * 1024);
  }
}
