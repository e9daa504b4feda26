package org.justicemonitor.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.log;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The per-case durations that the impact estimate and the channel comparison measure, on the log
 * scale so that differences are relative, and the cases each can be measured on. Cases filed
 * within a horizon before the extract date are left out: many are still pending, and the fast
 * ones already decided (or registered) would make recent months look faster wherever they are.
 */
public final class CaseDurations {

  static final int DECISION_HORIZON_DAYS = 365;
  static final int REGISTRATION_HORIZON_DAYS = 60;

  /** ln(days to decision): a decision on the day of filing counts as one day, the log needs a positive number. */
  public static final Column LOG_DAYS_TO_DECISION = log(greatest(datediff(col("decided_at"), col("filed_at")), lit(1)));
  /** ln(1 + days to registration): registration on the filing day is common, and 0 stays 0. */
  public static final Column LOG_DAYS_TO_REGISTER = log1p(datediff(col("registered_at"), col("filed_at")));

  private CaseDurations() {}

  /** Decided cases filed at least {@value #DECISION_HORIZON_DAYS} days before the extract date. */
  public static Dataset<Row> decided(Dataset<Row> cases, LocalDate asOf) {
    return cases.filter(col("decided_at").isNotNull().and(filedBefore(asOf.minusDays(DECISION_HORIZON_DAYS))));
  }

  /** Registered cases filed at least {@value #REGISTRATION_HORIZON_DAYS} days before the extract date. */
  public static Dataset<Row> registered(Dataset<Row> cases, LocalDate asOf) {
    return cases.filter(col("registered_at").isNotNull().and(filedBefore(asOf.minusDays(REGISTRATION_HORIZON_DAYS))));
  }

  private static Column filedBefore(LocalDate day) {
    return col("filed_at").leq(lit(java.sql.Date.valueOf(day)));
  }
}
