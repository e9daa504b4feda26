package org.justicemonitor.cli;

import java.io.PrintStream;
import java.util.Optional;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.ingest.IngestJob;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.ingest.IngestReport;
import org.justicemonitor.ingest.IngestReportWriter;
import org.justicemonitor.ingest.PseudonymizationKey;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.profile.MappingProfile;
import org.justicemonitor.spark.Progress;

/** The ingest stage as the command line runs it: job, summary file, summary table. */
final class IngestStage {


  static IngestOptions options(CommonOptions common, IngestSettings settings, PrintStream err) {
    PseudonymizationKey key = settings.key.resolve();
    if (key.isDemo()) {
      err.println("WARNING: --demo: identifiers are pseudonymized with a PUBLIC demo key, which protects nothing.");
      err.println("WARNING: never use --demo on real data; set " + PseudonymizationKey.ENV_VAR + " or pass --key-file.");
    }
    return new IngestOptions(common.input, common.asOf(), settings.maxBadFraction, key, settings.full);
  }

  static IngestReport run(OutputStore store, IngestOptions options, Optional<String> profileFile, Progress progress, PrintStream out) {
    progress.stage("ingest");
    if (profileFile.isPresent()) {
      MappingProfile profile = MappingProfile.load(store.spark(), profileFile.get());
      options = options.withMapping(profile.toInputMapping());
      progress.step("profile", profile.name() + " from " + profile.file());
    }
    IngestReport report = new IngestJob(store, options, progress).run();
    store.writeText(Catalog.INGEST_SUMMARY, IngestReportWriter.toJson(report));
    store.manifest().settings("ingest", new Recorded(options.inputRoot(), options.asOf().toString(),
        options.maxBadFraction(), report.full(), options.key().source(), options.mapping().id()));
    progress.done(report.seconds());
    out.println();
    out.print(IngestReportWriter.toTable(report));
    out.println("clean tables:  " + store.published(Catalog.INGESTED));
    out.println("quarantine:    " + store.published(Catalog.QUARANTINE));
    out.println("summary:       " + store.published(Catalog.INGEST_SUMMARY));
    return report;
  }

  /** What the manifest records of an ingest's settings. */
  record Recorded(String input, String asOf, double maxBadFraction, boolean full, String key, String mapping) {}

  private IngestStage() {}
}
