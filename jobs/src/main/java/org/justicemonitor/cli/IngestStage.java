package org.justicemonitor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Optional;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.ingest.IngestJob;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.ingest.IngestReport;
import org.justicemonitor.ingest.IngestReportWriter;
import org.justicemonitor.ingest.PseudonymizationKey;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.io.RunManifest;
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
    ObjectNode settings = RunManifest.newObject();
    settings.put("input", options.inputRoot());
    settings.put("as_of", options.asOf().toString());
    settings.put("max_bad_fraction", options.maxBadFraction());
    settings.put("full", report.full());
    settings.put("key", options.key().source());
    settings.put("mapping", options.mapping().id());
    store.manifest().settings("ingest", settings);
    progress.done(report.seconds());
    out.println();
    out.print(IngestReportWriter.toTable(report));
    out.println("clean tables:  " + store.published(Catalog.INGESTED));
    out.println("quarantine:    " + store.published(Catalog.QUARANTINE));
    out.println("summary:       " + store.published(Catalog.INGEST_SUMMARY));
    return report;
  }

  private IngestStage() {}
}
