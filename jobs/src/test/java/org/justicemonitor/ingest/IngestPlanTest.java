package org.justicemonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.justicemonitor.JobFailure;
import org.justicemonitor.io.FileFingerprints.FileFingerprint;
import org.justicemonitor.io.Json;

/** Which files an ingest reads, from the manifest of the published tables. */
class IngestPlanTest {

  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  private static final IngestPlan.Settings SETTINGS = new IngestPlan.Settings("key-a", "shipped", AS_OF);

  /** What the manifest says was ingested: cases/a.csv with SHA-256 "aaa". */
  private static JsonNode previous(IngestPlan.Settings settings) {
    return Json.tree(settings.inputs("in", List.of(new IngestedInputs.File("cases/a.csv", 10, "aaa", 0, 0, "r1"))));
  }

  private static final Map<String, FileFingerprint> NOW =
      Map.of("cases/a.csv", new FileFingerprint(10, "aaa", false), "cases/b.csv", new FileFingerprint(20, "bbb", false));

  @Test
  void filesIngestedBeforeAreSkippedAndNewOnesRead() {
    IngestPlan plan = IngestPlan.decide(previous(SETTINGS), NOW, SETTINGS, false, true);
    assertFalse(plan.full());
    assertFalse(plan.reads("cases/a.csv"));
    assertTrue(plan.reads("cases/b.csv"));
    assertEquals(1, plan.previousFiles().size());
    assertEquals("new files only; 1 files ingested before are skipped", plan.reason());
  }

  @Test
  void aChangedFileIsRefusedNotAddedTwice() {
    Map<String, FileFingerprint> changed = Map.of("cases/a.csv", new FileFingerprint(10, "a2", false));
    JobFailure e = assertThrows(JobFailure.class, () -> IngestPlan.decide(previous(SETTINGS), changed, SETTINGS, false, true));
    assertTrue(e.getMessage().startsWith("cases/a.csv changed since they were ingested;"), e.getMessage());
    assertTrue(IngestPlan.decide(previous(SETTINGS), changed, SETTINGS, true, true).full(), "--full rebuilds");
  }

  @Test
  void whatTheRowsDependOnForcesAFullIngest() {
    assertEquals("first ingest into this output",
        IngestPlan.decide(MissingNode.getInstance(), NOW, SETTINGS, false, true).reason());
    assertEquals("first ingest into this output", IngestPlan.decide(previous(SETTINGS), NOW, SETTINGS, false, false).reason());
    assertTrue(IngestPlan.decide(previous(SETTINGS), NOW, new IngestPlan.Settings("key-b", "shipped", AS_OF), false, true)
        .reason().startsWith("the pseudonymization key changed"));
    assertTrue(IngestPlan.decide(previous(SETTINGS), NOW, new IngestPlan.Settings("key-a", "f00", AS_OF), false, true)
        .reason().startsWith("the regions file changed"));
    IngestPlan earlier = IngestPlan.decide(previous(SETTINGS), NOW,
        new IngestPlan.Settings("key-a", "shipped", AS_OF.minusDays(1)), false, true);
    assertTrue(earlier.full());
    assertTrue(earlier.reads("cases/a.csv"));
    assertFalse(IngestPlan.decide(previous(SETTINGS), NOW,
        new IngestPlan.Settings("key-a", "shipped", AS_OF.plusMonths(1)), false, true).full(), "a later extract date is fine");
  }
}
