package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.data.Samples;

class TextDataTest {
    @TempDir
    Path dir;

    private TrainingSettings settings(DataRecipe data) {
        return new TrainingSettings(1, 4, 0.01, "adam", "auto", 1, 0.25, 0.25, data);
    }

    @Test
    void aTxtFileIsTextAndItsVocabularyComesFromTheTrainingStretch() throws IOException {
        // 8 windows of 4 + 1 characters; 2 validation and 2 test windows, so the training stretch is the first 20.
        Path file = dir.resolve("book.txt");
        Files.writeString(file, "abababababababababab" + "xyxyxyxyxyxyxyxyxyxy", StandardCharsets.UTF_8);
        DataRecipe recipe = DataSources.recipeFor(file);
        assertEquals(TextData.KIND, recipe.kind());
        recipe = new DataRecipe(recipe.kind(), java.util.Map.of("path", file.toString(), "length", 4));
        TrainingSettings pinned = DataSources.withPinnedVocabulary(settings(recipe), dir);
        assertEquals("ab", pinned.data().options().get(TextData.CHARACTERS));
        Samples s = DataSources.loadSamples(pinned, dir);
        assertEquals(8, s.size());
        assertEquals(3, s.require("tokens").field().classes());
        // x and y, never seen in training, are the unknown id 0.
        Samples.Split split = s.split(0.25, 0.25, 1);
        assertEquals(0f, split.test().require("next_tokens").values()[3]);
        var e = assertThrows(DataFileException.class, () -> DataSources.load(pinned.data(), dir, 1));
        assertTrue(e.getMessage().contains("language model"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedByName() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'a', (byte) 0xE9, 'b'});
        var e = assertThrows(DataFileException.class,
                () -> DataSources.loadSamples(settings(DataSources.recipeFor(file)), dir));
        assertTrue(e.getMessage().contains("not UTF-8") && e.getMessage().contains("latin1.txt"), e.getMessage());
    }
}
