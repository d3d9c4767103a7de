package org.netwright.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.store.RunRecord;

class RunSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFinishedRunHasItsDurationSettingsAndFinalValues() {
        RunRecord r = new RunRecord(4, "completed", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:30.5Z",
                "{\"epochs\":3,\"learning_rate\":0.01}", "{\"val_loss\":0.25,\"device\":\"cpu\"}");
        RunSummary s = RunSummary.of(r, Instant.parse("2026-01-03T00:00:00Z"));
        assertEquals(90.5, s.durationSeconds());
        assertEquals(0.25, s.metric("val_loss"));
        assertNull(s.metric("device"));
        assertEquals("{\"id\":4,\"status\":\"completed\",\"device\":\"cpu\",\"started_at\":\"2026-01-02T10:00:00Z\","
                + "\"duration_seconds\":90.5,\"settings\":{\"epochs\":3,\"learning_rate\":0.01},\"final\":{\"val_loss\":0.25,"
                + "\"device\":\"cpu\"}}", s.toJson().toString());
    }

    @Test
    void aRunningRunLastsUntilNowAndHasNoFinalValuesYet() {
        RunRecord r = new RunRecord(1, "running", "cpu", "2026-01-02T10:00:00Z", null, "{}", null);
        RunSummary s = RunSummary.of(r, Instant.parse("2026-01-02T10:00:10Z"));
        assertEquals(10.0, s.durationSeconds());
        assertEquals("{}", s.finalValues().toString());
    }

    @Test
    void theDiffNamesEachDifferingSettingByItsPath() throws Exception {
        var a = JSON.readTree("{\"epochs\":3,\"learning_rate\":0.01,\"options\":{\"schedule\":\"constant\",\"momentum\":0.9},"
                + "\"data\":{\"kind\":\"generator\"}}");
        var b = JSON.readTree("{\"epochs\":3,\"learning_rate\":1e-3,\"options\":{\"schedule\":\"cosine\",\"momentum\":0.9},"
                + "\"data\":{\"kind\":\"generator\"},\"seed\":5}");
        List<SettingsDiff.Difference> d = SettingsDiff.between(a, b);
        assertEquals(List.of("learning_rate", "options.schedule", "seed"),
                d.stream().map(SettingsDiff.Difference::setting).toList());
        assertEquals("0.01", d.get(0).a().toString());
        assertEquals("0.001", d.get(0).b().toString());
        assertEquals(true, d.get(2).a().isMissingNode());
        assertEquals(List.of(), SettingsDiff.between(a, a));
    }
}
