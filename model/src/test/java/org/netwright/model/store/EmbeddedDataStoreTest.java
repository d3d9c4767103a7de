package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data kept inside a project (schema 3): stored and read back by content hash, listed, dropped; older files have none. */
class EmbeddedDataStoreTest {
    @TempDir
    Path dir;

    @Test
    void keptDataRoundTripsThroughTheFileByItsHash() {
        Path file = Projects.realProject(dir, "kept" + ProjectStore.EXTENSION);
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(Optional.empty(), store.embeddedData("sha256:ab"));
            store.saveEmbeddedData("sha256:ab", "iris.csv", bytes);
            store.saveEmbeddedData("sha256:cd", "digits", new byte[] {1, 2, 3});
            // The same content kept twice stays one copy; the newer name wins.
            store.saveEmbeddedData("sha256:ab", "iris-copy.csv", bytes);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertArrayEquals(bytes, store.embeddedData("sha256:ab").orElseThrow());
            List<EmbeddedRecord> kept = store.embeddedDataList();
            assertEquals(List.of("sha256:ab", "sha256:cd"), kept.stream().map(EmbeddedRecord::hash).sorted().toList());
            EmbeddedRecord iris = kept.stream().filter(k -> k.hash().equals("sha256:ab")).findFirst().orElseThrow();
            assertEquals("iris-copy.csv", iris.name());
            assertEquals(bytes.length, iris.size());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertTrue(store.deleteEmbeddedData("sha256:cd"));
            assertFalse(store.deleteEmbeddedData("sha256:cd"));
            assertEquals(1, store.embeddedDataList().size());
        }
    }

    @Test
    void aSchemaTwoFileHasNoKeptDataUntilItMigratesThenTakesSome() throws IOException {
        Path file = dir.resolve("old" + ProjectStore.EXTENSION);
        try (InputStream in = getClass().getResourceAsStream("fixtures/schema-2.nwproj")) {
            Files.copy(in, file);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertEquals(Optional.empty(), store.embeddedData("sha256:ab"), "read as it is, without the new table");
            assertEquals(List.of(), store.embeddedDataList());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            store.saveEmbeddedData("sha256:ab", "x.csv", new byte[] {7});
            assertArrayEquals(new byte[] {7}, store.embeddedData("sha256:ab").orElseThrow());
            assertEquals(1, store.runs().size(), "the migrated file keeps its run");
        }
    }
}
