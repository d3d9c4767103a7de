package org.netwright.runner.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netwright.model.task.Task;

/** A checkpoint's parts are read with its resume point; a GAN needs its discriminator's optimizer state among them. */
class ResumePointTest {
    @Test
    void aGanGoesOnOnlyFromACheckpointThatKeptItsDiscriminatorsOptimizer() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(RunState.WEIGHTS, new byte[0]);
        parts.put("optimizer", new byte[] {1});
        ResumePoint older = ResumePoint.of(new RunState(3, 30, parts).write()).orElseThrow();
        assertEquals(Set.of(RunState.WEIGHTS, "optimizer"), older.parts());
        assertEquals(Optional.of("This checkpoint has no state of the discriminator's optimizer (it was saved by an"
                + " older version), so the GAN cannot go on from it exactly; start a new run."),
                older.whyNotAs(Task.GAN, 0));
        assertEquals(Optional.empty(), older.whyNotAs(Task.PLAIN, 0));
        assertEquals(Optional.empty(), older.whyNotAs(null, 0));

        parts.put(ResumePoint.DISCRIMINATOR_OPTIMIZER, new byte[] {2});
        ResumePoint newer = ResumePoint.of(new RunState(3, 30, parts).write()).orElseThrow();
        assertEquals(Optional.empty(), newer.whyNotAs(Task.GAN, 4));
    }
}
