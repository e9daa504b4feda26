package org.justicemonitor.cli;

import picocli.CommandLine.Option;

/** {@code --input}: only on the commands that read the input root (ingest, run, evaluate). */
final class InputOption {

  @Option(names = "--input", paramLabel = "DIR", description = "Input root, one directory per dataset (default: ${DEFAULT-VALUE}).")
  String input = "data-samples";
}
