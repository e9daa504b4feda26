package org.justicemonitor.cli;

import java.io.PrintStream;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.ingest.IngestJob;
import org.justicemonitor.ingest.IngestOptions;
import org.justicemonitor.ingest.IngestReport;
import org.justicemonitor.ingest.IngestReportWriter;
import org.justicemonitor.ingest.PseudonymizationKey;
import org.justicemonitor.io.InputFiles;
import org.justicemonitor.io.OutputStore;
import org.justicemonitor.profile.MappingProfile;
import org.justicemonitor.spark.CodeGeneration;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The ingest stage: its options, shared by {@code ingest} and {@code run}; the job, summary file and summary table. */
final class IngestStage implements Stage {

  @Option(
      names = "--max-bad-fraction",
      paramLabel = "SHARE",
      description = "Fail when a dataset quarantines more than this share of its rows (default: ${DEFAULT-VALUE}).")
  double maxBadFraction = 0.05;

  @Option(
      names = "--full",
      description = "Read every input file and rebuild the ingested tables, instead of adding only files not"
          + " ingested before into the same --output (by SHA-256; see docs/operations.md).")
  boolean full;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "Mapping profile: read an extract in another shape (another country's courts, say) as the"
          + " contract's datasets; see docs/mapping-profiles.md.")
  String profile;

  @Mixin KeyOptions key = new KeyOptions();

  @Mixin InputOption input = new InputOption();

  private IngestOptions options;

  /** What the manifest records of an ingest's settings. */
  record Recorded(String input, String asOf, double maxBadFraction, boolean full, String key, String mapping) {}

  @Override
  public void prepare(CommonOptions common) {
    PseudonymizationKey resolved = key.resolve();
    if (resolved.isDemo()) {
      System.err.println("WARNING: --demo: identifiers are pseudonymized with a PUBLIC demo key, which protects nothing.");
      System.err.println("WARNING: never use --demo on real data; set " + PseudonymizationKey.ENV_VAR + " or pass --key-file.");
    }
    if (inside(common.output, input.input)) {
      throw new IllegalArgumentException("--output " + common.output + " lies inside --input " + input.input
          + ": the outputs would be read as input next time; choose an --output outside the input root");
    }
    options = new IngestOptions(input.input, common.asOf(), maxBadFraction, resolved, full);
  }

  /** Whether {@code dir} is {@code root} or below it (local paths and URIs alike). */
  static boolean inside(String dir, String root) {
    java.net.URI d = java.nio.file.Path.of(".").toUri().resolve(withSlash(dir)).normalize();
    java.net.URI r = java.nio.file.Path.of(".").toUri().resolve(withSlash(root)).normalize();
    return d.toString().startsWith(r.toString());
  }

  private static String withSlash(String path) {
    return path.endsWith("/") ? path : path + "/";
  }

  /** The ingest reads the input root's files. */
  @Override
  public void chooseCodeGeneration(OutputStore store) {
    CodeGeneration.forRawBytes(store.spark(), InputFiles.bytesUnder(store.spark(), options.inputRoot()));
  }

  @Override
  public void run(OutputStore store, Progress progress, PrintStream out) {
    progress.stage("ingest");
    IngestOptions o = options;
    if (profile != null) {
      MappingProfile mapping = MappingProfile.load(store.spark(), profile);
      o = o.withMapping(mapping.toInputMapping());
      progress.step("profile", mapping.name() + " from " + mapping.file());
    }
    IngestReport report = new IngestJob(store, o, progress).run();
    store.writeText(Catalog.INGEST_SUMMARY, IngestReportWriter.toJson(report));
    store.manifest().settings("ingest", new Recorded(o.inputRoot(), o.asOf().toString(),
        o.maxBadFraction(), report.full(), o.key().source(), o.mapping().id()));
    progress.done(report.seconds());
    out.println();
    out.print(IngestReportWriter.toTable(report));
    out.println("clean tables:  " + store.published(Catalog.INGESTED));
    out.println("quarantine:    " + store.published(Catalog.QUARANTINE));
    out.println("summary:       " + store.published(Catalog.INGEST_SUMMARY));
  }
}
