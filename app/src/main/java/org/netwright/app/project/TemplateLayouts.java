package org.netwright.app.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.editor.layout.LayeredLayout;
import org.netwright.model.graph.Graph;
import org.netwright.templates.Template;

/**
 * Templates as they open: their graph laid out automatically for the canvas of a 1600x1000 window. The templates
 * module knows no layout library (it depends on the model only), so the layout is applied here, once per template.
 */
public final class TemplateLayouts {
    private static final Map<String, Graph> LAID_OUT = new ConcurrentHashMap<>();

    private TemplateLayouts() {
    }

    /** The template's graph with every node placed by {@link LayeredLayout}; computed once, then remembered. */
    public static Graph laidOut(Template template) {
        return LAID_OUT.computeIfAbsent(template.id(), id -> LayeredLayout.apply(template.graph(),
                CardShapes.standard(), LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT));
    }
}
