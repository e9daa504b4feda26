package org.justicemonitor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class NioLocalFileSystemTest {

  @TempDir Path dir;

  @Test
  void modesMapToTheNinePermissionBits() {
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 0755)));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 0644)));
    assertEquals("rwx------", PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 0700)));
    assertEquals("-w---x--x", PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 0211)));
    // The sticky bit is Hadoop's to keep in its own model; the file gets the nine bits.
    assertEquals("rwxrwxrwx", PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 01777)));
  }

  @Test
  void sparkWritesLocalPathsThroughItWithHadoopsPermissions() throws Exception {
    SparkSession spark = SharedSpark.spark();
    FileSystem fs = FileSystem.get(dir.toUri(), spark.sparkContext().hadoopConfiguration());
    assertInstanceOf(NioLocalFileSystem.class, fs);

    org.apache.hadoop.fs.Path made = new org.apache.hadoop.fs.Path(dir.resolve("a/b").toUri());
    fs.mkdirs(made, new FsPermission((short) 0750));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    fs.setPermission(made, new FsPermission((short) 0700));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));

    StructType schema = new StructType().add("n", DataTypes.IntegerType);
    Path table = dir.resolve("table");
    spark.createDataFrame(List.of(RowFactory.create(1), RowFactory.create(2)), schema)
        .coalesce(1).write().parquet(table.toString());
    List<Row> back = spark.read().parquet(table.toString()).orderBy("n").collectAsList();
    assertEquals(List.of(RowFactory.create(1), RowFactory.create(2)), back);
    // Files and directories as Hadoop's own local file system leaves them under the default umask 022.
    try (var files = Files.list(table)) {
      for (Path f : files.toList()) {
        assertEquals(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.getFileName().toString());
      }
    }
  }
}
