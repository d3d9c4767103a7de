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

    /**
     * Lays every template out on a background thread, so the gallery opens without waiting for ELK to load (its
     * first layout takes a second or two of class loading).
     */
    public static void prepareInBackground() {
        Thread t = new Thread(() -> {
            for (Template template : org.netwright.templates.TemplateLibrary.all()) {
                laidOut(template);
            }
        }, "netwright-template-layout");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * A graph from elsewhere (an imported file) laid out when its own positions are unusable: two cards on top of
     * each other, as in files that give no positions; a graph whose cards are already apart keeps its places.
     */
    public static Graph laidOutIfPiled(Graph graph) {
        java.util.List<org.netwright.model.graph.Node> nodes = java.util.List.copyOf(graph.nodes().values());
        CardShapes cards = CardShapes.standard();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                var a = nodes.get(i);
                var b = nodes.get(j);
                if (Math.abs(a.x() - b.x()) < cards.apply(a).width() && Math.abs(a.y() - b.y()) < cards.apply(a).height()) {
                    return LayeredLayout.apply(graph, cards, LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT);
                }
            }
        }
        return graph;
    }

    /**
     * A project's graph whose cards still stand exactly where a built-in template's raw graph puts them (a project
     * the command line saved from {@code --template}: LeNet-5 opened as one row at 30 %), with the cards placed as
     * that template opens in the app; any other graph, one a user has arranged included, as it is. Only positions
     * change: the layers and their settings stay the project's.
     */
    public static Graph laidOutIfTemplateAsSaved(Graph graph) {
        for (Template template : org.netwright.templates.TemplateLibrary.all()) {
            Graph raw = template.graph();
            if (raw.nodes().size() != graph.nodes().size() || !raw.nodes().keySet().equals(graph.nodes().keySet())) {
                continue;
            }
            boolean asSaved = graph.nodes().values().stream().allMatch(n -> {
                org.netwright.model.graph.Node r = raw.nodes().get(n.id());
                return r.x() == n.x() && r.y() == n.y();
            });
            if (!asSaved) {
                continue;
            }
            Graph laid = laidOut(template);
            return graph.withNodes(graph.nodes().values().stream()
                    .map(n -> n.at(laid.nodes().get(n.id()).x(), laid.nodes().get(n.id()).y())).toList());
        }
        return graph;
    }

    /**
     * The template's graph with every node placed by {@link LayeredLayout}; computed once, then remembered. A user's
     * template keeps its own layout.
     */
    public static Graph laidOut(Template template) {
        // A user's own template keeps the layout it was saved with (laid out only when its cards pile up).
        if (org.netwright.templates.user.UserTemplate.isUser(template.id())) {
            return laidOutIfPiled(template.graph());
        }
        return LAID_OUT.computeIfAbsent(template.id(), id -> LayeredLayout.apply(template.graph(),
                CardShapes.standard(), LayeredLayout.VIEW_WIDTH, LayeredLayout.VIEW_HEIGHT));
    }
}
