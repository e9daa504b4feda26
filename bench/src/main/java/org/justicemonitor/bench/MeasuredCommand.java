package org.justicemonitor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one command of the benchmark and measures it: the whole process through {@code
 * /usr/bin/time} (wall, user + system CPU, peak RSS), and each stage it announces on its console
 * ({@code [ingest] started} ... {@code [ingest] done in 12.3 s}) by sampling the process's CPU
 * counters and resident memory in {@code /proc} a few times a second. The step lines the jobs
 * print ({@code [indicators] region_year (41.0 s)}) are kept too.
 */
public final class MeasuredCommand {

  private static final Pattern STARTED = Pattern.compile("^\\[([a-z ]+)\\] started$");
  private static final Pattern DONE = Pattern.compile("^\\[([a-z ]+)\\] done in [0-9.]+ s$");
  private static final Pattern STEP = Pattern.compile("^\\[([a-z ]+)\\] (.+) \\(([0-9.]+) s\\)$");
  private static final long SAMPLE_MILLIS = 200;
  /** Linux reports CPU time in clock ticks of 1/100 s. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** The whole command, then each stage it announced. */
  public record Result(Measurement whole, List<Measurement> stages, Map<String, Double> stepSeconds) {}

  private final Path log;

  /** @param log where the command's console output goes, in full */
  public MeasuredCommand(Path log) {
    this.log = log;
  }

  public Result run(String name, List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    Path timeFile = Files.createTempFile("time", ".txt");
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
    timed.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process time = builder.start();
    Sampler sampler = new Sampler(time.toHandle());
    Thread sampling = new Thread(sampler, "sampler");
    sampling.setDaemon(true);
    sampling.start();

    List<Measurement> stages = new ArrayList<>();
    Map<String, Double> steps = new LinkedHashMap<>();
    Map<String, long[]> open = new LinkedHashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(time.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        copy.println(line);
        copy.flush();
        Matcher m;
        if ((m = STARTED.matcher(line)).matches()) {
          open.put(m.group(1), new long[] {System.nanoTime(), sampler.cpuTicks(), sampler.resetPeak()});
        } else if ((m = DONE.matcher(line)).matches() && open.containsKey(m.group(1))) {
          long[] start = open.remove(m.group(1));
          stages.add(new Measurement(m.group(1), (System.nanoTime() - start[0]) / 1e9,
              (sampler.cpuTicks() - start[1]) / TICKS_PER_SECOND, sampler.peak()));
        } else if ((m = STEP.matcher(line)).matches()) {
          // A table is computed, then written after the suppression: each of its lines counts.
          steps.merge(m.group(1) + ": " + m.group(2), Double.parseDouble(m.group(3)), Double::sum);
        }
      }
    }
    int exit = time.waitFor();
    sampler.stop();
    String[] t = Files.readString(timeFile).strip().split("\\R");
    String[] fields = t[t.length - 1].split(" ");
    Files.delete(timeFile);
    if (exit != 0) {
      throw new IOException(name + " failed with exit code " + exit + "; see " + log);
    }
    Measurement whole = new Measurement(name, Double.parseDouble(fields[0]),
        Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]), Long.parseLong(fields[3]) * 1024);
    return new Result(whole, stages, steps);
  }

  /** Samples the measured process (the child of {@code time}) for CPU ticks and resident memory. */
  private static final class Sampler implements Runnable {
    private final ProcessHandle time;
    private volatile boolean running = true;
    private volatile long cpuTicks;
    private volatile long peakRss;

    Sampler(ProcessHandle time) {
      this.time = time;
    }

    @Override
    public void run() {
      while (running) {
        time.children().findFirst().ifPresent(this::sample);
        try {
          Thread.sleep(SAMPLE_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void sample(ProcessHandle child) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"));
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        cpuTicks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(child.pid()), "status"))) {
          if (line.startsWith("VmRSS:")) {
            long rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            peakRss = Math.max(peakRss, rss);
          }
        }
      } catch (IOException | RuntimeException gone) {
        // The process ended between two samples.
      }
    }

    long cpuTicks() {
      return cpuTicks;
    }

    long peak() {
      return peakRss;
    }

    /** Starts a new peak (a stage's own); returns 0 for the record. */
    long resetPeak() {
      peakRss = 0;
      return 0;
    }

    void stop() {
      running = false;
    }
  }
}
