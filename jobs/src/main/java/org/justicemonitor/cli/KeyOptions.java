package org.justicemonitor.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.justicemonitor.ingest.PseudonymizationKey;
import picocli.CommandLine.Option;

/** Where the pseudonymization key comes from. */
public final class KeyOptions {

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "File holding the pseudonymization key (else the environment variable "
          + PseudonymizationKey.ENV_VAR + ").")
  Path keyFile;

  @Option(names = "--demo", description = "Without a key, use a fixed, public demo key. Never for real data.")
  boolean demo;

  PseudonymizationKey resolve() {
    return PseudonymizationKey.resolve(Optional.ofNullable(keyFile), System.getenv(), demo);
  }
}
