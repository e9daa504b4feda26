package org.justicemonitor.contract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.year;
import static org.justicemonitor.contract.ColumnSpec.enumOf;
import static org.justicemonitor.contract.ColumnSpec.of;
import static org.justicemonitor.contract.ColumnType.BOOLEAN;
import static org.justicemonitor.contract.ColumnType.DATE;
import static org.justicemonitor.contract.ColumnType.LONG;
import static org.justicemonitor.contract.ColumnType.STRING;
import static org.justicemonitor.contract.ColumnType.TIMESTAMP;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** The input datasets of {@code shared/spec/data-contract.md}, column for column. */
public final class Contract {

  /** No date in an extract is earlier than this. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

  /** Region code of service events whose user's region is unknown. */
  public static final String UNKNOWN_REGION = "00";

  public static final List<String> COURT_LEVELS = List.of("district", "regional", "supreme");
  public static final List<String> CASE_CATEGORIES =
      List.of("civil", "criminal", "administrative_offence", "administrative");
  public static final List<String> FILING_CHANNELS = List.of("e_filing", "paper", "e_protocol", "other");
  public static final List<String> HEARING_FORMATS = List.of("online", "in_person", "mixed", "written");
  public static final List<String> OUTCOMES =
      List.of(
          "satisfied",
          "partially_satisfied",
          "rejected",
          "returned",
          "settled",
          "terminated",
          "convicted",
          "acquitted",
          "other");
  public static final List<String> LANGUAGES = List.of("kk", "ru");
  public static final List<String> SERVICES =
      List.of(
          "e_filing",
          "case_tracking",
          "document_access",
          "online_hearing",
          "e_payment",
          "notification",
          "e_notary",
          "e_protocol");
  public static final List<String> CHANNELS = List.of("web", "mobile", "service_center", "api");
  public static final List<String> USER_TYPES =
      List.of("citizen", "advocate", "legal_entity", "notary", "police", "court_staff");
  public static final List<String> STATUSES = List.of("ok", "client_error", "server_error", "timeout");
  public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
  public static final List<String> INCIDENT_KINDS =
      List.of(
          "unauthorized_access",
          "data_leak",
          "malware",
          "ddos",
          "misconfiguration",
          "insider",
          "other");

  public static final DatasetSpec CASES =
      new DatasetSpec(
          "cases",
          List.of(
              of("case_id", STRING, true).asIdentifier(),
              of("court_id", STRING, true),
              enumOf("court_level", true, COURT_LEVELS.toArray(String[]::new)),
              of("region_code", STRING, true).asRegionCode(),
              enumOf("case_category", true, CASE_CATEGORIES.toArray(String[]::new)),
              enumOf("filing_channel", true, FILING_CHANNELS.toArray(String[]::new)),
              of("filed_at", DATE, true),
              of("registered_at", DATE, false),
              of("first_hearing_at", DATE, false),
              of("decided_at", DATE, false),
              enumOf("hearing_format", false, HEARING_FORMATS.toArray(String[]::new)),
              enumOf("outcome", false, OUTCOMES.toArray(String[]::new)),
              of("appealed", BOOLEAN, false),
              of("judge_id", STRING, false).asIdentifier(),
              of("party_represented", BOOLEAN, false),
              of("published_at", DATE, false),
              enumOf("language", false, LANGUAGES.toArray(String[]::new))))
          .withTimeOrder("filed_at", "registered_at", "first_hearing_at", "decided_at", "published_at")
          .withPresenceRule("outcome", "decided_at", "outcome_without_decision")
          .withPresenceRule("decided_at", "outcome", "decision_without_outcome")
          .versionedBy("case_id")
          .partitionedBy("filed_year", DataTypes.IntegerType, year(col("filed_at")))
          .sortedBy("filed_at", "case_id");

  public static final DatasetSpec SERVICE_EVENTS =
      new DatasetSpec(
          "service_events",
          List.of(
              of("event_ts", TIMESTAMP, true),
              enumOf("service", true, SERVICES.toArray(String[]::new)),
              of("region_code", STRING, true).asRegionCode(UNKNOWN_REGION),
              enumOf("channel", true, CHANNELS.toArray(String[]::new)),
              enumOf("user_type", true, USER_TYPES.toArray(String[]::new)),
              of("session_id", STRING, false).asIdentifier(),
              enumOf("status", true, STATUSES.toArray(String[]::new)),
              of("latency_ms", LONG, false),
              of("case_id", STRING, false).asIdentifier()))
          .partitionedBy("event_month", DataTypes.StringType, date_format(col("event_ts"), "yyyy-MM"))
          .sortedBy("event_ts");

  public static final DatasetSpec SECURITY_INCIDENTS =
      new DatasetSpec(
          "security_incidents",
          List.of(
              of("incident_id", STRING, true),
              of("system", STRING, true),
              of("region_code", STRING, false).asRegionCode(),
              enumOf("severity", true, SEVERITIES.toArray(String[]::new)),
              enumOf("kind", true, INCIDENT_KINDS.toArray(String[]::new)),
              of("detected_at", TIMESTAMP, true),
              of("resolved_at", TIMESTAMP, false),
              of("records_affected", LONG, false),
              of("subjects_notified_at", TIMESTAMP, false)))
          .withTimeOrder("detected_at", "resolved_at")
          .sortedBy("detected_at", "incident_id");

  /**
   * Optional: when a digital programme started where. A court named is the unit; a region named
   * without a court stands for every court of the region.
   */
  public static final DatasetSpec ROLLOUTS =
      new DatasetSpec(
          "rollouts",
          List.of(
              of("program", STRING, true),
              of("court_id", STRING, false),
              of("region_code", STRING, false).asRegionCode(),
              of("started_on", DATE, true)))
          .withOneOf("court_id", "region_code", "no_adopting_unit")
          .sortedBy("program", "started_on", "court_id", "region_code");

  /** The datasets {@code ingest} validates, in the order it processes them. */
  public static final List<DatasetSpec> INGESTED = List.of(CASES, SERVICE_EVENTS, SECURITY_INCIDENTS, ROLLOUTS);

  private Contract() {}
}
