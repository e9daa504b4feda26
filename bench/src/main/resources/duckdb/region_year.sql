-- The contract's indicators/region_year from the DuckDB ingest's Parquet, with the contract's
-- definitions (docs/methodology.md): first-instance cases, calendar years from the earliest
-- filing of any case to the extract date, every region of the reference, exact percentiles with
-- linear interpolation, disclosure control at k cases, values rounded to six decimals.
-- Placeholders: ${root}, ${out}, ${as_of}, ${k}.

CREATE TEMP TABLE cases AS SELECT * FROM read_parquet('${out}/ingested/cases/*/*.parquet', hive_partitioning = true);

CREATE TEMP TABLE grid AS
SELECT r.region_code, CAST(y.range AS VARCHAR) AS period
FROM read_csv('${root}/regions/*.csv', header = true, all_varchar = true) r
CROSS JOIN range((SELECT year(min(filed_at)) FROM cases), year(DATE '${as_of}') + 1) y;

CREATE TEMP TABLE region_year AS
WITH district AS (
  SELECT region_code,
    CAST(year(filed_at) AS VARCHAR) AS filed_period,
    CAST(year(decided_at) AS VARCHAR) AS decided_period,
    decided_at - filed_at AS days_to_decision,
    CASE WHEN filing_channel = 'e_filing' THEN registered_at - filed_at END AS days_to_register,
    case_category IN ('civil', 'administrative') AS party_filed,
    case_category IN ('civil', 'administrative') AND filing_channel = 'e_filing' AS party_e_filed,
    coalesce(hearing_format IN ('online', 'mixed'), false) AS online_hearing,
    coalesce(hearing_format IN ('online', 'mixed', 'in_person'), false) AS hearing_held
  FROM cases WHERE court_level = 'district'
), filed AS (
  SELECT region_code, filed_period AS period, count(*) AS incoming,
    count(*) FILTER (party_filed) AS e_filing_base, count(*) FILTER (party_e_filed) AS e_filing_cases,
    quantile_cont(days_to_register, 0.5) AS median_days_to_register_e_filing, count(days_to_register) AS register_base
  FROM district GROUP BY ALL
), resolved AS (
  SELECT region_code, decided_period AS period, count(*) AS resolved,
    count(*) FILTER (online_hearing) AS online_hearings, count(*) FILTER (hearing_held) AS hearings_base,
    quantile_cont(days_to_decision, 0.5) AS median_days_to_decision, quantile_cont(days_to_decision, 0.9) AS p90_days_to_decision
  FROM district WHERE decided_period IS NOT NULL GROUP BY ALL
), service AS (
  SELECT region_code, substr(event_month, 1, 4) AS period, count(*) AS service_requests,
    count(*) FILTER (status IN ('server_error', 'timeout')) AS service_failures
  FROM read_parquet('${out}/ingested/service_events/*/*.parquet', hive_partitioning = true) GROUP BY ALL
), flow AS (
  SELECT g.region_code, g.period,
    coalesce(incoming, 0) AS incoming, coalesce(resolved, 0) AS resolved,
    sum(coalesce(incoming, 0) - coalesce(resolved, 0)) OVER (PARTITION BY g.region_code ORDER BY g.period) AS pending_end,
    coalesce(e_filing_base, 0) AS e_filing_base, coalesce(e_filing_cases, 0) AS e_filing_cases,
    coalesce(online_hearings, 0) AS online_hearings, coalesce(hearings_base, 0) AS hearings_base,
    coalesce(register_base, 0) AS register_base, coalesce(service_requests, 0) AS service_requests,
    coalesce(service_failures, 0) AS service_failures,
    median_days_to_decision, p90_days_to_decision, median_days_to_register_e_filing
  FROM grid g
  LEFT JOIN filed USING (region_code, period)
  LEFT JOIN resolved USING (region_code, period)
  LEFT JOIN service USING (region_code, period)
), rated AS (
  SELECT *,
    CASE WHEN incoming <> 0 THEN resolved / incoming END AS clearance_rate,
    CASE WHEN resolved <> 0 THEN 365 * pending_end / resolved END AS disposition_time_days,
    CASE WHEN e_filing_base <> 0 THEN e_filing_cases / e_filing_base END AS e_filing_share,
    CASE WHEN hearings_base <> 0 THEN online_hearings / hearings_base END AS online_hearing_share,
    CASE WHEN service_requests <> 0 THEN service_failures / service_requests END AS service_failure_rate,
    -- Disclosure control, in the contract's column order: each value and the counts it rests on.
    [CASE WHEN incoming < ${k} THEN 'incoming' END,
     CASE WHEN resolved < ${k} THEN 'resolved' END,
     CASE WHEN pending_end < ${k} THEN 'pending_end' END,
     CASE WHEN incoming < ${k} OR resolved < ${k} THEN 'clearance_rate' END,
     CASE WHEN resolved < ${k} OR pending_end < ${k} THEN 'disposition_time_days' END,
     CASE WHEN resolved < ${k} THEN 'median_days_to_decision' END,
     CASE WHEN resolved < ${k} THEN 'p90_days_to_decision' END,
     CASE WHEN e_filing_base < ${k} THEN 'e_filing_share' END,
     CASE WHEN hearings_base < ${k} THEN 'online_hearing_share' END,
     CASE WHEN register_base < ${k} THEN 'median_days_to_register_e_filing' END,
     CASE WHEN service_requests < ${k} THEN 'service_requests' END,
     CASE WHEN service_requests < ${k} THEN 'service_failure_rate' END] AS flags
  FROM flow
), suppressed AS (
  SELECT *, list_filter(flags, x -> x IS NOT NULL) AS hidden FROM rated
)
SELECT region_code, period,
  CASE WHEN NOT list_contains(hidden, 'incoming') THEN incoming END AS incoming,
  CASE WHEN NOT list_contains(hidden, 'resolved') THEN resolved END AS resolved,
  CASE WHEN NOT list_contains(hidden, 'pending_end') THEN pending_end END AS pending_end,
  CASE WHEN NOT list_contains(hidden, 'clearance_rate') THEN round(clearance_rate, 6) END AS clearance_rate,
  CASE WHEN NOT list_contains(hidden, 'disposition_time_days') THEN round(disposition_time_days, 6) END AS disposition_time_days,
  CASE WHEN NOT list_contains(hidden, 'median_days_to_decision') THEN round(median_days_to_decision, 6) END AS median_days_to_decision,
  CASE WHEN NOT list_contains(hidden, 'p90_days_to_decision') THEN round(p90_days_to_decision, 6) END AS p90_days_to_decision,
  CASE WHEN NOT list_contains(hidden, 'e_filing_share') THEN round(e_filing_share, 6) END AS e_filing_share,
  CASE WHEN NOT list_contains(hidden, 'online_hearing_share') THEN round(online_hearing_share, 6) END AS online_hearing_share,
  CASE WHEN NOT list_contains(hidden, 'median_days_to_register_e_filing') THEN round(median_days_to_register_e_filing, 6) END AS median_days_to_register_e_filing,
  CASE WHEN NOT list_contains(hidden, 'service_requests') THEN service_requests END AS service_requests,
  CASE WHEN NOT list_contains(hidden, 'service_failure_rate') THEN round(service_failure_rate, 6) END AS service_failure_rate,
  len(hidden) > 0 AS suppressed,
  CASE WHEN len(hidden) > 0 THEN array_to_string(hidden, ', ') || ' rest on fewer than ${k} cases' END AS suppression_reason
FROM suppressed
ORDER BY region_code, period;

COPY region_year TO '${out}/indicators/region_year.csv' (HEADER, DELIMITER ',');
