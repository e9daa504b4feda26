package org.justicemonitor;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** How a plan, a log or a file could spell a secret: as text, as hex in either case, as Base64. */
public final class SecretSpellings {

  public static List<String> of(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(secret, HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes),
        Base64.getEncoder().encodeToString(bytes), secret.substring(0, Math.min(secret.length(), 16)));
  }

  /** Fails naming only where the secret was found, never the text around it. */
  public static void assertAbsent(String secret, String text, String where) {
    for (String spelling : of(secret)) {
      assertFalse(text.contains(spelling), where + " holds the key");
    }
  }

  private SecretSpellings() {}
}
