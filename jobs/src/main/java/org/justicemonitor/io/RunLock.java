package org.justicemonitor.io;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who holds an output root: {@code "<run> <host> <pid>"}. A holder on this host whose process is
 * gone left the lock behind when it was killed; one on another host cannot be checked from here.
 */
final class RunLock {

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

  private RunLock() {}
}
