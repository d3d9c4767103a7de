package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code bench} runs every family and prints a ratio per family; no timing is asserted. */
class CliBenchTest {

    @Test
    @Tag("training")
    void benchTimesOneStepPerFamilyAndPrintsRatios() throws Exception {
        CliRunner r = CliRunner.run("bench", "--steps", "1", "--warmup", "0", "--rounds", "1", "--threads", "1",
                "--json");
        assertEquals(0, r.status(), r.err());
        List<String> families = new ArrayList<>();
        for (String line : r.outLines()) {
            JsonNode j = new ObjectMapper().readTree(line);
            families.add(j.get("family").asText());
            assertEquals(1, j.get("threads").asInt());
            double ratio = j.get("ratio").asDouble();
            assertTrue(ratio > 0 && Double.isFinite(ratio), line);
            assertTrue(j.get("with_listeners_ms").asDouble() > 0, line);
            assertTrue(j.get("batch_assembly_ms").asDouble() > 0, line);
        }
        assertEquals(List.of("cnn", "lstm", "transformer", "gcn", "gan", "vae"), families);
    }

    @Test
    void benchRefusesAnUnknownFamilyOrThreadSetting() {
        CliRunner family = CliRunner.run("bench", "--family", "rnn");
        assertEquals(2, family.status());
        assertTrue(family.err().contains("Unknown family 'rnn'"), family.err());
        CliRunner threads = CliRunner.run("bench", "--threads", "3");
        assertEquals(2, threads.status());
        assertTrue(threads.err().contains("--threads takes 1, all or both"), threads.err());
        CliRunner clock = CliRunner.run("bench", "--clock", "sundial");
        assertEquals(2, clock.status());
        assertTrue(clock.err().contains("--clock takes wall or cpu; got 'sundial'."), clock.err());
    }

    @Test
    void theCpuClockTimesTheTrainingThreadsWork() throws Exception {
        CliRunner r = CliRunner.run("bench", "--family", "vae", "--steps", "3", "--warmup", "1", "--rounds", "1",
                "--threads", "1", "--clock", "cpu", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.outLines().get(0));
        assertTrue(j.get("ours_ms").asDouble() > 0 && j.get("plain_ms").asDouble() > 0, r.outLines().get(0));
    }

    @Test
    void withoutPrefetchTheTrainingThreadMakesItsBatches() throws Exception {
        CliRunner r = CliRunner.run("bench", "--family", "vae", "--steps", "2", "--warmup", "1", "--rounds", "1",
                "--threads", "1", "--no-prefetch", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.outLines().get(0));
        assertTrue(j.get("ours_ms").asDouble() > 0, r.outLines().get(0));
    }

    @Test
    @Tag("training")
    void opsPrintsEachFamilysOpCountsOursAndPlain() {
        CliRunner r = CliRunner.run("bench", "--ops", "--family", "gan", "--steps", "2", "--warmup", "2");
        assertEquals(0, r.status(), r.err());
        String row = r.outLines().stream().filter(l -> l.startsWith("gan ")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        assertTrue(Double.parseDouble(cells[1]) > 0 && Double.parseDouble(cells[2]) > 0, row);
        // Both losses call softplus; the twin's builds BCE around it from abs, neg, relu, mul and sub, ours does not.
        assertTrue(row.contains("aten::relu -3") && !row.contains("aten::softplus"), row);
    }
}
