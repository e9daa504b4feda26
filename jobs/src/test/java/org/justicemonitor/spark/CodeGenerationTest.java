package org.justicemonitor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.justicemonitor.SharedSpark;

@ExtendWith(SharedSpark.class)
class CodeGenerationTest {

  @Test
  void interpretedUnderTheThresholdCompiledFromIt() {
    assertEquals(Map.of(CodeGeneration.WHOLE_STAGE, "false", CodeGeneration.EXPRESSIONS, "NO_CODEGEN"),
        CodeGeneration.settings(999_999, 1_000_000));
    assertEquals(Map.of(CodeGeneration.WHOLE_STAGE, "true", CodeGeneration.EXPRESSIONS, "FALLBACK"),
        CodeGeneration.settings(1_000_000, 1_000_000));
    // The ingest of data-samples/ (about 4 MB) compiles its validation; a 17-case extract does not.
    assertEquals("true", CodeGeneration.settings(4_000_000, CodeGeneration.RAW_BYTES_WORTH_COMPILING).get(CodeGeneration.WHOLE_STAGE));
    assertEquals("false", CodeGeneration.settings(2_000, CodeGeneration.RAW_BYTES_WORTH_COMPILING).get(CodeGeneration.WHOLE_STAGE));
  }

  @Test
  void aSettingGivenAtLaunchStands() {
    // The tests' session is launched interpreted (SharedSpark): a billion rows do not change that.
    SparkSession spark = SharedSpark.spark();
    CodeGeneration.forTableRows(spark, 1_000_000_000L);
    assertEquals("false", spark.conf().get(CodeGeneration.WHOLE_STAGE));
    assertEquals("NO_CODEGEN", spark.conf().get(CodeGeneration.EXPRESSIONS));
  }
}
