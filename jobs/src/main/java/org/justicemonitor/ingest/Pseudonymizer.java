package org.justicemonitor.ingest;

import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Replaces identifiers by a keyed HMAC-SHA256 pseudonym (the first 128 bits, as 32 hex digits):
 * stable for a key, so joins across datasets and runs still work, and not reversible without
 * the key.
 *
 * <p>This is one of the few UDFs in the project, on purpose: Spark has no HMAC function, and
 * building one from {@code sha2} over literals would put the key into the query plan, which
 * Spark prints in its UI and event logs. Inside a UDF the key only travels in the serialized
 * task.
 */
public final class Pseudonymizer implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PSEUDONYM_HEX_DIGITS = 32;

  private final UserDefinedFunction function;

  public Pseudonymizer(PseudonymizationKey key) {
    HmacFunction hmac = new HmacFunction(key.bytes());
    this.function = udf(hmac, DataTypes.StringType).withName("pseudonym");
  }

  /** The pseudonym of a string column; null stays null. */
  public Column pseudonym(Column identifier) {
    return function.apply(identifier);
  }

  /** The pseudonym computed on the driver, for tests and for looking up a known identifier. */
  public static String pseudonym(PseudonymizationKey key, String identifier) {
    return new HmacFunction(key.bytes()).call(identifier);
  }

  private static final class HmacFunction implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final byte[] key;
    private transient ThreadLocal<Mac> mac;

    HmacFunction(byte[] key) {
      this.key = key.clone();
    }

    @Override
    public String call(String identifier) {
      if (identifier == null) {
        return null;
      }
      if (mac == null) {
        mac = ThreadLocal.withInitial(this::newMac);
      }
      byte[] digest = mac.get().doFinal(identifier.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, PSEUDONYM_HEX_DIGITS / 2);
    }

    private Mac newMac() {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
      }
    }
  }
}
