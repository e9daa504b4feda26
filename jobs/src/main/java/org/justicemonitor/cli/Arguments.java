package org.justicemonitor.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Settings built from options, checked before Spark starts: a value out of range is a wrong
 * argument, reported in one line with exit code 2 like an unknown option, not a failed job.
 */
final class Arguments {

  private Arguments() {}

  static <T> T checked(CommandSpec spec, Supplier<T> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
