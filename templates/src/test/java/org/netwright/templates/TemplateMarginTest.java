package org.netwright.templates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Node;

/**
 * A template's cards keep a margin from the canvas's origin: a project saved from it by the command line opens in the
 * window unlaid-out, and a fit cannot scroll past the origin, so cards at 0 sat flush against the canvas's edges.
 */
class TemplateMarginTest {
    static java.util.stream.Stream<String> ids() {
        return TemplateLibrary.all().stream().map(Template::id);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyCardLiesAtLeastTheLayoutsMarginFromTheOrigin(String id) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        for (Node n : t.graph().nodes().values()) {
            assertTrue(n.x() >= GraphBuilder.LEFT && n.y() >= GraphBuilder.LEFT,
                    id + ": " + n.id() + " at (" + n.x() + ", " + n.y() + ")");
        }
    }
}
