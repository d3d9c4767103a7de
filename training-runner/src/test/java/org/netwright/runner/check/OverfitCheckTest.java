package org.netwright.runner.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;

/** Overfit one batch on two moons: the template memorises it; a squashed output or a frozen network does not. */
@Tag("training")
class OverfitCheckTest {
    private static final Template MOONS = TemplateLibrary.find("two-moons-mlp").orElseThrow();

    private static CheckData moons(TrainingSettings s) {
        return new CheckData.SampleData(Generators.generateSamples(s.data(), s.seed())
                .split(s.validationSplit(), s.testSplit(), s.seed()));
    }

    @Test
    void theTemplateMemorisesOneBatch() {
        List<Double> heard = new ArrayList<>();
        OverfitCheck.Result r = OverfitCheck.run(MOONS.graph(), MOONS.settings(), moons(MOONS.settings()), 200,
                heard::add);
        assertTrue(r.verdict().memorised(), r.verdict().sentence());
        assertTrue(r.verdict().last() < 0.01, r.verdict().sentence());
        assertTrue(heard.size() == 200 && r.losses().length == 200, "losses " + heard.size());
    }

    @Test
    void aSigmoidBeforeCrossEntropyCannotMemoriseAndIsToldSo() {
        Graph g = MOONS.graph();
        String out = g.sinks().get(0);
        g = g.withNode(new Node("squash", "sigmoid", Map.of(), 0, 0))
                .connect(new Edge(new PortRef(out, "out"), new PortRef("squash", "in")));
        OverfitCheck.Result r = OverfitCheck.run(g, MOONS.settings(), moons(MOONS.settings()), 200, l -> { });
        assertFalse(r.verdict().memorised(), r.verdict().sentence());
        // softmax of two numbers in [0, 1] gives the right class at most e/(1+e): its loss cannot go below 0.313.
        assertTrue(r.verdict().last() > 0.3, r.verdict().sentence());
        assertTrue(r.verdict().sentence().startsWith("Not healthy"), r.verdict().sentence());
    }

    @Test
    void aFrozenNetworkCannotMemoriseAndNamesItsFrozenLayers() {
        Graph g = MOONS.graph();
        List<Node> frozen = new ArrayList<>();
        for (Node n : g.nodes().values()) {
            if (n.type().equals("dense")) {
                frozen.add(n.withParam(Node.TRAINABLE, false));
            }
        }
        g = g.withNodes(frozen);
        OverfitCheck.Result r = OverfitCheck.run(g, MOONS.settings(), moons(MOONS.settings()), 50, l -> { });
        assertFalse(r.verdict().memorised(), r.verdict().sentence());
        assertTrue(r.verdict().sentence().contains("Frozen layers do not learn: dense_1"), r.verdict().sentence());
    }
}
