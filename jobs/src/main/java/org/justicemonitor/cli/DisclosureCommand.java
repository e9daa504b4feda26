package org.justicemonitor.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.catalog.Catalog;
import org.justicemonitor.spark.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code disclosure audit}: attacks what a run published, as a reader of the outputs could. */
@Command(
    name = "disclosure",
    mixinStandardHelpOptions = true,
    description = "Statistical disclosure control of published outputs (docs/methodology.md).",
    subcommands = {DisclosureCommand.Audit.class})
final class DisclosureCommand extends CommandGroup {

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description = {
        "Tries to work out every suppressed count of the published indicator tables from the others (totals minus"
            + " parts, months and years, courts, regions and the nation, pending stock and flows), checks that the CSV"
            + " copies and the report hold only what the tables publish, and lists every leak by table, row and column."
            + " Exits 1 when it finds one. Writes nothing."
      })
  static final class Audit implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", description = "Output root of the run to audit (default: ${DEFAULT-VALUE}).")
    String output = "output";

    @Mixin SessionOptions session = new SessionOptions();

    @Override
    public Integer call() {
      SparkSession spark = session.start("justice-monitor disclosure audit", "UTC");
      try {
        DisclosureAuditStage.audit(Catalog.published(spark, output), Progress.forStandardOutput(spark),
            "do not publish these outputs");
        return 0;
      } finally {
        spark.stop();
      }
    }
  }
}
