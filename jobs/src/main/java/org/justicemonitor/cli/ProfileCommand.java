package org.justicemonitor.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.justicemonitor.contract.Contract;
import org.justicemonitor.contract.DatasetSpec;
import org.justicemonitor.profile.MappingProfile;
import org.justicemonitor.profile.ProfileCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profile check}: tries a mapping profile on a sample of an extract before a full run. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Mapping profiles for extracts in another shape (docs/mapping-profiles.md).",
    subcommands = {ProfileCommand.Check.class})
final class ProfileCommand extends CommandGroup {

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Maps and validates a sample of an extract as ingest would, and prints per contract column how many"
            + " rows map cleanly and which values fail. Writes nothing."
      })
  static final class Check implements Callable<Integer> {

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The mapping profile.")
    String profile;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Input root holding the extract.")
    String input;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Contract dataset to check (default: ${DEFAULT-VALUE}).")
    String dataset = Contract.CASES.name();

    @Option(names = "--sample", paramLabel = "ROWS", description = "Rows to check, from the first files (default: ${DEFAULT-VALUE}).")
    int sample = 10_000;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Extract date, as for ingest (default: today).")
    LocalDate asOf;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Session time zone, as for ingest (default: ${DEFAULT-VALUE}).")
    ZoneId timeZone = ZoneId.of("Asia/Almaty");

    @Mixin SessionOptions session = new SessionOptions();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
      DatasetSpec spec = Arguments.checked(command, () -> {
        if (sample < 1) {
          throw new IllegalArgumentException("--sample must be at least 1, cannot be: " + sample);
        }
        return Contract.INGESTED.stream().filter(s -> s.name().equals(dataset)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("--dataset: one of cases, service_events, security_incidents, not "
                + dataset));
      });
      SparkSession spark = session.start("justice-monitor profile check", timeZone.getId());
      try {
        MappingProfile mapping = MappingProfile.load(spark, profile);
        LocalDate extractDate = asOf != null ? asOf : LocalDate.now(timeZone);
        System.out.print(ProfileCheck.run(spark, mapping, input, spec, sample, extractDate).render());
        return 0;
      } finally {
        spark.stop();
      }
    }
  }
}
