package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project written by every earlier release of the schema opens and migrates: the fixtures are real files, each
 * made by the Netwright of that schema version (a two-epoch run of the two-moons template, saved with
 * {@code train --template two-moons-mlp --epochs 2 --save}), so an upgrade never strands a user's projects.
 * Add a fixture here whenever a migration is appended.
 */
class EarlierSchemaFixturesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void projectOfEarlierSchemaOpensAndMigratesKeepingEverything(int version) throws IOException {
        Path file = copyFixture(version);
        try (ProjectStore before = ProjectStore.openReadOnly(file)) {
            // Read-only opening reads an older file as it is, without migrating it.
            assertEquals(List.of("completed"), before.runs().stream().map(RunRecord::status).toList());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Schema.version(), Integer.parseInt(Projects.query(file, "PRAGMA user_version").get(0)));
            assertFalse(store.loadGraph().nodes().isEmpty(), "the graph survives");
            assertTrue(store.loadSettings().isPresent(), "the settings survive");
            List<RunRecord> runs = store.runs();
            assertEquals(1, runs.size());
            assertEquals("completed", runs.get(0).status());
            long id = runs.get(0).id();
            assertFalse(store.metrics(id).isEmpty(), "the run's metrics survive");
            assertTrue(store.latestCheckpoint(id).isPresent(), "the run's checkpoint survives");
            // The window's curve: from the rows for a run written before schema 4 kept packed losses, from the
            // packed batches after; the same points either way.
            StepSeries rows = store.steps(id, "train/loss");
            StepSeries curve = store.curve(id, "train/loss");
            assertTrue(rows.size() > 0);
            assertEquals(rows.size(), curve.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(List.of(rows.step(i), rows.epoch(i), rows.value(i)),
                        List.of(curve.step(i), curve.epoch(i), curve.value(i)));
            }
            assertEquals(version >= 4 ? List.of("1") : List.of("0"), Projects.query(file,
                    "SELECT COUNT(*) > 0 FROM step_blocks WHERE run_id = " + id));
            // The migrated file takes new runs.
            long next = store.startRun(runs.get(0).settingsJson(), "cpu");
            assertTrue(next > id);
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertEquals(2, again.runs().size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void fixtureIsOfTheVersionItsNameSays(int version) throws IOException {
        assertEquals(version, Integer.parseInt(Projects.query(copyFixture(version), "PRAGMA user_version").get(0)));
    }

    private Path copyFixture(int version) throws IOException {
        Path file = dir.resolve("schema-" + version + ProjectStore.EXTENSION);
        try (InputStream in = getClass().getResourceAsStream("fixtures/schema-" + version + ".nwproj")) {
            if (in == null) {
                throw new IOException("missing fixture for schema " + version);
            }
            Files.copy(in, file);
        }
        return file;
    }
}
