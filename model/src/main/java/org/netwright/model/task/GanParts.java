package org.netwright.model.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netwright.model.graph.Graph;

/**
 * A GAN's canvas cut into its two unconnected parts: the generator (from the noise input to the sample) and the
 * discriminator (from the data input to the score), each a graph of its own nodes and edges.
 *
 * @param generator     the part holding the task's {@code generator} output
 * @param discriminator the part holding the task's {@code discriminator} output
 */
public record GanParts(Graph generator, Graph discriminator) {

    /** Cuts {@code graph} into the parts a GAN task names; throws TaskException when the task does not fit it. */
    public static GanParts of(Graph graph, Task task) {
        Map<String, String> o = task.options();
        String g = o.get("generator");
        String d = o.get("discriminator");
        if (g == null || d == null) {
            throw new TaskException("A GAN task names its generator and discriminator outputs (options 'generator' and"
                    + " 'discriminator'); this one does not.");
        }
        List<Set<String>> parts = TaskProposal.components(graph);
        Set<String> gen = parts.stream().filter(p -> p.contains(g)).findFirst().orElseThrow(() -> new TaskException(
                "The GAN's generator output '" + g + "' is not on the canvas."));
        Set<String> dis = parts.stream().filter(p -> p.contains(d)).findFirst().orElseThrow(() -> new TaskException(
                "The GAN's discriminator output '" + d + "' is not on the canvas."));
        if (gen == dis) {
            throw new TaskException("The GAN's generator '" + g + "' and discriminator '" + d
                    + "' are connected; draw them as two separate parts.");
        }
        return new GanParts(only(graph, gen), only(graph, dis));
    }

    private static Graph only(Graph graph, Set<String> keep) {
        return graph.withoutNodes(graph.nodes().keySet().stream().filter(id -> !keep.contains(id)).toList());
    }
}
