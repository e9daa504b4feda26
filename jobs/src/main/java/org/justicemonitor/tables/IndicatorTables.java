package org.justicemonitor.tables;

import static org.justicemonitor.tables.Measure.count;
import static org.justicemonitor.tables.Measure.flag;
import static org.justicemonitor.tables.Measure.operationalRatio;
import static org.justicemonitor.tables.Measure.perPopulation;
import static org.justicemonitor.tables.Measure.ratio;
import static org.justicemonitor.tables.Measure.shareOfTotal;
import static org.justicemonitor.tables.Measure.statistic;
import static org.justicemonitor.tables.Measure.value;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.justicemonitor.measures.PendingAge;

/**
 * Every indicator table the {@code indicators} stage publishes, declared once ({@link
 * TableDeclaration}). Adding a table is a declaration here, listed in {@link #ALL}, and its
 * computation; the catalog, disclosure control, the linked model, the CSV export and the help
 * read it from here.
 */
public final class IndicatorTables {

  /**
   * The region code of national rows (national_year, channel_comparison). Not the unknown region
   * of the input ({@code Contract.UNKNOWN_REGION}, the same code): a region table never has a row
   * for users of unknown region, which count only in the national figures.
   */
  public static final String NATIONAL = "00";

  private static final String FIRST_INSTANCE = " (first-instance cases of all categories)";

  /** The CEPEJ case flow and days to decision, shared by the regional and breakdown tables. */
  private static final List<Measure> FLOW = List.of(
      count("incoming", "cases filed in the period"),
      count("resolved", "cases decided in the period"),
      count("pending_end", "cases filed by the period's end and not decided by then"),
      ratio("clearance_rate", "resolved", "incoming", "CEPEJ clearance rate: resolved / incoming"),
      ratio("disposition_time_days", "pending_end", "resolved",
          "CEPEJ disposition time: days in the period × pending_end / resolved"),
      statistic("median_days_to_decision", "resolved", "median days from filing to decision, cases resolved in the period"),
      statistic("p90_days_to_decision", "resolved", "90th percentile of days from filing to decision"));

  /**
   * The stock at the period's start (CEPEJ's "pending on 1 January"): in the window's first
   * period, the opening stock of every case filed before the window.
   */
  private static final Measure PENDING_START =
      count("pending_start", "cases filed before the period and not decided by its start");

  /** CNJ (Justiça em Números) case-flow ratios. */
  private static final List<Measure> CNJ = List.of(
      ratio("congestion_rate", "pending_end", List.of("resolved", "pending_end"),
          "CNJ congestion rate: pending_end / (resolved + pending_end)"),
      ratio("demand_service_index", "resolved", "incoming", "CNJ demand-service index: resolved / incoming"));

  /** The CNJ shares of pending cases older than 6, 12 and 24 months. */
  private static final List<Measure> PENDING_OLDER_THAN = PendingAge.MONTHS.stream()
      .map(m -> ratio(PendingAge.share(m), PendingAge.count(m), "pending_end",
          "share of the pending cases pending for more than " + m + " months at the period's end"))
      .toList();

  /** Access to justice: language, representation, appeals and the NJDG pending-age bands. */
  private static final List<Measure> ACCESS = Stream.concat(Stream.of(
      ratio("kk_language_share", "kk_language_cases", "language_known",
          "share of the cases filed in the period that were heard in Kazakh, of those that record the language")
          .within("incoming"),
      ratio("representation_rate", "represented_decisions", "representation_known",
          "share of the decisions of the period where a party had a representative, of those that record it")
          .within("resolved"),
      ratio("appeal_rate", "appealed_decisions", "appeal_known",
          "share of the decisions of the period that were appealed, of those that record it").within("resolved")),
      PendingAge.BANDS.stream().map(b -> ratio(b.column(), b.count(), "pending_end",
          "NJDG band: share of the pending cases whose age at the period's end falls in the band"))).toList();

  private static final List<Measure> REGION_CONTRACT = Stream.concat(FLOW.stream(), Stream.of(
      ratio("e_filing_share", "e_filing_cases", "e_filing_base",
          "share of civil and administrative cases filed in the period through e-filing").within("incoming"),
      ratio("online_hearing_share", "online_hearings", "hearings_base",
          "(online + mixed) / (online + mixed + in person) over cases resolved in the period").within("resolved"),
      statistic("median_days_to_register_e_filing", "register_base",
          "median days from e-filing to registration, e-filed cases filed in the period"),
      count("service_requests", "service events in the period from users of the region"),
      operationalRatio("service_failure_rate", "service_failures", "service_requests",
          "(server errors + timeouts) / service_requests"))).toList();

  private static final List<Measure> REGION_MORE = Stream.concat(Stream.of(
      PENDING_START,
      ratio("e_protocol_share", "e_protocol_offences", "administrative_offences",
          "share of administrative-offence cases that came through the police E-Protocol").within("incoming"),
      statistic("median_days_protocol_to_decision", "e_protocol_decisions",
          "median days from an E-Protocol to its decision"),
      ratio("publication_share", "published_decisions", "resolved",
          "share of the period's decisions published in the public database of judicial acts"),
      statistic("median_days_to_publication", "published_decisions", "median days from decision to publication"),
      operationalRatio("service_center_share", "service_center_requests", "service_requests",
          "share of service requests made at an assisted public service centre"),
      perPopulation("e_notary_requests_per_1000", "e_notary_requests",
          "e-notary requests per 1,000 inhabitants (the region reference's population)")), ACCESS.stream()).toList();

  private static final Measure QUALITY_FLAG =
      flag("quality_flag", "NQ when the value rests on a court whose data-quality score is below the threshold");

  private static TableDeclaration regional(String name, String period, String keyDescription) {
    return TableDeclaration.named(name, "case flow, digital adoption, service use and access to justice by "
            + keyDescription + " and " + period + FIRST_INSTANCE)
        .key("region_code", "2-digit KATO region code; 00 on national rows")
        .key("period", period.equals("month") ? "month, yyyy-MM" : "year, yyyy")
        .measures(REGION_CONTRACT).suppressionColumns().measures(REGION_MORE).measure(QUALITY_FLAG)
        .grain("region_code", "period").build();
  }

  private static TableDeclaration breakdown(String name, String key, String keyDescription, String what) {
    return TableDeclaration.named(name, "case flow, CNJ ratios, pending ages and access to justice by " + what + " and year")
        .key(key, keyDescription).key("period", "year, yyyy")
        .measures(FLOW).measure(PENDING_START).measures(CNJ).measures(PENDING_OLDER_THAN).measures(ACCESS).build();
  }

  private static TableDeclaration court(String name, String period) {
    return TableDeclaration.named(name, "case flow, CNJ ratios, pending ages and access to justice by court and " + period)
        .key("court_id", "court code as exported").key("court_level", "district, regional or supreme")
        .key("region_code", "2-digit KATO region code of the court")
        .key("period", period.equals("month") ? "month, yyyy-MM" : "year, yyyy")
        .measures(FLOW).measure(PENDING_START).measures(CNJ).measures(PENDING_OLDER_THAN).measures(ACCESS).measure(QUALITY_FLAG)
        .grain("court_id", "period").build();
  }

  public static final TableDeclaration REGION_YEAR = regional("region_year", "year", "region");
  public static final TableDeclaration REGION_MONTH = regional("region_month", "month", "region");
  public static final TableDeclaration NATIONAL_YEAR = regional("national_year", "year", "the whole country (region 00)");
  public static final TableDeclaration COURT_YEAR = court("court_year", "year");
  public static final TableDeclaration COURT_MONTH = court("court_month", "month");
  public static final TableDeclaration CATEGORY_YEAR =
      breakdown("category_year", "case_category", "civil, criminal, administrative_offence or administrative",
          "case category (first instance)");
  public static final TableDeclaration LEVEL_YEAR =
      breakdown("level_year", "court_level", "district, regional or supreme", "court level");
  public static final TableDeclaration CHANNEL_YEAR =
      breakdown("channel_year", "filing_channel", "e_filing, paper, e_protocol or other", "filing channel (first instance)");

  public static final TableDeclaration INEQUALITY = TableDeclaration.named("inequality",
          "population-weighted spread of each regional indicator across the regions, per period")
      .key("indicator", "the region_year / region_month column compared").key("period", "year or month")
      .measure(value("gini", "Gini coefficient, population-weighted"))
      .measure(value("theil", "Theil T index"))
      .measure(value("theil_between", "Theil index between the macro-region groups"))
      .measure(value("theil_within", "Theil index within the groups: theil − theil_between"))
      .measure(value("cv", "coefficient of variation: weighted standard deviation / weighted mean"))
      .measure(value("max_min_ratio", "highest regional value / lowest (null when the lowest is 0)"))
      .measure(value("lowest_region", "region with the lowest value"))
      .measure(value("highest_region", "region with the highest value"))
      .measure(value("regions_included", "regions with a published value, of the 20"))
      .measure(value("weighted_mean", "population-weighted mean of the regional values"))
      .build();

  public static final TableDeclaration SERVICE_RELIABILITY_MONTH = TableDeclaration.named("service_reliability_month",
          "requests, failures and latency per e-justice service, user region and month")
      .key("service", "e-justice service").key("region_code", "user's region; 00 when unknown")
      .key("period", "month, yyyy-MM")
      .measure(count("requests", "service events"))
      .measure(operationalRatio("failure_rate", "failures", "requests", "(server errors + timeouts) / requests"))
      .measure(statistic("p50_latency_ms", "requests", "median server latency, ms"))
      .measure(statistic("p95_latency_ms", "requests", "95th percentile of server latency, ms"))
      .measure(statistic("longest_failing_run_hours", "requests", "longest run of judged hours that were down"))
      .build();

  public static final TableDeclaration SERVICE_AVAILABILITY_MONTH = TableDeclaration.named("service_availability_month",
          "availability, outages and latency against a target per service, user region (or all) and month")
      .key("service", "e-justice service").key("region_code", "user's region, or all for the whole country")
      .key("period", "month, yyyy-MM")
      .measure(statistic("judged_hours", "requests", "hours with enough requests to judge"))
      .measure(statistic("outage_hours", "requests", "judged hours that were down"))
      .measure(statistic("availability", "requests", "1 − outage_hours / judged_hours; null when no hour was judged"))
      .measure(statistic("outages", "requests", "runs of down hours"))
      .measure(statistic("longest_outage_hours", "requests", "the longest run of down hours"))
      .measure(statistic("p95_latency_ms", "requests", "95th percentile of server latency, ms"))
      .measure(value("latency_target_ms", "the latency target of the run (--latency-target-ms)"))
      .measure(statistic("p95_within_target", "requests", "p95_latency_ms is within the target"))
      .measure(statistic("share_over_latency_target", "requests", "share of requests slower than the target"))
      .build();

  public static final TableDeclaration SERVICE_USERS_YEAR = TableDeclaration.named("service_users_year",
          "who uses each service: requests by user type and year, nationally")
      .key("period", "year, yyyy").key("service", "e-justice service").key("user_type", "citizen, advocate, …")
      .measure(count("requests", "service events"))
      .measure(shareOfTotal("share_of_service_requests", "requests", "share of the service's requests in the year"))
      .grain("service", "user_type", "period").sortBy("period", "service", "user_type").build();

  private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
  private static final List<String> KINDS =
      List.of("unauthorized_access", "data_leak", "malware", "ddos", "misconfiguration", "insider", "other");

  public static final TableDeclaration SECURITY_YEAR = securityYear();

  private static TableDeclaration securityYear() {
    TableDeclaration.Builder b = TableDeclaration.named("security_year",
            "security incidents per year of detection and system (all = every system); incidents, not cases:"
                + " not under the k rule")
        .key("period", "year, yyyy").key("system", "affected system, or all")
        .measure(value("incidents", "incidents detected"));
    SEVERITIES.forEach(s -> b.measure(value("severity_" + s, "incidents of severity " + s)));
    KINDS.forEach(k -> b.measure(value("kind_" + k, "incidents of kind " + k)));
    b.measure(value("resolved", "incidents resolved"))
        .measure(value("median_hours_to_resolve", "median hours from detection to resolution"));
    SEVERITIES.forEach(s -> b.measure(value("median_hours_to_resolve_" + s, "the same, severity " + s)));
    return b.measure(value("open_incidents", "incidents still open at the extract date"))
        .measure(value("records_affected", "personal-data records exposed"))
        .measure(value("data_leaks", "data_leak incidents"))
        .measure(value("data_leaks_notified_in_time", "data leaks whose subjects were notified within the deadline"))
        .measure(value("notified_in_time_share", "data_leaks_notified_in_time / data_leaks"))
        .build();
  }

  public static final TableDeclaration HEARING_EQUIVALENCE_YEAR = TableDeclaration.named("hearing_equivalence_year",
          "remote (online, mixed) against in-person hearings: days to decision and appeal rates, per category and year")
      .key("case_category", "case category").key("period", "year, yyyy")
      .measure(count("online_decisions", "decisions after an online or mixed hearing"))
      .measure(count("in_person_decisions", "decisions after an in-person hearing"))
      .measure(statistic("median_days_online", "online_decisions", "median days to decision, remote"))
      .measure(statistic("median_days_in_person", "in_person_decisions", "median days to decision, in person"))
      .measure(statistic("days_difference", List.of("online_decisions", "in_person_decisions"),
          "difference of the medians, remote − in person, days"))
      .measure(statistic("days_difference_ci_low", List.of("online_decisions", "in_person_decisions"), "95% CI, low"))
      .measure(statistic("days_difference_ci_high", List.of("online_decisions", "in_person_decisions"), "95% CI, high"))
      .measure(statistic("days_verdict", List.of("online_decisions", "in_person_decisions"),
          "equivalence verdict on days within the margin"))
      .measure(ratio("appeal_rate_online", "online_appeals", "online_appeal_base", "appeal rate, remote"))
      .measure(ratio("appeal_rate_in_person", "in_person_appeals", "in_person_appeal_base", "appeal rate, in person"))
      .measure(statistic("appeal_rate_difference", List.of("online_appeal_base", "in_person_appeal_base"),
          "difference of appeal rates, remote − in person"))
      .measure(statistic("appeal_rate_difference_ci_low", List.of("online_appeal_base", "in_person_appeal_base"),
          "95% CI, low"))
      .measure(statistic("appeal_rate_difference_ci_high", List.of("online_appeal_base", "in_person_appeal_base"),
          "95% CI, high"))
      .measure(statistic("appeal_verdict", List.of("online_appeal_base", "in_person_appeal_base"),
          "equivalence verdict on appeal rates within the margin"))
      .measure(statistic("differs_beyond_margin", List.of("online_decisions", "in_person_decisions"),
          "the days difference lies beyond the margin"))
      .build();

  public static final TableDeclaration DIGITAL_JUSTICE_INDEX = TableDeclaration.named("digital_justice_index",
          "a composite index of digital justice per region and year, from region_year and the region reference")
      .key("region_code", "2-digit KATO region code").key("period", "year, yyyy")
      .measure(value("e_filing_share", "from region_year"))
      .measure(value("online_hearing_share", "from region_year"))
      .measure(value("service_success_rate", "1 − service_failure_rate, from region_year"))
      .measure(value("internet_users_share", "share of internet users, region reference (illustrative where marked)"))
      .measure(value("e_filing_share_scaled", "min-max scaled across the year's regions"))
      .measure(value("online_hearing_share_scaled", "min-max scaled"))
      .measure(value("service_success_rate_scaled", "min-max scaled"))
      .measure(value("internet_users_share_scaled", "min-max scaled"))
      .measure(value("digital_justice_index", "weighted mean of the scaled components, 0-100"))
      .measure(value("rank", "1 = the highest index of the year"))
      .suppressionColumns().sortBy("period", "region_code").build();

  public static final TableDeclaration DECISION_DAYS_HISTOGRAM = TableDeclaration.named("decision_days_histogram",
          "decisions of first-instance cases by days to decision, per category and year")
      .key("case_category", "case category").key("period", "year, yyyy").key("bin", "bin number, 0 first")
      .measure(value("days", "the bin's days to decision, e.g. 0-30"))
      .measure(count("decisions", "decisions in the bin"))
      .grain("case_category", "bin", "period").sortBy("case_category", "period", "bin").build();

  private static List<Measure> effect(String cases) {
    return List.of(
        statistic("relative_effect", cases, "relative change of the outcome in treated units after adoption"),
        statistic("ci_low", cases, "95% confidence interval, low"),
        statistic("ci_high", cases, "95% confidence interval, high"),
        value("treated_units", "units that adopted the programme"),
        value("comparison_units", "units not yet or never treated"),
        count(cases, "cases behind the estimate"));
  }

  public static final TableDeclaration DIGITAL_IMPACT = TableDeclaration.named("digital_impact",
          "what a digital programme changed: staggered difference-in-differences per programme and outcome")
      .key("program", "programme, from rollouts/").key("outcome", "the outcome measured")
      .measures(effect("cases"))
      .measure(statistic("pretrend_p_value", "cases", "joint (max-t) test that every month before adoption shows no"
          + " deviation: below 0.05, parallel trends are in doubt"))
      .measure(statistic("breakdown_m", "cases", "how many times the largest pre-adoption deviation a post-adoption"
          + " violation of parallel trends must reach for the 95% interval to include 0 (0: it already does)"))
      .measure(value("method", "the estimator"))
      .measure(value("note", "what was compared with what, in words"))
      .build();

  public static final TableDeclaration DIGITAL_IMPACT_EVENT_TIME = TableDeclaration.named("digital_impact_event_time",
          "the impact estimate by months since adoption (event study)")
      .key("program", "programme").key("outcome", "the outcome measured")
      .key("months_since_adoption", "months since adoption; negative before it")
      .measures(effect("cases"))
      .measure(statistic("band_low", "cases", "95% simultaneous band over all months of the curve, low"))
      .measure(statistic("band_high", "cases", "95% simultaneous band over all months of the curve, high"))
      .build();

  public static final TableDeclaration CHANNEL_COMPARISON = TableDeclaration.named("channel_comparison",
          "e-filed against paper cases of the same court, category and year: days to decision and to registration")
      .key("region_code", "2-digit KATO region code; 00 nationally").key("period", "year, yyyy")
      .measure(value("courts", "courts compared"))
      .measure(count("e_filed_decisions", "decisions of e-filed cases"))
      .measure(count("paper_decisions", "decisions of paper-filed cases"))
      .measure(statistic("relative_difference_days_to_decision", List.of("e_filed_decisions", "paper_decisions"),
          "relative difference of days to decision, e-filed against paper, within court and category"))
      .measure(statistic("ci_low", List.of("e_filed_decisions", "paper_decisions"), "95% CI, low"))
      .measure(statistic("ci_high", List.of("e_filed_decisions", "paper_decisions"), "95% CI, high"))
      .measure(count("e_filed_registrations", "registrations of e-filed cases"))
      .measure(count("paper_registrations", "registrations of paper-filed cases"))
      .measure(statistic("relative_difference_days_to_register", List.of("e_filed_registrations", "paper_registrations"),
          "relative difference of days to registration, e-filed against paper"))
      .measure(statistic("register_ci_low", List.of("e_filed_registrations", "paper_registrations"), "95% CI, low"))
      .measure(statistic("register_ci_high", List.of("e_filed_registrations", "paper_registrations"), "95% CI, high"))
      .measure(value("internet_users_share", "share of internet users, region reference"))
      .build();

  public static final TableDeclaration DATA_QUALITY_COURT = TableDeclaration.named("data_quality_court",
          "how far each court's case figures can be trusted, per year of filing, with a 0-100 score and rank")
      .key("source", "the extract the rows describe: cases").key("court_id", "court code")
      .key("court_level", "court level").key("region_code", "region of the court").key("period", "year of filing")
      .measure(operationalRatio("quarantine_rate", "rejected_rows", "rows", "rejected rows / rows, kept and rejected"))
      .measure(operationalRatio("date_order_rate", "date_order_rows", "rows", "rejected rows with dates out of order / rows"))
      .measure(operationalRatio("hearing_before_filing_rate", "hearing_before_filing_rows", "rows",
          "rejected rows with the first hearing before the filing / rows"))
      .measure(operationalRatio("published_before_decided_rate", "published_before_decided_rows", "rows",
          "rejected rows with publication before the decision / rows"))
      .measure(statistic("completeness", "cases", "mean share of the expected columns that cases record"))
      .measure(operationalRatio("decided_without_hearing_format_rate", "decided_without_hearing_format", "decided",
          "decided cases without a hearing format / decided cases"))
      .measure(operationalRatio("pending_over_10_years_rate", "pending_over_10_years", "cases",
          "cases still pending after 10 years / cases filed in the year"))
      .measure(statistic("volume_jump", "cases", "the year's cases are under half or over twice the year before's"))
      .measure(statistic("last_month_decisions_missing", "base_decisions",
          "the last month's decisions are too few to be chance (timeliness)"))
      .measure(statistic("score", List.of("rows", "cases"), "0-100 data-quality score"))
      .measure(value("rank", "1 = the highest published score of the year"))
      .sortBy("source", "court_id", "period").build();

  public static final TableDeclaration DATA_QUALITY_COLUMN = TableDeclaration.named("data_quality_column",
          "each expected column's completeness per court and year of filing")
      .key("source", "the extract: cases").key("court_id", "court code").key("period", "year of filing")
      .key("column", "the column of the extract")
      .measure(operationalRatio("completeness", "recorded", "applies", "cases that record the column / cases that should"))
      .build();

  /** Every indicator table, in the order the stage writes them; each has a {@code .csv} copy. */
  /** The region reference, published so that a reader has the names beside the codes of every table. */
  public static final TableDeclaration REGIONS = TableDeclaration.named("regions",
          "the regions the tables relate to: each code with its names in English, Russian and Kazakh, its group,"
              + " population and internet users' share, from the region reference the run used")
      .key("region_code", "2-digit KATO region code, text (00 in a table's rows: unknown, or the whole country in national_year)")
      .measure(value("name_en", "name in English"))
      .measure(value("name_ru", "name in Russian"))
      .measure(value("name_kk", "name in Kazakh"))
      .measure(value("group", "the region's group: north, south, east, west, central, or cities (the three cities of republican status)"))
      .measure(value("population", "inhabitants: the denominator of the rates per 1,000"))
      .measure(value("internet_users_share", "share of internet users, region reference (illustrative where marked)"))
      .build();

  /** The courts the tables relate to, published so that a reader has a court's name beside its code. */
  public static final TableDeclaration COURTS = TableDeclaration.named("courts",
          "the courts the tables relate to: each court's code, level and region from the cases, and its names in English,"
              + " Russian and Kazakh from the input's courts file (empty where the input has none)")
      .key("court_id", "the court's code, as the extract gives it")
      .measure(value("court_level", "district, regional or supreme"))
      .measure(value("region_code", "2-digit KATO code of the court's region, text"))
      .measure(value("name_en", "name in English"))
      .measure(value("name_ru", "name in Russian"))
      .measure(value("name_kk", "name in Kazakh"))
      .build();

  public static final List<TableDeclaration> ALL = List.of(REGIONS, COURTS, REGION_YEAR, REGION_MONTH, NATIONAL_YEAR, INEQUALITY,
      COURT_YEAR, COURT_MONTH, CATEGORY_YEAR, LEVEL_YEAR, CHANNEL_YEAR, SERVICE_RELIABILITY_MONTH,
      SERVICE_AVAILABILITY_MONTH, SERVICE_USERS_YEAR, SECURITY_YEAR, HEARING_EQUIVALENCE_YEAR, DIGITAL_JUSTICE_INDEX,
      DECISION_DAYS_HISTOGRAM, DIGITAL_IMPACT, DIGITAL_IMPACT_EVENT_TIME, CHANNEL_COMPARISON, DATA_QUALITY_COURT,
      DATA_QUALITY_COLUMN);

  /**
   * The tables that share cases and take part in complementary suppression together: every
   * table with counts, except those whose counts stand in no identity with the others' (impact
   * estimates, the channel and hearing comparisons on their own subsets).
   */
  public static final List<TableDeclaration> LINKED = List.of(REGION_YEAR, REGION_MONTH, NATIONAL_YEAR, COURT_YEAR,
      COURT_MONTH, CATEGORY_YEAR, LEVEL_YEAR, CHANNEL_YEAR, SERVICE_RELIABILITY_MONTH, SERVICE_USERS_YEAR,
      DECISION_DAYS_HISTOGRAM);

  private IndicatorTables() {}

  /** A declaration by its name under the output root, e.g. {@code indicators/region_year}. */
  public static Optional<TableDeclaration> byPath(String path) {
    return ALL.stream().filter(t -> t.path().equals(path)).findFirst();
  }
}
