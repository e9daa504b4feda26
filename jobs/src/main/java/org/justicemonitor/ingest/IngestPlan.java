package org.justicemonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.justicemonitor.JobFailure;
import org.justicemonitor.io.FileFingerprints.FileFingerprint;
import org.justicemonitor.io.Json;

/**
 * Which input files an ingest reads. Files are known by their path under the input root and the
 * SHA-256 of their bytes, as the manifest of the published tables records them: a file ingested
 * before is skipped, a new file is read and its rows added. Everything is read again (a full
 * ingest) when asked, on the first ingest into an output, or when what the published rows were
 * validated or pseudonymized with has changed: the key, the regions file, an earlier extract date.
 *
 * @param full whether every file is read and the tables rebuilt from them alone
 * @param reason why, in words, for the summary
 * @param previousFiles the manifest's entries of files ingested before and kept (incremental only)
 * @param ingestedBefore the paths of those files
 */
public record IngestPlan(boolean full, String reason, List<IngestedInputs.File> previousFiles, Set<String> ingestedBefore) {

  /**
   * @param previousInputs the {@code inputs} object of the published manifest, or a missing node
   * @param current fingerprints of the input files now present, by path relative to the input root
   * @param settings what the rows are validated and pseudonymized with: key id, regions, as-of
   * @param fullRequested {@code --full}
   * @param tablesPublished whether the ingested tables exist under the output
   * @throws JobFailure when a file ingested before has changed under the same name
   */
  public static IngestPlan decide(
      JsonNode previousInputs,
      Map<String, FileFingerprint> current,
      Settings settings,
      boolean fullRequested,
      boolean tablesPublished) {
    Optional<IngestedInputs> previous = previousInputs.path("files").isArray()
        ? Optional.of(Json.read(previousInputs, IngestedInputs.class)) : Optional.empty();
    Optional<String> why = fullRebuildReason(previous, settings, fullRequested, tablesPublished);
    if (why.isPresent()) {
      return new IngestPlan(true, why.get(), List.of(), Set.of());
    }
    List<IngestedInputs.File> kept = previous.get().files();
    Map<String, String> ingestedSha = new HashMap<>();
    kept.forEach(f -> ingestedSha.put(f.file(), f.sha256()));
    List<String> changed = new ArrayList<>();
    current.forEach((file, fp) -> {
      String before = ingestedSha.get(file);
      if (before != null && !before.equals(fp.sha256())) {
        changed.add(file);
      }
    });
    if (!changed.isEmpty()) {
      throw new JobFailure(
          changed.get(0) + (changed.size() > 1 ? " and " + (changed.size() - 1) + " more files" : "")
              + " changed since they were ingested; deliver corrections as new files (their names sorting later),"
              + " or rerun with --full to rebuild the tables from the files as they are now");
    }
    return new IngestPlan(false, "new files only; " + kept.size() + " files ingested before are skipped", kept,
        Set.copyOf(ingestedSha.keySet()));
  }

  /** Whether a file is to be read in this ingest. */
  public boolean reads(String file) {
    return !ingestedBefore.contains(file);
  }

  private static Optional<String> fullRebuildReason(
      Optional<IngestedInputs> before, Settings settings, boolean fullRequested, boolean tablesPublished) {
    if (fullRequested) {
      return Optional.of("--full");
    }
    if (!tablesPublished || before.isEmpty()) {
      return Optional.of("first ingest into this output");
    }
    IngestedInputs previous = before.get();
    if (!settings.keyId().equals(previous.keyId())) {
      return Optional.of("the pseudonymization key changed: every identifier is pseudonymized again");
    }
    if (!settings.regions().equals(previous.regions())) {
      return Optional.of("the regions file changed: every row is checked against it again");
    }
    if (!settings.mapping().equals(previous.mapping() != null ? previous.mapping() : InputMapping.NONE.id())) {
      return Optional.of("the mapping profile changed: every file is mapped again");
    }
    String asOf = previous.asOf() != null ? previous.asOf() : "";
    if (asOf.isEmpty() || settings.asOf().isBefore(LocalDate.parse(asOf))) {
      return Optional.of("--as-of is earlier than that of the published tables (" + asOf + ")");
    }
    return Optional.empty();
  }

  /**
   * What published rows depend on besides their files.
   *
   * @param keyId the pseudonym of a fixed text under the key: equal keys give equal ids, and it
   *     reveals nothing of the key
   * @param regions the SHA-256 of the regions file, or {@code shipped}
   * @param mapping the mapping profile's {@link InputMapping#id}, or {@code none}
   */
  public record Settings(String keyId, String regions, LocalDate asOf, String mapping) {

    public Settings(String keyId, String regions, LocalDate asOf) {
      this(keyId, regions, asOf, InputMapping.NONE.id());
    }

    /** The manifest's record of an extract read from {@code root} with these settings. */
    IngestedInputs inputs(String root, List<IngestedInputs.File> files) {
      return new IngestedInputs(root, keyId, regions, mapping, asOf.toString(), files);
    }
  }
}
