package org.justicemonitor.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on 127.0.0.1, started from the Maven jars: one Master and a
 * number of Workers, each a JVM of its own. Every process started is recorded by its id and
 * stopped by {@link #close}, with whatever it started (executors), also when a test fails.
 */
final class StandaloneCluster implements AutoCloseable {

  private final Path home;
  private final Path logs;
  private final List<String> jvmFlags;
  private final List<Process> started = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final Thread stopOnExit = new Thread(this::stopAll);
  private final int masterPort;

  /**
   * @param sparkHome a directory whose {@code jars/} holds Spark and its dependencies
   * @param jvmFlags the module flags Spark needs on Java 17
   */
  StandaloneCluster(Path sparkHome, Path logs, List<String> jvmFlags) throws IOException {
    this.home = sparkHome;
    this.logs = Files.createDirectories(logs);
    this.jvmFlags = jvmFlags;
    this.masterPort = freePort();
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Starts the Master and the Workers and waits until every Worker has registered. */
  void start(int workerCount, int coresEach, String memoryEach) throws IOException, InterruptedException {
    Path masterLog = logs.resolve("master.log");
    launch(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
        "--webui-port", String.valueOf(freePort())), masterLog);
    for (int i = 1; i <= workerCount; i++) {
      Path workDir = Files.createDirectories(logs.resolveSibling("worker-" + i));
      workers.add(launch(List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
          String.valueOf(coresEach), "--memory", memoryEach, "--webui-port", String.valueOf(freePort()),
          "--work-dir", workDir.toString(), masterUrl()), logs.resolve("worker-" + i + ".log")));
    }
    waitFor(masterLog, "Registering worker", workerCount, Duration.ofSeconds(120));
  }

  /** Starts a JVM with Spark's jars on its class path, as spark-class would. */
  Process launch(List<String> mainAndArgs, Path log) throws IOException {
    return launch(mainAndArgs, log, Map.of());
  }

  /** {@link #launch(List, Path)} with more environment, such as a secret for the driver. */
  Process launch(List<String> mainAndArgs, Path log, Map<String, String> moreEnvironment) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-Xmx" + (mainAndArgs.get(0).endsWith("SparkSubmit") ? "2g" : "512m"));
    command.add("-cp");
    command.add(home.resolve("jars") + "/*");
    command.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(pb.environment());
    pb.environment().putAll(moreEnvironment);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private void environment(Map<String, String> env) {
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
  }

  /** Kills a Worker as a lost machine dies: the Worker and its executors at once, no goodbye. */
  long killWorker(int index) throws InterruptedException {
    Process worker = workers.get(index);
    List<ProcessHandle> executors = worker.descendants().toList();
    executors.forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly().waitFor();
    for (ProcessHandle executor : executors) {
      executor.onExit().join();
    }
    return worker.pid();
  }

  /** Waits until a log file holds a text a number of times. */
  static void waitFor(Path log, String text, int times, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && count(Files.readString(log), text) >= times) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no '" + text + "' (x" + times + ") in " + log + " after " + timeout);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    stopAll();
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
  }

  private void stopAll() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : started) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A SPARK_HOME for the Workers under {@code work}: {@code jars/} links to the jars Spark runs with. */
  static Path sparkHome(Path work, Path jobs) throws IOException {
    Path jars = Files.createDirectories(work.resolve("spark-home/jars"));
    for (String jar : Files.readString(jobs.resolve("target/launcher/classpath.txt")).strip().split(":")) {
      Path source = Path.of(jar);
      Path link = jars.resolve(source.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, source);
      }
    }
    return jars.getParent();
  }

  /** The module flags Spark needs on Java 17, as the build wrote them for the launcher. */
  static List<String> jvmFlags(Path jobs) throws IOException {
    return java.util.Arrays.asList(Files.readString(jobs.resolve("target/launcher/jvm-flags.txt")).strip().split("\\s+"));
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
