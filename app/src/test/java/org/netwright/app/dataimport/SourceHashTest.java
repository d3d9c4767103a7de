package org.netwright.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;

/** A source's content hash: a changed file, a changed folder and a moved source are told apart from an unchanged one. */
class SourceHashTest {
    @TempDir
    Path dir;

    @Test
    void aChangedFileIsDetectedAndRelinkingAcceptsIt() throws IOException {
        Path file = Files.writeString(dir.resolve("d.csv"), "x,label\n1,a\n2,b\n");
        DataRecipe recipe = SourceHash.stamped(DataRecipe.file("csv", file.toString()), dir);
        assertTrue(SourceHash.whyChanged(recipe, dir).isEmpty());
        Files.writeString(file, "x,label\n1,a\n3,b\n");
        String why = SourceHash.whyChanged(recipe, dir).orElseThrow();
        assertTrue(why.contains("changed since it was imported") && why.contains(file.toString()), why);
        DataRecipe relinked = SourceHash.relinked(recipe, file);
        assertTrue(SourceHash.whyChanged(relinked, dir).isEmpty());
    }

    @Test
    void aMovedSourceSaysSoAndRelinkPointsAtTheNewPlace() throws IOException {
        Path file = Files.writeString(dir.resolve("d.csv"), "x,label\n1,a\n2,b\n");
        DataRecipe recipe = SourceHash.stamped(DataRecipe.file("csv", "d.csv"), dir);
        Path moved = Files.move(file, Files.createDirectory(dir.resolve("elsewhere")).resolve("d.csv"));
        assertTrue(SourceHash.whyChanged(recipe, dir).orElseThrow().contains("is not there any more"));
        DataRecipe relinked = SourceHash.relinked(recipe, moved);
        assertEquals(moved.toAbsolutePath().toString(), relinked.options().get("path"));
        assertEquals(recipe.options().get(SourceHash.OPTION), relinked.options().get(SourceHash.OPTION), "same bytes");
        assertTrue(SourceHash.whyChanged(relinked, dir).isEmpty());
    }

    @Test
    void aFolderChangesWithAFileAddedOrTouched() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("imgs/cat"));
        Path a = Files.write(folder.resolve("a.png"), new byte[] {1, 2, 3});
        String first = SourceHash.of(dir.resolve("imgs"));
        assertEquals(first, SourceHash.of(dir.resolve("imgs")));
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        String touched = SourceHash.of(dir.resolve("imgs"));
        assertNotEquals(first, touched);
        Files.write(folder.resolve("b.png"), new byte[] {4});
        assertNotEquals(touched, SourceHash.of(dir.resolve("imgs")));
    }

    @Test
    void aRecipeWithoutAHashOrAPathIsNeverReported() {
        assertTrue(SourceHash.whyChanged(DataRecipe.file("csv", "/nowhere/x.csv"), dir).isEmpty());
        assertTrue(SourceHash.whyChanged(DataRecipe.generator("two_moons", java.util.Map.of()), dir).isEmpty());
        assertTrue(SourceHash.whyChanged(null, dir).isEmpty());
    }
}
