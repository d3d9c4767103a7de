package org.netwright.model.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two graphs are the same network: the same layers (type and parameter values, the inside of blocks included)
 * joined by the same connections. Where the cards sit does not count. A run goes on from a checkpoint only with the
 * network that trained it, and this says, in words, the first thing that differs.
 */
public final class NetworkChange {
    private NetworkChange() {
    }

    /**
     * The first difference between the network {@code then} and the network {@code now}, in words ("layer 'dense_2'
     * has units 32 now, 64 then"), or empty when they are the same network.
     */
    public static Optional<String> between(Graph then, Graph now) {
        Graph a = CompositeFlattening.flatten(then);
        Graph b = CompositeFlattening.flatten(now);
        for (String id : new TreeSet<>(b.nodes().keySet())) {
            if (!a.nodes().containsKey(id)) {
                return Optional.of("layer '" + id + "' (" + b.require(id).type() + ") was added");
            }
        }
        for (String id : new TreeSet<>(a.nodes().keySet())) {
            if (!b.nodes().containsKey(id)) {
                return Optional.of("layer '" + id + "' (" + a.require(id).type() + ") was removed");
            }
        }
        for (String id : new TreeSet<>(a.nodes().keySet())) {
            Optional<String> changed = nodeChange(a.require(id), b.require(id));
            if (changed.isPresent()) {
                return changed;
            }
        }
        Set<String> edgesThen = edgeWords(a.edges());
        Set<String> edgesNow = edgeWords(b.edges());
        for (String e : edgesNow) {
            if (!edgesThen.contains(e)) {
                return Optional.of("the connection " + e + " was added");
            }
        }
        for (String e : edgesThen) {
            if (!edgesNow.contains(e)) {
                return Optional.of("the connection " + e + " was removed");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nodeChange(Node then, Node now) {
        String id = then.id();
        if (!then.type().equals(now.type())) {
            return Optional.of("layer '" + id + "' is a " + now.type() + " now, a " + then.type() + " then");
        }
        Set<String> names = new TreeSet<>(then.params().keySet());
        names.addAll(now.params().keySet());
        for (String name : names) {
            Object was = then.params().get(name);
            Object is = now.params().get(name);
            if (!sameValue(was, is)) {
                return Optional.of("layer '" + id + "' has " + name + " " + text(is) + " now, " + text(was) + " then");
            }
        }
        return Optional.empty();
    }

    /** Numbers compare by value (a graph read from JSON may hold 64 where the editor holds 64.0). */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a, b) || String.valueOf(a).equals(String.valueOf(b));
    }

    private static String text(Object value) {
        return value == null ? "not set" : String.valueOf(value);
    }

    private static Set<String> edgeWords(List<Edge> edges) {
        List<String> words = new ArrayList<>();
        for (Edge e : edges) {
            words.add(e.from().nodeId() + "." + e.from().port() + " \u2192 " + e.to().nodeId() + "." + e.to().port());
        }
        words.sort(null);
        return new LinkedHashSet<>(words);
    }

    /** True when nothing but the cards' places differ. */
    public static boolean sameNetwork(Graph a, Graph b) {
        return between(a, b).isEmpty();
    }
}
