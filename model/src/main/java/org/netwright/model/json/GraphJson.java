package org.netwright.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.GraphEditException;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;

/**
 * Reads and writes a {@link Graph} as {@code {"format":"netwright-graph","version":1,"nodes":[..],"edges":[..]}}.
 * Writing is stable (nodes and edges in graph order, parameters in the catalog's order) so that saved
 * files diff well; reading refuses anything that is not such a graph with a {@link GraphFormatException}.
 */
public final class GraphJson {
    public static final String FORMAT = "netwright-graph";
    public static final int VERSION = 1;

    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    /** The longest node id or layer type a graph may have. */
    public static final int MAX_NAME = 100;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");

    private GraphJson() {
    }

    /** The graph as pretty JSON text ending in a newline. */
    public static String write(Graph graph) {
        ObjectNode root = JsonText.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        writeGraph(root, graph);
        return JsonText.pretty(root);
    }

    /** Puts the graph's "nodes" and "edges" into {@code into}; a composite's body is written the same way, nested. */
    private static void writeGraph(ObjectNode into, Graph graph) {
        ArrayNode nodes = into.putArray("nodes");
        for (Node n : graph.nodes().values()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.type());
            o.put("x", n.x());
            o.put("y", n.y());
            ObjectNode params = o.putObject("params");
            for (String name : paramOrder(n)) {
                Object value = n.params().get(name);
                if (!JsonText.isScalar(value)) {
                    throw new IllegalArgumentException("Node '" + n.id() + "' has parameter '" + name
                            + "' of type " + value.getClass().getSimpleName() + ", which cannot be saved.");
                }
                JsonText.put(params, name, value);
            }
            if (n.body() != null) {
                writeGraph(o.putObject("body"), n.body());
            }
        }
        ArrayNode edges = into.putArray("edges");
        for (Edge e : graph.edges()) {
            ObjectNode o = edges.addObject();
            o.put("from", e.from().toString());
            o.put("to", e.to().toString());
        }
    }

    /** The node's parameter names: the catalog's order first, then any names the catalog does not know, as stored. */
    private static List<String> paramOrder(Node n) {
        Set<String> names = new LinkedHashSet<>();
        CATALOG.find(n.type()).ifPresent(spec -> {
            for (ParamSpec p : spec.params()) {
                if (n.params().containsKey(p.name())) {
                    names.add(p.name());
                }
            }
        });
        names.addAll(n.params().keySet());
        return new ArrayList<>(names);
    }

    /** Parses graph JSON; throws {@link GraphFormatException} saying what is wrong and where. */
    public static Graph read(String text) {
        JsonNode root;
        try {
            root = JsonText.parse(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new GraphFormatException("This is not a Netwright graph: it is not valid JSON ("
                    + JsonText.describe(e) + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new GraphFormatException("This is not a Netwright graph: it should be a JSON object but is "
                    + JsonText.kind(root) + ".");
        }
        checkHeader(root);
        return readGraph(root);
    }

    /** The graph in an object with "nodes" and "edges": the whole file, or a composite node's "body". */
    private static Graph readGraph(JsonNode root) {
        // A builder, so that a file of n nodes reads in linear time (adding one node at a time copied the graph).
        Graph.Builder graph = Graph.builder();
        List<Node> nodes = readNodes(root);
        for (Node n : nodes) {
            if (graph.has(n.id())) {
                throw new GraphFormatException("The graph has two nodes with the id '" + n.id() + "'.");
            }
            graph.node(n);
        }
        JsonNode edges = root.path("edges");
        if (edges.isMissingNode()) {
            return graph.build();
        }
        if (!edges.isArray()) {
            throw new GraphFormatException("The graph's \"edges\" should be a list but is " + JsonText.kind(edges) + ".");
        }
        List<Edge> read = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            read.add(addEdge(graph, i + 1, edges.get(i)));
        }
        try {
            return graph.build();
        } catch (GraphEditException e) {
            throw cycle(nodes, read);
        }
    }

    /** Names the first edge that closes a cycle; replays the edges one by one, which is slow but only for bad files. */
    private static GraphFormatException cycle(List<Node> nodes, List<Edge> edges) {
        Graph g = Graph.empty().withNodes(nodes);
        for (int i = 0; i < edges.size(); i++) {
            Edge edge = edges.get(i);
            PortRef from = edge.from();
            PortRef to = edge.to();
            if (g.reaches(to.nodeId(), from.nodeId())) {
                return new GraphFormatException("Edge " + (i + 1) + " (" + edge + ") would close a cycle, because '"
                        + to.nodeId() + "' already feeds '" + from.nodeId() + "'.");
            }
            g = g.connect(edge);
        }
        return new GraphFormatException("The graph has a cycle; a network must be a DAG.");
    }

    private static void checkHeader(JsonNode root) {
        JsonNode format = root.path("format");
        if (!FORMAT.equals(format.textValue())) {
            throw new GraphFormatException("This is not a Netwright graph: its \"format\" is " + JsonText.kind(format)
                    + ", not \"" + FORMAT + "\".");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber()) {
            throw new GraphFormatException("This graph's \"version\" should be a whole number but is "
                    + JsonText.kind(version) + ".");
        }
        // Compared as a big integer: asLong() would turn 10^26 into a negative number.
        BigInteger v = version.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(VERSION)) > 0) {
            throw new GraphFormatException("This graph was made by a newer Netwright (graph format version "
                    + v + "); this version reads up to " + VERSION + ".");
        }
        if (v.signum() < 1) {
            throw new GraphFormatException("This graph's \"version\" is " + v + ", but versions start at 1.");
        }
    }

    private static List<Node> readNodes(JsonNode root) {
        JsonNode nodes = root.path("nodes");
        if (!nodes.isArray()) {
            throw new GraphFormatException("The graph's \"nodes\" should be a list but is " + JsonText.kind(nodes) + ".");
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(readNode(i + 1, nodes.get(i)));
        }
        return out;
    }

    private static Node readNode(int index, JsonNode o) {
        String where = "Node " + index;
        if (!o.isObject()) {
            throw new GraphFormatException(where + " should be an object but is " + JsonText.kind(o) + ".");
        }
        String id = requireName(o, "id", where);
        where = "Node " + index + " ('" + id + "')";
        String type = requireName(o, "type", where);
        double x = number(o, "x", where);
        double y = number(o, "y", where);
        JsonNode params = o.path("params");
        Map<String, Object> values = new LinkedHashMap<>();
        if (!params.isMissingNode() && !params.isNull()) {
            if (!params.isObject()) {
                throw new GraphFormatException(where + " has \"params\" that should be an object but is "
                        + JsonText.kind(params) + ".");
            }
            Optional<LayerSpec> spec = CATALOG.find(type);
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    throw new GraphFormatException(where + " has parameter '" + e.getKey()
                            + "' that should be text, a number or true/false but is " + JsonText.kind(e.getValue()) + ".");
                }
                Object raw = JsonText.toJava(e.getValue());
                // Unknown types and unknown names keep the raw value: shape inference reports them, and saving
                // the graph again must not lose what a newer Netwright or a hand edit put there.
                Object value = spec.flatMap(s -> s.param(e.getKey())).map(p -> p.coerce(raw)).orElse(raw);
                values.put(e.getKey(), value);
            }
        }
        return new Node(id, type, values, x, y, body(o.path("body"), where));
    }

    /** A composite node's subgraph, or null when the node has none. */
    private static Graph body(JsonNode body, String where) {
        if (body.isMissingNode() || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw new GraphFormatException(where + " has a \"body\" that should be an object with nodes and edges but is "
                    + JsonText.kind(body) + ".");
        }
        try {
            return readGraph(body);
        } catch (GraphFormatException e) {
            throw new GraphFormatException(where + " has a body that cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * An id or a layer type: at most {@value #MAX_NAME} letters, digits, '_', '-' and '.', so that it prints as
     * it is (no line breaks or terminal escapes), fits any record of it, and cannot clash with the ids a
     * composite's flattening makes ({@code block/inner}).
     */
    private static String requireName(JsonNode o, String field, String where) {
        String text = requireText(o, field, where);
        if (text.length() > MAX_NAME) {
            throw new GraphFormatException(where + " has an \"" + field + "\" of "
                    + text.length() + " characters; at most " + MAX_NAME + " are allowed.");
        }
        if (!NAME.matcher(text).matches()) {
            throw new GraphFormatException(where + " has an \"" + field
                    + "\" with characters other than letters, digits, '_', '-' and '.'.");
        }
        return text;
    }

    private static String requireText(JsonNode o, String field, String where) {
        JsonNode v = o.path(field);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new GraphFormatException(where + " needs \"" + field + "\" as non-empty text but has "
                    + JsonText.kind(v) + ".");
        }
        return v.textValue();
    }

    /** A coordinate; missing means 0 so that hand-written graphs need not place every node. */
    private static double number(JsonNode o, String field, String where) {
        JsonNode v = o.path(field);
        if (v.isMissingNode()) {
            return 0;
        }
        Double d = JsonText.real(v);
        if (d == null) {
            throw new GraphFormatException(where + " has \"" + field + "\" that should be a number but is "
                    + JsonText.kind(v) + ".");
        }
        return d;
    }

    private static Edge addEdge(Graph.Builder graph, int index, JsonNode o) {
        String where = "Edge " + index;
        if (!o.isObject()) {
            throw new GraphFormatException(where + " should be an object but is " + JsonText.kind(o) + ".");
        }
        PortRef from = port(o, "from", where);
        PortRef to = port(o, "to", where);
        Edge edge = new Edge(from, to);
        where = "Edge " + index + " (" + edge + ")";
        for (PortRef end : List.of(from, to)) {
            if (!graph.has(end.nodeId())) {
                throw new GraphFormatException(where + " names the node '" + end.nodeId()
                        + "', which is not in the graph.");
            }
        }
        if (from.nodeId().equals(to.nodeId())) {
            throw new GraphFormatException(where + " connects node '" + from.nodeId() + "' to itself.");
        }
        Optional<Edge> taken = graph.incoming(to);
        if (taken.isPresent()) {
            throw new GraphFormatException(where + " feeds input " + to + ", which " + taken.get().from()
                    + " already feeds.");
        }
        graph.connect(edge);
        return edge;
    }

    /** Splits "node.port" at the last dot, since node ids may contain dots but port names never do. */
    private static PortRef port(JsonNode o, String field, String where) {
        JsonNode v = o.path(field);
        String text = v.isTextual() ? v.textValue() : "";
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new GraphFormatException(where + " has \"" + field + "\" " + JsonText.kind(v)
                    + ", but it should be \"node.port\" such as \"dense_1.out\".");
        }
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
    }
}
