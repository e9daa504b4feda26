package org.justicemonitor.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}), with file and directory permissions set through
 * java.nio. Without Hadoop's native library (Spark does not ship it) {@link RawLocalFileSystem}
 * sets each permission by starting a {@code chmod} process: every directory and file a Spark job
 * writes, about 1,200 processes for the smallest run, each a fork of the driver's JVM.
 * Registered as {@code fs.file.impl} by {@code SparkSessions}; where POSIX permissions do not
 * exist (Windows), Hadoop's own way is kept.
 */
public class NioLocalFileSystem extends LocalFileSystem {

  public NioLocalFileSystem() {
    super(new NioRawLocalFileSystem());
  }

  /** The raw file system beneath the checksums, where permissions are set. */
  static final class NioRawLocalFileSystem extends RawLocalFileSystem {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (!POSIX) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission.toShort()));
      } catch (UnsupportedOperationException e) {
        // A mount without POSIX permissions under a POSIX system.
        super.setPermission(p, permission);
      }
    }
  }

  /** The nine permission bits of a mode (sticky and set-id bits are not Hadoop's to set here). */
  static Set<PosixFilePermission> posix(short mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] byBit = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };
    for (int bit = 0; bit < byBit.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        out.add(byBit[bit]);
      }
    }
    return out;
  }
}
