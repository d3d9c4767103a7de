package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.task.DataField;
import org.netwright.templates.data.Samples;

class TextClassDataTest {
    @TempDir
    Path dir;

    private TableData.Loaded load(Path path, double validation, double test, Object... options) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", path.toString());
        for (int i = 0; i < options.length; i += 2) {
            o.put((String) options[i], options[i + 1]);
        }
        return TextClassData.load(new DataRecipe(TextClassData.KIND, o), path, dir, validation, test, 3);
    }

    @Test
    void wordsAreLowerCasedWithoutHtmlAndPunctuationStandsAlone() {
        Tokenizer words = new Tokenizer("word", true);
        assertEquals(List.of("it", "was", "a", "great", "film", "!", "don't", "miss", "it", "."),
                words.tokens("<p>It was a <b>GREAT</b> film!</p><br/>Don't miss it."));
        assertEquals(List.of("a", " ", "&", " ", "b"), new Tokenizer("char", false).tokens("  a\n &amp;  b "));
    }

    @Test
    void aCsvOfTextsGuessesItsOnlyOtherColumnAsTheLabelAndFitsTheVocabularyOnTheTrainingTextsOnly() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "text,book\n\"Emma sat, and smiled\",Emma\n"
                + "\"Anne walked\",Persuasion\n\"Emma laughed\",Emma\n\"Anne sighed\",Persuasion\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "book,text\nEmma,\"Emma, quietly\"\n");
        TableData.Loaded l = load(train, 0, 0, "text_column", "text", "test", test.toString(), "max_length", 4);
        assertEquals("book", l.summary().label().orElseThrow());
        assertTrue(l.summary().notices().get(0).contains("the only column besides the text"), l.summary().notices().get(0));
        Samples s = l.split().test();
        assertEquals(1, s.size());
        List<String> vocabulary = l.all().transform("tokens").labels();
        assertEquals(List.of("<pad>", "<unk>"), vocabulary.subList(0, 2));
        assertTrue(!vocabulary.contains("quietly"), "a word only the test set has is not in the vocabulary");
        float[] ids = s.require("tokens").values();
        assertEquals(vocabulary.indexOf("emma"), (int) ids[0]);
        assertEquals(vocabulary.indexOf(","), (int) ids[1]);
        assertEquals(1f, ids[2], "unknown");
        assertEquals(0f, ids[3], "padding");
        assertEquals(DataField.tokens("tokens", 4, vocabulary.size()), s.fields().get(0));
        assertEquals(List.of("Emma", "Persuasion"), l.all().transform("label").labels());
        assertEquals("word", l.all().transform("tokens").options().get("tokenizer"));
    }

    @Test
    void longTextsAreCutAndSaidSo() throws IOException {
        Path f = Files.writeString(dir.resolve("t.csv"), "review,label\none two three four five,pos\nsix,neg\n");
        TableData.Loaded l = load(f, 0, 0, "text_column", "review", "max_length", 3, "tokenizer", "char");
        assertTrue(l.summary().notices().stream().anyMatch(n -> n.contains("1 of 2 texts were longer and were cut"
                + " (the longest has 23); --max-length 23 would keep 95% of the training texts whole")),
                l.summary().notices().toString());
    }

    @Test
    void aFolderOfTextFilesPerClassReadsWithATestFolder() throws IOException {
        for (String part : List.of("train", "test")) {
            for (String c : List.of("neg", "pos")) {
                Path folder = Files.createDirectories(dir.resolve("reviews").resolve(part).resolve(c));
                for (int i = 0; i < 3; i++) {
                    Files.writeString(folder.resolve(i + ".txt"), c.equals("pos") ? "good fun " + i : "dull mess " + i);
                }
            }
        }
        Path root = dir.resolve("reviews");
        assertTrue(TextClassData.isTextFolder(root));
        assertEquals(TextClassData.KIND, DataSources.recipeFor(root).kind());
        TableData.Loaded l = load(root, 0, 0.5);
        assertEquals(6, l.split().test().size());
        assertEquals(List.of("neg", "pos"), l.summary().classes());
        assertEquals(List.of(6, 6), l.summary().classCounts());
        TableData.Loaded given = load(root.resolve("train"), 0, 0, "test", root.resolve("test").toString());
        assertEquals(6, given.split().test().size());
        assertEquals(6, given.split().train().size());
    }

    @Test
    void textThatIsNotUtf8NamesTheFileAndLine() throws IOException {
        Path a = Files.createDirectories(dir.resolve("t").resolve("a"));
        Path b = Files.createDirectories(dir.resolve("t").resolve("b"));
        Files.writeString(a.resolve("1.txt"), "fine");
        Path bad = Files.write(b.resolve("2.txt"), new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        var e = assertThrows(DataFileException.class, () -> load(dir.resolve("t"), 0, 0));
        assertEquals(bad + " line 2 is not UTF-8 text; save the file as UTF-8.", e.getMessage());
        Path csv = Files.write(dir.resolve("t.csv"), new byte[] {'t', ',', 'l', '\n', 'a', ',', 'x', '\n', (byte) 0xFF, ',',
                'y', '\n'});
        var c = assertThrows(DataFileException.class, () -> load(csv, 0, 0, "text_column", "t"));
        assertEquals(csv + " line 3 is not UTF-8 text; save the file as UTF-8.", c.getMessage());
    }

    @Test
    void oneClassAndAnEmptyClassFolderAreRefused() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one").resolve("only"));
        Files.writeString(one.resolve("1.txt"), "text");
        assertTrue(assertThrows(DataFileException.class, () -> load(dir.resolve("one"), 0, 0)).getMessage()
                .contains("one class folder only ('only')"));
        Files.createDirectories(dir.resolve("one").resolve("empty"));
        assertTrue(assertThrows(DataFileException.class, () -> load(dir.resolve("one"), 0, 0)).getMessage()
                .contains("has no .txt files"));
        Path csv = Files.writeString(dir.resolve("c.csv"), "text,label\na,x\nb,x\n");
        assertTrue(assertThrows(DataFileException.class, () -> load(csv, 0, 0, "text_column", "text")).getMessage()
                .contains("holds one class only ('x')"));
    }
}
