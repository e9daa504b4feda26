package org.justicemonitor;

import java.util.ArrayList;
import java.util.List;

/** The command line as a person runs it, in a JVM of its own, with the test's class path and JVM flags. */
public final class CommandProcess {

  /**
   * @param jvmOptions more JVM options, e.g. {@code -Dspark.eventLog.enabled=true}
   * @param args the command's arguments, e.g. {@code ingest --demo ...}
   */
  public static ProcessBuilder of(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:") || a.startsWith("-D") || a.startsWith("--enable")
            || a.startsWith("--sun"))
        .toList());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.justicemonitor.cli.JusticeMonitor"));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private CommandProcess() {}
}
