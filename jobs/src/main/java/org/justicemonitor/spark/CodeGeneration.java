package org.justicemonitor.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Whether Spark compiles each query to Java code or interprets it, chosen by how much a stage
 * reads. Compiling pays when there are rows enough to run the code over; on a small extract a
 * stage compiles a thousand classes (Janino, then the JIT) to run each over a few thousand rows,
 * and interpreting the same plans gives the same results sooner (docs/benchmarks.md, "Compiled
 * or interpreted"). A setting given at launch ({@code --conf} or {@code -D}) always stands.
 */
public final class CodeGeneration {

  /** Whole-stage code generation: one class per pipeline of operators. */
  public static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  /** Whether single expressions, projections and orderings are compiled ({@code CODEGEN_ONLY}/{@code FALLBACK}) or interpreted ({@code NO_CODEGEN}). */
  static final String EXPRESSIONS = "spark.sql.codegen.factoryMode";

  /** Raw input from which the ingest's parsing and validation are compiled. */
  public static final long RAW_BYTES_WORTH_COMPILING = 2L << 20;
  /** Ingested rows from which the later stages' queries are compiled. */
  public static final long TABLE_ROWS_WORTH_COMPILING = 1_000_000L;

  private CodeGeneration() {}

  /** For the ingest: by the bytes of the files it reads. */
  public static void forRawBytes(SparkSession spark, long bytes) {
    choose(spark, bytes, RAW_BYTES_WORTH_COMPILING);
  }

  /** For a stage that reads the ingested tables: by their rows. */
  public static void forTableRows(SparkSession spark, long rows) {
    choose(spark, rows, TABLE_ROWS_WORTH_COMPILING);
  }

  private static void choose(SparkSession spark, long size, long threshold) {
    settings(size, threshold).forEach((key, value) -> {
      if (!spark.sparkContext().getConf().contains(key)) {
        spark.conf().set(key, value);
      }
    });
  }

  /** Interpreted under {@code threshold} units of input, compiled (Spark's defaults) from it on. */
  static Map<String, String> settings(long size, long threshold) {
    boolean interpret = size < threshold;
    Map<String, String> out = new LinkedHashMap<>();
    out.put(WHOLE_STAGE, interpret ? "false" : "true");
    out.put(EXPRESSIONS, interpret ? "NO_CODEGEN" : "FALLBACK");
    return out;
  }
}
