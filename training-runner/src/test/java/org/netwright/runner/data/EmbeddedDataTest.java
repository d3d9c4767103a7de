package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;

/** Packing a source with its companion files, the size limit, unpacking safely, and the kept copy used when the original is gone. */
class EmbeddedDataTest {
    @TempDir
    Path dir;

    private Path graphSet() throws IOException {
        Files.writeString(dir.resolve("m_nodes.csv"), "graph_id,node\na,0\na,1\nb,0\nb,1\n");
        Files.writeString(dir.resolve("m_graphs.csv"), "graph_id,label\na,x\nb,y\n");
        Files.writeString(dir.resolve("unrelated.csv"), "q\n1\n");
        return Files.writeString(dir.resolve("m_edges.csv"), "graph_id,source,target\na,0,1\nb,0,1\n");
    }

    @Test
    void aGraphSetIsPackedWithItsNodeAndGraphTablesAndUnpacksToTheSameBytes() throws IOException {
        Path edges = graphSet();
        DataRecipe recipe = DataSources.recipeFor(edges);
        assertEquals(List.of("m_edges.csv", "m_graphs.csv", "m_nodes.csv"),
                List.copyOf(EmbeddedData.files(recipe, edges).keySet()));
        EmbeddedData.Packed packed = EmbeddedData.pack(recipe, edges);
        assertEquals(3, packed.files());
        assertEquals("m_edges.csv", packed.name());
        assertEquals(packed.hash(), EmbeddedData.pack(recipe, edges).hash(), "the same files, the same key");
        assertArrayEquals(packed.bytes(), EmbeddedData.pack(recipe, edges).bytes(), "and the same archive");
        Path out = dir.resolve("out");
        EmbeddedData.unpack(packed.bytes(), out);
        for (String name : List.of("m_edges.csv", "m_graphs.csv", "m_nodes.csv")) {
            assertEquals(Files.readString(dir.resolve(name)), Files.readString(out.resolve(name)));
        }
        Files.writeString(dir.resolve("m_graphs.csv"), "graph_id,label\na,y\nb,x\n");
        assertNotEquals(packed.hash(), EmbeddedData.pack(recipe, edges).hash(), "changed content, another key");
    }

    @Test
    void aFolderIsPackedWholeAndASourceAboveTheLimitIsRefusedWithItsSize() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("texts").resolve("a"));
        Files.writeString(folder.resolve("1.txt"), "one");
        Files.createDirectories(dir.resolve("texts").resolve("b"));
        Files.writeString(dir.resolve("texts").resolve("b").resolve("2.txt"), "two");
        Path texts = dir.resolve("texts");
        assertEquals(List.of("texts/a/1.txt", "texts/b/2.txt"),
                List.copyOf(EmbeddedData.files(DataSources.recipeFor(texts), texts).keySet()));
        Path big = dir.resolve("big.csv");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), EmbeddedData.LIMIT_BYTES);
        }
        var e = assertThrows(DataFileException.class, () -> EmbeddedData.pack(DataSources.recipeFor(big), big));
        assertTrue(e.getMessage().endsWith("holds 20.0 MB in 1 files; a project keeps copies of data up to 20 MB."),
                e.getMessage());
    }

    @Test
    void anArchiveNamingAPathOutsideItsFolderIsNotUnpacked() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            zip.putNextEntry(new ZipEntry("../escaped.csv"));
            zip.write(1);
            zip.closeEntry();
        }
        var e = assertThrows(DataFileException.class, () -> EmbeddedData.unpack(buffer.toByteArray(),
                dir.resolve("in")));
        assertTrue(e.getMessage().contains("'../escaped.csv', which lies outside its folder"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("escaped.csv")));
    }

    @Test
    void theKeptCopyStandsInOnlyWhenTheOriginalIsGone() throws IOException {
        Path edges = graphSet();
        DataRecipe plain = DataSources.recipeFor(edges);
        EmbeddedData.Packed packed = EmbeddedData.pack(plain, edges);
        Map<String, Object> options = new java.util.LinkedHashMap<>(plain.options());
        options.put(EmbeddedData.OPTION, packed.hash());
        DataRecipe recipe = new DataRecipe(plain.kind(), options);
        java.util.function.Function<String, Optional<byte[]>> kept = h -> h.equals(packed.hash())
                ? Optional.of(packed.bytes()) : Optional.empty();
        assertEquals(Optional.empty(), EmbeddedData.keptCopy(recipe, dir, kept), "the original is there");
        Files.delete(edges);
        DataRecipe copy = EmbeddedData.keptCopy(recipe, dir, kept).orElseThrow();
        Path there = Path.of(copy.options().get("path").toString());
        assertEquals("m_edges.csv", there.getFileName().toString());
        assertTrue(Files.isRegularFile(there.resolveSibling("m_nodes.csv")));
        assertEquals(2, GraphData.readSet(there, 0, 0, 1).set().size(), "the copy reads as the data did");
        assertEquals(Optional.empty(), EmbeddedData.keptCopy(recipe, dir, h -> Optional.empty()),
                "a project without the copy gives none");
    }
}
