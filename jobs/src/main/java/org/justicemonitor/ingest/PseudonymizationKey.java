package org.justicemonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The secret behind the pseudonyms. It comes from the environment variable {@value #ENV_VAR} or
 * from a key file; with neither, only a demo run may go on, with a fixed key that is public and
 * so protects nothing. The key is never printed: {@link #toString()} names only its source.
 */
public final class PseudonymizationKey {

  public static final String ENV_VAR = "JUSTICE_MONITOR_KEY";
  static final String DEMO_KEY = "justice-monitor-demo-key-not-secret";
  private static final int MIN_LENGTH = 16;

  private final byte[] bytes;
  private final String source;
  private final boolean demo;

  private PseudonymizationKey(byte[] bytes, String source, boolean demo) {
    this.bytes = bytes;
    this.source = source;
    this.demo = demo;
  }

  public static PseudonymizationKey of(String secret, String source) {
    String trimmed = secret.strip();
    if (trimmed.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "the pseudonymization key from " + source + " is shorter than " + MIN_LENGTH
              + " characters; use a long random secret, e.g. `openssl rand -hex 32`");
    }
    return new PseudonymizationKey(trimmed.getBytes(StandardCharsets.UTF_8), source, false);
  }

  public static PseudonymizationKey demo() {
    return new PseudonymizationKey(DEMO_KEY.getBytes(StandardCharsets.UTF_8), "demo key", true);
  }

  /**
   * Resolves the key: a key file first, then the environment, then the demo key if allowed.
   *
   * @throws IllegalArgumentException when there is no key and the demo key is not allowed
   */
  public static PseudonymizationKey resolve(Optional<Path> keyFile, Map<String, String> env, boolean allowDemo) {
    if (keyFile.isPresent()) {
      try {
        return of(Files.readString(keyFile.get(), StandardCharsets.UTF_8), "key file " + keyFile.get());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the key file " + keyFile.get() + ": " + e.getMessage(), e);
      }
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return of(fromEnv, "environment variable " + ENV_VAR);
    }
    if (allowDemo) {
      return demo();
    }
    throw new IllegalArgumentException(
        "no pseudonymization key: set " + ENV_VAR + " or pass --key-file FILE"
            + " (or --demo for a trial run with a public demo key)");
  }

  byte[] bytes() {
    return bytes.clone();
  }

  public boolean isDemo() {
    return demo;
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "PseudonymizationKey[" + source + "]";
  }
}
