package org.justicemonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where Spark's time went, from its event log: per step of the run (the job description the jobs
 * set, e.g. {@code indicators: region_year}), the stages' wall time, the tasks' run and CPU time,
 * and the bytes read and shuffled. Executor time above CPU time is waiting: for disk, for
 * shuffle, for the garbage collector.
 */
public final class EventLogSummary {

  /** The totals of one step. */
  public record Step(String name, int stages, double stageSeconds, double taskSeconds, double cpuSeconds, double gcSeconds,
      long inputBytes, long shuffleBytes) {}

  private EventLogSummary() {}

  /**
   * @param directory Spark's {@code spark.eventLog.dir} after one application: a single log file,
   *     or (Spark 4's rolling logs) a directory of {@code events_<n>_<app>} parts
   */
  public static List<Step> read(Path directory) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.walk(directory)) {
      parts = files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("appstatus"))
          .sorted(Comparator.comparingInt(EventLogSummary::partNumber).thenComparing(Comparator.naturalOrder()))
          .toList();
    }
    ObjectMapper json = new ObjectMapper();
    Map<Integer, String> stepOfStage = new HashMap<>();
    Map<String, double[]> totals = new LinkedHashMap<>();
    for (Path part : parts) {
      readPart(part, json, stepOfStage, totals);
    }
    List<Step> steps = new ArrayList<>();
    totals.forEach((name, t) -> steps.add(new Step(name, (int) t[0], t[1], t[2], t[3], t[4], (long) t[5], (long) t[6])));
    steps.sort(Comparator.comparingDouble(Step::taskSeconds).reversed().thenComparing(Step::name));
    return steps;
  }

  private static int partNumber(Path p) {
    String[] name = p.getFileName().toString().split("_");
    return name.length > 1 && name[0].equals("events") && name[1].matches("[0-9]+") ? Integer.parseInt(name[1]) : 0;
  }

  private static void readPart(Path part, ObjectMapper json, Map<Integer, String> stepOfStage, Map<String, double[]> totals)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode event = json.readTree(line);
        String kind = event.path("Event").asText();
        if (kind.equals("SparkListenerJobStart")) {
          String step = event.path("Properties").path("spark.job.description").asText("(no description)");
          for (JsonNode id : event.path("Stage IDs")) {
            stepOfStage.put(id.asInt(), step);
          }
        } else if (kind.equals("SparkListenerStageCompleted")) {
          JsonNode info = event.path("Stage Info");
          String step = stepOfStage.getOrDefault(info.path("Stage ID").asInt(), "(no description)");
          double[] t = totals.computeIfAbsent(step, s -> new double[7]);
          t[0] += 1;
          t[1] += (info.path("Completion Time").asLong() - info.path("Submission Time").asLong()) / 1e3;
          for (JsonNode acc : info.path("Accumulables")) {
            String name = acc.path("Name").asText();
            double value = acc.path("Value").asDouble();
            switch (name) {
              case "internal.metrics.executorRunTime" -> t[2] += value / 1e3;
              case "internal.metrics.executorCpuTime" -> t[3] += value / 1e9;
              case "internal.metrics.jvmGCTime" -> t[4] += value / 1e3;
              case "internal.metrics.input.bytesRead" -> t[5] += value;
              case "internal.metrics.shuffle.write.bytesWritten" -> t[6] += value;
              default -> { }
            }
          }
        }
      }
    }
  }

  /** A Markdown table of the steps with the most task time. */
  public static String markdown(List<Step> steps, int top) {
    StringBuilder md = new StringBuilder();
    md.append("| step (Spark job description) | stages | stage wall s | task s | task CPU s | GC s | input MiB | shuffle written MiB |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Step s : steps.subList(0, Math.min(top, steps.size()))) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %,.0f | %,.0f |%n", s.name(), s.stages(),
          s.stageSeconds(), s.taskSeconds(), s.cpuSeconds(), s.gcSeconds(), s.inputBytes() / 1048576.0,
          s.shuffleBytes() / 1048576.0));
    }
    return md.toString();
  }
}
