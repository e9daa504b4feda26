-- The benchmark's DuckDB ingest: the same CSV files to Parquet with the same schema and
-- partitions as justice-monitor's ingested/cases and ingested/service_events, through the
-- contract's type, enum, region, date-range and row-order checks; a failing row goes to a
-- quarantine table with its reason. Not done here (the Spark job does them): the
-- personal-data patterns, the HMAC pseudonyms and case versions (benchmark roots have none).
-- Placeholders: ${root}, ${out}, ${as_of}.

CREATE TEMP TABLE regions AS
SELECT region_code FROM read_csv('${root}/regions/*.csv', header = true, all_varchar = true);

CREATE TEMP TABLE cases_checked AS
WITH raw AS (
  SELECT * FROM read_csv('${root}/cases/*.csv*', header = true, all_varchar = true, union_by_name = true)
), typed AS (
  SELECT *,
    CASE WHEN regexp_full_match(filed_at, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(filed_at AS DATE) END AS t_filed,
    CASE WHEN regexp_full_match(registered_at, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(registered_at AS DATE) END AS t_registered,
    CASE WHEN regexp_full_match(first_hearing_at, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(first_hearing_at AS DATE) END AS t_first_hearing,
    CASE WHEN regexp_full_match(decided_at, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(decided_at AS DATE) END AS t_decided,
    CASE WHEN regexp_full_match(published_at, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(published_at AS DATE) END AS t_published,
    CASE lower(appealed) WHEN 'true' THEN true WHEN 'false' THEN false END AS t_appealed,
    CASE lower(party_represented) WHEN 'true' THEN true WHEN 'false' THEN false END AS t_represented
  FROM raw
)
SELECT
  case_id, court_id, court_level, region_code, case_category, filing_channel,
  t_filed AS filed_at, t_registered AS registered_at, t_first_hearing AS first_hearing_at, t_decided AS decided_at,
  hearing_format, outcome, t_appealed AS appealed, judge_id, t_represented AS party_represented,
  t_published AS published_at, language,
  nullif(concat_ws('; ',
    CASE WHEN case_id IS NULL THEN 'missing_value(case_id)' END,
    CASE WHEN court_id IS NULL THEN 'missing_value(court_id)' END,
    CASE WHEN court_level IS NULL OR court_level NOT IN ('district', 'regional', 'supreme') THEN 'invalid_enum(court_level)' END,
    CASE WHEN region_code IS NULL OR region_code NOT IN (SELECT region_code FROM regions) THEN 'unknown_region(region_code)' END,
    CASE WHEN case_category IS NULL OR case_category NOT IN ('civil', 'criminal', 'administrative_offence', 'administrative') THEN 'invalid_enum(case_category)' END,
    CASE WHEN filing_channel IS NULL OR filing_channel NOT IN ('e_filing', 'paper', 'e_protocol', 'other') THEN 'invalid_enum(filing_channel)' END,
    CASE WHEN t_filed IS NULL THEN 'invalid_date(filed_at)' END,
    CASE WHEN registered_at IS NOT NULL AND t_registered IS NULL THEN 'invalid_date(registered_at)' END,
    CASE WHEN first_hearing_at IS NOT NULL AND t_first_hearing IS NULL THEN 'invalid_date(first_hearing_at)' END,
    CASE WHEN decided_at IS NOT NULL AND t_decided IS NULL THEN 'invalid_date(decided_at)' END,
    CASE WHEN published_at IS NOT NULL AND t_published IS NULL THEN 'invalid_date(published_at)' END,
    CASE WHEN hearing_format NOT IN ('online', 'in_person', 'mixed', 'written') THEN 'invalid_enum(hearing_format)' END,
    CASE WHEN outcome NOT IN ('satisfied', 'partially_satisfied', 'rejected', 'returned', 'settled', 'terminated', 'convicted', 'acquitted', 'other') THEN 'invalid_enum(outcome)' END,
    CASE WHEN appealed IS NOT NULL AND t_appealed IS NULL THEN 'invalid_boolean(appealed)' END,
    CASE WHEN party_represented IS NOT NULL AND t_represented IS NULL THEN 'invalid_boolean(party_represented)' END,
    CASE WHEN language NOT IN ('kk', 'ru') THEN 'invalid_enum(language)' END,
    CASE WHEN least(t_filed, t_registered, t_first_hearing, t_decided, t_published) < DATE '2000-01-01'
          OR greatest(t_filed, t_registered, t_first_hearing, t_decided, t_published) > DATE '${as_of}' THEN 'date_out_of_range' END,
    CASE WHEN t_filed > t_registered OR t_filed > t_first_hearing OR t_filed > t_decided OR t_filed > t_published
          OR t_registered > t_first_hearing OR t_registered > t_decided OR t_registered > t_published
          OR t_first_hearing > t_decided OR t_first_hearing > t_published OR t_decided > t_published THEN 'date_order' END,
    CASE WHEN (outcome IS NULL) <> (t_decided IS NULL) THEN 'outcome_iff_decision' END
  ), '') AS reason
FROM typed;

COPY (
  SELECT * EXCLUDE (reason), year(filed_at) AS filed_year FROM cases_checked WHERE reason IS NULL ORDER BY filed_at, case_id
) TO '${out}/ingested/cases' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (filed_year));
COPY (SELECT * FROM cases_checked WHERE reason IS NOT NULL) TO '${out}/quarantine/cases.parquet' (FORMAT parquet);

CREATE TEMP TABLE events_checked AS
WITH raw AS (
  SELECT * FROM read_csv('${root}/service_events/*.csv*', header = true, all_varchar = true, union_by_name = true)
), typed AS (
  SELECT *,
    CASE WHEN regexp_full_match(event_ts, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})')
         THEN TRY_CAST(event_ts AS TIMESTAMPTZ) END AS t_ts,
    CASE WHEN regexp_full_match(latency_ms, '[+-]?[0-9]{1,18}') THEN TRY_CAST(latency_ms AS BIGINT) END AS t_latency
  FROM raw
)
SELECT
  t_ts AS event_ts, service, region_code, channel, user_type, session_id, status, t_latency AS latency_ms, case_id,
  nullif(concat_ws('; ',
    CASE WHEN t_ts IS NULL THEN 'invalid_timestamp(event_ts)' END,
    CASE WHEN service IS NULL OR service NOT IN ('e_filing', 'case_tracking', 'document_access', 'online_hearing', 'e_payment', 'notification', 'e_notary', 'e_protocol') THEN 'invalid_enum(service)' END,
    CASE WHEN region_code IS NULL OR (region_code <> '00' AND region_code NOT IN (SELECT region_code FROM regions)) THEN 'unknown_region(region_code)' END,
    CASE WHEN channel IS NULL OR channel NOT IN ('web', 'mobile', 'service_center', 'api') THEN 'invalid_enum(channel)' END,
    CASE WHEN user_type IS NULL OR user_type NOT IN ('citizen', 'advocate', 'legal_entity', 'notary', 'police', 'court_staff') THEN 'invalid_enum(user_type)' END,
    CASE WHEN status IS NULL OR status NOT IN ('ok', 'client_error', 'server_error', 'timeout') THEN 'invalid_enum(status)' END,
    CASE WHEN latency_ms IS NOT NULL AND (t_latency IS NULL OR t_latency < 0) THEN 'invalid_number(latency_ms)' END,
    CASE WHEN CAST(t_ts AS DATE) < DATE '2000-01-01' OR CAST(t_ts AS DATE) > DATE '${as_of}' THEN 'date_out_of_range(event_ts)' END
  ), '') AS reason
FROM typed;

COPY (
  SELECT * EXCLUDE (reason), strftime(event_ts, '%Y-%m') AS event_month FROM events_checked WHERE reason IS NULL ORDER BY event_ts
) TO '${out}/ingested/service_events' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (event_month));
COPY (SELECT * FROM events_checked WHERE reason IS NOT NULL) TO '${out}/quarantine/service_events.parquet' (FORMAT parquet);
