package org.justicemonitor.io;

/** Path strings that work for local paths and for URIs such as {@code hdfs://} or {@code s3a://}. */
public final class Paths {

  public static String join(String root, String... parts) {
    StringBuilder sb = new StringBuilder(root.replaceAll("/+$", ""));
    for (String part : parts) {
      sb.append('/').append(part.replaceAll("^/+|/+$", ""));
    }
    return sb.toString();
  }

  private Paths() {}
}
