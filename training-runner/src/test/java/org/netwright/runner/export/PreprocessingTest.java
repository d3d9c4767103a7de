package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;

/**
 * preprocessing.json written from a run's transforms, applied by the exported preprocess.py: the same numbers as
 * {@link FieldTransform#apply}, and text turned into the vocabulary's ids with the reader's options.
 */
class PreprocessingTest {
    @TempDir
    Path dir;

    @Test
    void preprocessPyStandardizesAsFieldTransformDoes() throws Exception {
        DebianTorch.require();
        Graph g = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 3), 0, 0),
                new Node("out", "dense", Map.of("units", 2), 0, 0)), List.of(Edge.of("input", "out", "out", "in")));
        Task task = new Task(Task.PLAIN, List.of(new InputBinding("input", "features")),
                List.of(new Objective("out", "cross_entropy", "label", 1)), List.of("accuracy"), Map.of());
        FieldTransform t = FieldTransform.standardized(new double[] {1, -2, 0.5}, new double[] {2, 4, 0.25});
        Preprocessing.of(g, task, List.of(DataField.values("features", Shape.of(3)), DataField.classId("label", 2)),
                Map.of("features", t, "label", FieldTransform.named(List.of("cat", "dog")))).write(dir);
        Files.writeString(dir.resolve("preprocess.py"), TorchSource.resource("preprocess.py"));
        Files.writeString(dir.resolve("raw.csv"), "a,b,c\n3,2,1\n-1,0,0.5\n");
        DebianTorch.Result r = DebianTorch.run(dir, 120, DebianTorch.PYTHON, "preprocess.py", "raw.csv");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        float[][] raw = {{3, 2, 1}, {-1, 0, 0.5f}};
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < raw.length; i++) {
            float[] want = raw[i].clone();
            t.apply(want);
            JsonNode got = mapper.readTree(lines[i]);
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got.get(k).asDouble(), 1e-6, r.out());
            }
        }
        JsonNode spec = mapper.readTree(dir.resolve("preprocessing.json").toFile());
        assertEquals(List.of("cat", "dog"), mapper.convertValue(spec.get("outputs").get(0).get("classes"), List.class));
    }

    @Test
    void preprocessPyTurnsTextIntoTheVocabularysIds() throws Exception {
        DebianTorch.require();
        Graph g = Graph.of(List.of(new Node("tokens", "token_input", Map.of("length", 5, "vocabulary", 4), 0, 0),
                new Node("embed", "embedding", Map.of("vocabulary", 4, "dimension", 2), 0, 0)),
                List.of(Edge.of("tokens", "out", "embed", "in")));
        Task task = new Task(Task.PLAIN, List.of(new InputBinding("tokens", "text")), List.of(), List.of(), Map.of());
        FieldTransform vocabulary = FieldTransform.named(List.of("<pad>", "the", "cat", "sat"))
                .withOption("tokenizer", "word").withOption("lowercase", "true");
        Preprocessing.of(g, task, List.of(DataField.tokens("text", 5, 4)), Map.of("text", vocabulary)).write(dir);
        Files.writeString(dir.resolve("preprocess.py"), TorchSource.resource("preprocess.py"));
        Files.writeString(dir.resolve("text.txt"), "The cat SAT\n");
        DebianTorch.Result r = DebianTorch.run(dir, 120, DebianTorch.PYTHON, "preprocess.py", "text.txt");
        assertEquals(0, r.exit(), r.err());
        assertEquals("[1.0, 2.0, 3.0, 0.0, 0.0]", r.out().strip());
    }
}
