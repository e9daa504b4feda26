package org.justicemonitor.io;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.justicemonitor.JobFailure;

/**
 * One run at a time holds an output root: a lock file naming {@code "<run> <host> <pid>"}. A
 * holder on this host whose process is gone left the lock behind when it was killed and is taken
 * over; one on another host cannot be checked from here and is named in the error.
 */
final class RunLock {

  private final FileSystem fs;
  private final Path file;
  private boolean held;

  private RunLock(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** Takes the lock for {@code runId}, or fails naming the run that holds it. */
  static RunLock acquire(FileSystem fs, Path file, String runId, String root) {
    RunLock lock = new RunLock(fs, file);
    String holder = runId + " " + host() + " " + ProcessHandle.current().pid();
    try {
      for (int attempt = 0; attempt < 2; attempt++) {
        if (fs.createNewFile(file)) {
          try (var out = fs.create(file, true)) {
            out.write(holder.getBytes(StandardCharsets.UTF_8));
          }
          lock.held = true;
          return lock;
        }
        String other;
        try (var in = fs.open(file)) {
          other = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!isStale(other)) {
          throw new JobFailure(
              "another run (" + other + ") is writing to " + root + "; wait for it to finish, or, if it is no"
                  + " longer running on that host, delete " + file + " and run again");
        }
        fs.delete(file, false);
      }
      throw new JobFailure("cannot take the lock " + file + "; delete it and run again");
    } catch (IOException e) {
      throw new JobFailure("cannot write to the output directory " + root + " (" + e.getMessage()
          + "); choose an --output directory you can write to", e);
    }
  }

  void release() throws IOException {
    if (held) {
      fs.delete(file, false);
      held = false;
    }
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  static boolean isStale(String holder) {
    String[] parts = holder.strip().split("\\s+");
    if (parts.length != 3 || !parts[1].equals(host())) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(parts[2])).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
