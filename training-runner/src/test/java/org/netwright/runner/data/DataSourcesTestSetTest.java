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
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.model.task.NetworkEnds;
import org.netwright.templates.data.Samples;

/** A separate test set ({@code --test}) through {@link DataSources#loadSplit}, and the transform it is brought to. */
class DataSourcesTestSetTest {
    @TempDir
    Path dir;

    private static final NetworkEnds NO_ENDS = new NetworkEnds(List.of(), List.of());

    @Test
    void aCsvTestSetIsTheTestPartAndTheFileGivesTrainingAndValidation() throws IOException {
        StringBuilder train = new StringBuilder("a,label\n");
        for (int i = 0; i < 40; i++) {
            train.append(i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), "a,label\n1,0\n2,1\n3,0\n");
        Map<String, Object> options = new LinkedHashMap<>(Map.of("path", "train.csv", DataSources.TEST, "test.csv"));
        TrainingSettings s = new TrainingSettings(1, 8, 0.01, "adam", "auto", 1, 0.25, 0.25,
                new DataRecipe("csv", options));
        Samples.Split split = DataSources.loadSplit(s, dir, NO_ENDS, n -> { });
        assertEquals(3, split.test().size());
        assertEquals(30, split.train().size());
        assertEquals(10, split.validation().size());
        Map<String, Object> missing = new LinkedHashMap<>(Map.of("path", "train.csv", DataSources.TEST, "no.csv"));
        var e = assertThrows(DataFileException.class, () -> DataSources.loadSplit(
                s.withData(new DataRecipe("csv", missing)), dir, NO_ENDS, n -> { }));
        assertTrue(e.getMessage().contains("There is no test set"), e.getMessage());
    }

    @Test
    void aTestSetIsBroughtToTheTrainingStandardizationAndClassNames() {
        DataField x = DataField.values("x", Shape.of(1));
        DataField y = DataField.classId("y", 2);
        Samples train = new Samples(List.of(new Samples.Column(x, new float[] {0}), new Samples.Column(y, new float[] {0})),
                1, false).withTransform("x", FieldTransform.standardized(new double[] {10}, new double[] {2}))
                .withTransform("y", FieldTransform.named(List.of("cat", "dog")));
        // The test file standardized by its own mean 4 and deviation 1, and naming only dogs (so dog is its id 0).
        Samples test = new Samples(List.of(new Samples.Column(x, new float[] {2}),
                new Samples.Column(DataField.classId("y", 1), new float[] {0})), 1, false)
                .withTransform("x", FieldTransform.standardized(new double[] {4}, new double[] {1}))
                .withTransform("y", FieldTransform.named(List.of("dog")));
        Samples fixed = DataSources.withTrainingTransforms(test, train);
        assertEquals(-2f, fixed.require("x").values()[0], 1e-6, "raw 6 with the training mean 10 and deviation 2");
        assertEquals(1f, fixed.require("y").values()[0], "dog is the training data's class 1");
        Samples wrong = new Samples(List.of(new Samples.Column(DataField.values("x", Shape.of(2)), new float[] {1, 2}),
                new Samples.Column(y, new float[] {0})), 1, false);
        var e = assertThrows(DataFileException.class, () -> DataSources.withTrainingTransforms(wrong, train));
        assertTrue(e.getMessage().contains("differ from the training data's"), e.getMessage());
    }
}
