package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.templates.data.Samples;

class TableDataTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private TableData.Loaded load(Path file, Object... options) {
        return loadWith(file, 0.2, 0.2, false, options);
    }

    private TableData.Loaded loadWith(Path file, double validation, double test, boolean tokens, Object... options) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", file.toString());
        for (int i = 0; i < options.length; i += 2) {
            o.put((String) options[i], options[i + 1]);
        }
        return TableData.load(new DataRecipe("csv", o), file, dir, validation, test, 7, tokens);
    }

    private static boolean says(TableData.Loaded l, String words) {
        return l.summary().notices().stream().anyMatch(n -> n.contains(words));
    }

    /** A table of {@code rows} rows: x a number, colour a category, label cat/dog by row parity. */
    private static String animals(int rows) {
        StringBuilder b = new StringBuilder("x,colour,label\n");
        for (int r = 0; r < rows; r++) {
            b.append(r).append(',').append(r % 3 == 0 ? "red" : "blue").append(',').append(r % 2 == 0 ? "cat" : "dog")
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void aGuessedLabelIsAnnouncedAndTextLabelsBecomeSortedIdsWithTheirNames() throws IOException {
        TableData.Loaded l = load(write("t.csv", animals(20)));
        assertTrue(l.summary().labelGuessed());
        assertTrue(says(l, "Label: the column 'label' (guessed from its name"), l.summary().notices().toString());
        assertEquals(List.of("cat", "dog"), l.all().transform("label").labels());
        assertEquals(0f, l.all().require("label").values()[0]);
        assertEquals(1f, l.all().require("label").values()[1]);
        assertEquals("classification", l.summary().task().orElseThrow());
    }

    @Test
    void withoutALabelLikeNameTheUserIsAskedForOneAndNotTheLastColumnTaken() throws IOException {
        Path f = write("t.csv", "a,b,year\n1,2,2001\n2,3,2002\n");
        var e = assertThrows(DataFileException.class, () -> load(f));
        assertTrue(e.getMessage().contains("--label COLUMN") && e.getMessage().contains("a, b, year"), e.getMessage());
        TableData.Loaded l = load(f, "label", "b");
        assertFalse(l.summary().labelGuessed());
        assertEquals(List.of("a", "year"), l.summary().features());
    }

    @Test
    void inTheAppTheLabelAndMissingCellHintsNameTheImportWindowsControlsNotFlags() throws IOException {
        String was = System.getProperty(DataOption.AUDIENCE_PROPERTY);
        System.setProperty(DataOption.AUDIENCE_PROPERTY, "app");
        try {
            Path f = write("t.csv", "a,b,year\n1,2,2001\n2,3,2002\n");
            String refused = assertThrows(DataFileException.class, () -> load(f)).getMessage();
            assertTrue(refused.contains("with the Label column list of File > Import Data…"), refused);
            assertFalse(refused.contains("--"), refused);
            TableData.Loaded guessed = load(write("g.csv", animals(20)));
            assertTrue(says(guessed, "choose another with the Label column list of File > Import Data…)"),
                    guessed.summary().notices().toString());
            Path gaps = write("p.csv", "species,mass\nA,10\nA,NA\nB,30\nB,31\nA,12\nB,29\n");
            TableData.Loaded filled = loadWith(gaps, 0, 0, false);
            assertTrue(says(filled, "(the default; choose with the Missing cells list of File > Import Data…)"),
                    filled.summary().notices().toString());
            for (String notice : filled.summary().notices()) {
                assertFalse(notice.contains("--"), notice);
            }
        } finally {
            if (was == null) {
                System.clearProperty(DataOption.AUDIENCE_PROPERTY);
            } else {
                System.setProperty(DataOption.AUDIENCE_PROPERTY, was);
            }
        }
        assertTrue(assertThrows(DataFileException.class, () -> load(write("c.csv", "a,b\n1,2\n"))).getMessage()
                .contains("--label COLUMN"), "the CLI keeps its flags");
    }

    @Test
    void inTheAppTheFeatureTestFileSplitAndCacheMessagesNameNoFlags() throws IOException {
        Path f = write("t.csv", animals(10));
        Path withSplit = write("s.csv", "x,label,split\n1,a,train\n2,b,test\n3,a,train\n4,b,validation\n");
        Path testRows = write("s_test.csv", "x,label,split\n5,a,test\n6,b,test\n");
        String was = System.getProperty(DataOption.AUDIENCE_PROPERTY);
        System.setProperty(DataOption.AUDIENCE_PROPERTY, "app");
        try {
            List<String> seen = List.of(
                    assertThrows(DataFileException.class, () -> load(f, "features", "x,size")).getMessage(),
                    assertThrows(DataFileException.class, () -> load(f, "features", "x,label")).getMessage(),
                    assertThrows(DataFileException.class, () -> DataSources.testPath(new DataRecipe("csv",
                            Map.of("path", f.toString(), DataSources.TEST, "gone.csv")), dir)).getMessage(),
                    assertThrows(DataFileException.class, () -> load(withSplit, DataSources.TEST, testRows.toString()))
                            .getMessage(),
                    "give its fractions with " + DataOption.SPLIT.named(),
                    DataOption.CACHE_MB.namedFirst() + " takes");
            for (String message : seen) {
                assertFalse(message.contains("--"), message);
            }
            assertTrue(seen.get(0).contains("no column 'size' named in the data's feature columns"), seen.get(0));
            assertTrue(seen.get(1).startsWith("The data's feature columns name the label column 'label'"), seen.get(1));
            assertTrue(seen.get(2).contains("(named with the data's test file; choose the data again with File >"
                    + " Import Data… (choosing the data again leaves the test file out))"), seen.get(2));
            assertTrue(seen.get(3).contains("the data's test file names a test file"), seen.get(3));
            assertEquals("give its fractions with Validation and Test", seen.get(4));
            assertEquals("the Validation and Test fields of Options… (Loss and data)", DataOption.SPLIT.where());
        } finally {
            if (was == null) {
                System.clearProperty(DataOption.AUDIENCE_PROPERTY);
            } else {
                System.setProperty(DataOption.AUDIENCE_PROPERTY, was);
            }
        }
        assertTrue(assertThrows(DataFileException.class, () -> load(f, "features", "x,label")).getMessage()
                .startsWith("--features names the label column 'label'"), "the CLI keeps its flags");
    }

    @Test
    void anUnknownLabelOrFeatureColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Path f = write("t.csv", animals(10));
        assertTrue(assertThrows(DataFileException.class, () -> load(f, "label", "kind")).getMessage()
                .contains("no column 'kind' for --label; its columns are x, colour, label"));
        assertTrue(assertThrows(DataFileException.class, () -> load(f, "features", "x,size")).getMessage()
                .contains("no column 'size' named in --features"));
    }

    @Test
    void classNamesBesideALabelIdAreLeftOutAsAFeatureAndNameTheClasses() throws IOException {
        TableData.Loaded l = load(write("t.csv", "a,b,label_id,label\n1,5,0,setosa\n2,6,1,virginica\n3,7,0,setosa\n"
                + "4,8,1,virginica\n"));
        assertEquals(List.of("a", "b"), l.summary().features());
        assertEquals(List.of("setosa", "virginica"), l.all().transform("label").labels());
        assertTrue(says(l, "Left out the column 'label': it restates the label 'label_id'"));
    }

    @Test
    void textColumnsAreOneHotAndMissingCellsFilledAndCounted() throws IOException {
        Path f = write("p.csv", "species,island,mass,sex\n" + "A,Biscoe,10,m\nA,Dream,NA,f\nB,Biscoe,30,\nB,Dream,NaN,m\n"
                + "A,Biscoe,12,f\nB,Dream,31,m\nA,Dream,11,NA\nB,Biscoe,29,f\n");
        TableData.Loaded l = loadWith(f, 0, 0, false);
        assertEquals(List.of("island=Biscoe", "island=Dream", "mass", "sex=f", "sex=m"), l.summary().features());
        assertEquals(4, l.summary().missingCells());
        assertEquals("mean", l.summary().missingPolicy());
        assertTrue(says(l, "4 missing cell(s) in mass (2), sex (2): filled with the training part's mean"), l.summary()
                .notices().toString());
        assertTrue(says(l, "(the default; choose with --missing drop|mean|mode|error)"));
        Samples s = l.all();
        float[] row1 = java.util.Arrays.copyOfRange(s.require("features").values(), 5, 10);
        assertEquals(0f, row1[2], 1e-6, "the mean fills the gap: standardized it is 0");
        assertEquals(List.of("island=Biscoe", "island=Dream", "sex=f", "sex=m").toString(),
                "[" + String.join(", ", s.transform("features").options().get("one_hot").split(",")) + "]");
    }

    @Test
    void dropLeavesOutRowsWithGapsAndErrorNamesTheFirstCell() throws IOException {
        Path f = write("p.csv", "a,b,label\n1,2,x\n2,NA,y\n3,4,x\n4,5,y\n5,6,x\n6,7,y\n");
        TableData.Loaded drop = loadWith(f, 0, 0, false, "missing", "drop");
        assertEquals(5, drop.all().size());
        assertTrue(says(drop, "left out the 1 row(s) holding them"));
        var e = assertThrows(DataFileException.class, () -> load(f, "missing", "error"));
        assertEquals(f + " line 3: column 'b' is missing ('NA'); --missing error refuses missing cells.", e.getMessage());
    }

    @Test
    void textInANumberColumnIsNamedUnderMissingErrorAndReadAsMissingOtherwise() throws IOException {
        StringBuilder b = new StringBuilder("a,b,label\n");
        for (int r = 0; r < 30; r++) {
            b.append(r).append(',').append(r == 4 ? "oops" : String.valueOf(r * 2)).append(',').append(r % 2).append('\n');
        }
        Path f = write("t.csv", b.toString());
        var e = assertThrows(DataFileException.class, () -> load(f, "missing", "error"));
        assertTrue(e.getMessage().contains("line 6: column 'b' must be a number, but is 'oops'"), e.getMessage());
        TableData.Loaded l = load(f);
        assertEquals(List.of("a", "b"), l.summary().features());
        assertTrue(says(l, "1 cell(s) of text in number columns read as missing (first: " + f + " line 6, column 'b':"
                + " 'oops')"), l.summary().notices().toString());
    }

    @Test
    void infinityIsRefusedNamingFileLineAndColumn() throws IOException {
        Path f = write("t.csv", "a,b,label\n1,2,0\n1,Infinity,1\n");
        var e = assertThrows(DataFileException.class, () -> load(f));
        assertTrue(e.getMessage().startsWith(f + " line 3, column 'b': 'Infinity' is not a finite number"),
                e.getMessage());
    }

    @Test
    void oneClassOnlyAndRaggedRowsAreNamed() throws IOException {
        var one = assertThrows(DataFileException.class, () -> load(write("o.csv", "a,label\n1,x\n2,x\n")));
        assertTrue(one.getMessage().contains("the label column 'label' holds one class only ('x')"), one.getMessage());
        var ragged = assertThrows(DataFileException.class, () -> load(write("r.csv", "a,b,label\n1,2,0\n1,2\n")));
        assertTrue(ragged.getMessage().contains("r.csv line 3 has 2 values but the header has 3 columns"),
                ragged.getMessage());
    }

    @Test
    void aRealValuedLabelIsARegressionWithAStandardizedTarget() throws IOException {
        StringBuilder b = new StringBuilder("x,price\n");
        for (int r = 0; r < 40; r++) {
            b.append(r).append(',').append(r * 1.5 + 0.25).append('\n');
        }
        TableData.Loaded l = load(write("t.csv", b.toString()), "label", "price");
        assertEquals("regression", l.summary().task().orElseThrow());
        DataField target = l.all().fields().get(1);
        assertEquals(DataField.values("target", Shape.of(1)), target);
        FieldTransform t = l.all().transform("target");
        assertEquals(1, t.offset().length);
        assertEquals(t.scale()[0], l.all().scale("target"), 1e-9);
        assertTrue(says(l, "Task: regression; the label 'price' holds 40 distinct real numbers"));
        TableData.Loaded typo = load(write("typo.csv", b.toString().replace("\n3,4.75\n", "\n3,about five\n")),
                "label", "price");
        assertEquals("regression", typo.summary().task().orElseThrow());
        assertEquals(39, typo.all().size());
        assertTrue(says(typo, "1 label cell(s) of 'price' hold text among its numbers (first: 'about five')"));
    }

    @Test
    void fewWholeNumbersAreClassesAndIdsFollowTheirOrder() throws IOException {
        TableData.Loaded l = load(write("t.csv", "a,label\n1,3\n2,1\n3,2\n4,3\n5,1\n6,2\n"));
        assertEquals(List.of("1", "2", "3"), l.all().transform("label").labels());
        assertEquals(2f, l.all().require("label").values()[0]);
        assertTrue(says(l, "given ids 0 to 2 in increasing order"));
    }

    @Test
    void standardizationUsesTheTrainingPartOnly() throws IOException {
        StringBuilder b = new StringBuilder("a,label\n");
        for (int r = 0; r < 50; r++) {
            b.append(r * r).append(',').append(r % 2).append('\n');
        }
        TableData.Loaded l = load(write("t.csv", b.toString()));
        Samples train = l.split().train();
        // Back to raw values with the noted transform: their mean over the training part is the noted offset.
        FieldTransform t = l.all().transform("features");
        double sum = 0;
        for (float v : train.require("features").values()) {
            sum += v * t.scale()[0] + t.offset()[0];
        }
        assertEquals(t.offset()[0], sum / train.size(), 1e-3);
        double all = 0;
        for (int r = 0; r < 50; r++) {
            all += r * r;
        }
        assertTrue(Math.abs(all / 50 - t.offset()[0]) > 1e-6, "not the mean of every row");
        double mean = 0;
        for (float v : train.require("features").values()) {
            mean += v;
        }
        assertEquals(0, mean / train.size(), 1e-4);
    }

    @Test
    void theSplitIsStratifiedAndSeeded() throws IOException {
        Path f = write("t.csv", animals(100));
        TableData.Loaded a = load(f);
        TableData.Loaded b = load(f);
        assertArrayEquals(a.split().test().require("features").values(), b.split().test().require("features").values());
        int cats = 0;
        for (float v : a.split().test().require("label").values()) {
            cats += v == 0 ? 1 : 0;
        }
        assertEquals(10, cats);
        assertEquals(20, a.split().test().size());
        assertArrayEquals(new int[] {60, 20, 20}, a.summary().split());
    }

    @Test
    void aTestFileIsTheTestPartAndItsColumnsAreMatchedByName() throws IOException {
        Path train = write("train.csv", animals(30));
        Path test = write("test.csv", "label,colour,x\ncat,red,100\ndog,blue,101\n");
        TableData.Loaded l = loadWith(train, 0.2, 0.2, false, "test", test.toString());
        assertEquals(2, l.split().test().size());
        assertEquals(30, l.split().train().size() + l.split().validation().size());
        assertArrayEquals(new float[] {0, 1}, l.split().test().require("label").values());
        Path bad = write("bad.csv", "x,label\n1,cat\n");
        var e = assertThrows(DataFileException.class, () -> loadWith(train, 0.2, 0.2, false, "test", bad.toString()));
        assertTrue(e.getMessage().contains("has no column 'colour'"), e.getMessage());
    }

    @Test
    void tokenIdsForATokenInputAreNeverStandardized() throws IOException {
        StringBuilder b = new StringBuilder("t0,t1,t2,label\n");
        for (int r = 0; r < 20; r++) {
            b.append(r * 200).append(',').append(4979 - r).append(',').append(r % 7).append(',').append(r % 2).append('\n');
        }
        TableData.Loaded l = loadWith(write("ids.csv", b.toString()), 0.2, 0.2, true);
        DataField tokens = l.all().fields().get(0);
        assertEquals(DataField.tokens("tokens", 3, 4980), tokens);
        assertEquals(4979f, l.all().require("tokens").values()[1]);
        assertTrue(says(l, "token ids (whole numbers 0 to 4979) for the network's token input; they are not"
                + " standardized"), l.summary().notices().toString());
    }

    @Test
    void aTabSeparatedFileWithAByteOrderMarkReads() throws IOException {
        TableData.Loaded l = load(write("t.tsv", "\uFEFFlabel\ta\tb\nx\t1\t2\ny\t2\t3\nx\t3\t5\ny\t4\t4\n"));
        assertEquals("label", l.summary().label().orElseThrow());
        assertEquals(List.of("a", "b"), l.summary().features());
    }

    @Test
    void aTextColumnOfManyDistinctValuesIsLeftOutUnlessNamed() throws IOException {
        StringBuilder b = new StringBuilder("name,a,label\n");
        for (int r = 0; r < 60; r++) {
            b.append("person").append(r).append(',').append(r).append(',').append(r % 2).append('\n');
        }
        Path f = write("t.csv", b.toString());
        TableData.Loaded l = load(f);
        assertEquals(List.of("a"), l.summary().features());
        assertTrue(says(l, "Left out the column 'name': its text takes 60 distinct values"));
        TableData.Loaded named = load(f, "features", "name,a");
        // Named, the column is one-hot encoded with the names the training part shows.
        assertEquals(named.split().train().size() + 1, named.summary().features().size());
    }

    @Test
    void theImbalanceOfClassesIsWarned() throws IOException {
        StringBuilder b = new StringBuilder("a,label\n");
        for (int r = 0; r < 40; r++) {
            b.append(r).append(',').append(r < 36 ? "common" : "rare").append('\n');
        }
        TableData.Loaded l = load(write("t.csv", b.toString()));
        assertTrue(says(l, "The classes are imbalanced: 'common' has 36 samples and 'rare' 4"), l.summary().notices()
                .toString());
    }

    @Test
    void realDigitsCsvHas64FeaturesAndTenClasses() {
        Path csv = CliPaths.digits().resolve("digits.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(csv));
        TableData.Loaded l = load(csv);
        assertEquals(1797, l.all().size());
        assertEquals(Shape.of(64), l.all().fields().get(0).shape());
        assertEquals(10, l.all().fields().get(1).classes());
    }

    @Test
    void numberColumnsThatLookLikeIdsAreAnnouncedWhenTheNetworkReadsThemAsMeasures() throws IOException {
        // Eight columns of ids from one vocabulary of 300, as a text of token ids; an MLP would standardize them.
        StringBuilder b = new StringBuilder("t0,t1,t2,t3,t4,t5,t6,t7,label\n");
        java.util.Random random = new java.util.Random(11);
        for (int r = 0; r < 300; r++) {
            for (int i = 0; i < 8; i++) {
                b.append(4700 + random.nextInt(300)).append(',');
            }
            b.append(r % 2).append('\n');
        }
        Path ids = Files.writeString(dir.resolve("ids.csv"), b.toString());
        List<String> notices = load(ids).summary().notices();
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("Warning: the column(s) t0, t1, t2, t3, t4, t5, ...")
                && n.contains("as ids do") && n.contains("start the network with a token input")), notices.toString());

        // Measures: a year and an income share no values; small whole numbers (pixels 0-16) are few.
        StringBuilder m = new StringBuilder("year,income,p0,p1,label\n");
        for (int r = 0; r < 300; r++) {
            m.append(1950 + r % 70).append(',').append(20_000 + random.nextInt(900)).append(',').append(r % 17)
                    .append(',').append((r * 7) % 17).append(',').append(r % 2).append('\n');
        }
        Path measures = Files.writeString(dir.resolve("measures.csv"), m.toString());
        assertTrue(load(measures).summary().notices().stream().noneMatch(n -> n.startsWith("Warning")),
                load(measures).summary().notices().toString());
    }
}
