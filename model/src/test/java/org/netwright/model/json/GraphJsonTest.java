package org.netwright.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.SampleGraphs;
import org.netwright.model.catalog.BoolParam;
import org.netwright.model.catalog.ChoiceParam;
import org.netwright.model.catalog.DoubleParam;
import org.netwright.model.catalog.IntParam;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.catalog.TextParam;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

class GraphJsonTest {
    static Stream<String> layerTypes() {
        return LayerCatalog.standard().all().stream().map(LayerSpec::id);
    }

    /** A value of the parameter's own type that is not its default, so a round trip that drops it shows. */
    private static Object nonDefault(ParamSpec p) {
        if (p instanceof IntParam i) {
            return i.defaultValue() == i.max() ? i.min() : i.max();
        }
        if (p instanceof DoubleParam d) {
            return d.defaultValue() == d.max() ? d.min() : d.max();
        }
        if (p instanceof ChoiceParam c) {
            return c.choices().get(c.choices().indexOf(c.defaultValue()) == 0 ? 1 : 0);
        }
        if (p instanceof TextParam t) {
            return t.defaultValue() + ",1";
        }
        return !((BoolParam) p).defaultValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerTypes")
    void everyLayerTypeRoundTripsWithEveryParameterAndItsJavaType(String type) {
        LayerSpec spec = LayerCatalog.standard().require(type);
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec p : spec.params()) {
            params.put(p.name(), nonDefault(p));
        }
        Node layer = new Node("n.1", type, params, 12.5, -40.25);
        Graph g = Graph.empty().withNode(new Node("src", "vector_input", Map.of(), 0, 0)).withNode(layer);
        if (!spec.isInput()) {
            String port = type.equals("add") || type.equals("concatenate") ? "in2" : "in";
            g = g.connect(Edge.of("src", "out", "n.1", port));
        }
        Graph back = GraphJson.read(GraphJson.write(g));
        assertEquals(g, back);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            assertEquals(e.getValue().getClass(), back.require("n.1").params().get(e.getKey()).getClass(), e.getKey());
        }
    }

    @Test
    void theLeNetSampleRoundTripsAndWritingItAgainGivesTheSameText() {
        String text = GraphJson.write(SampleGraphs.lenet());
        Graph back = GraphJson.read(text);
        assertEquals(SampleGraphs.lenet(), back);
        assertEquals(text, GraphJson.write(back));
        assertEquals(List.copyOf(SampleGraphs.lenet().nodes().keySet()), List.copyOf(back.nodes().keySet()));
        assertEquals(SampleGraphs.lenet().edges(), back.edges());
    }

    @Test
    void writeIsPrettyWithParamsInCatalogOrderWhateverOrderTheyWereSetIn() {
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("bias", false);
        reversed.put("units", 10);
        Graph g = Graph.empty()
                .withNode(new Node("in", "vector_input", Map.of("features", 4), 0, 0))
                .withNode(new Node("fc", "dense", reversed, 200, 0))
                .connect(Edge.of("in", "out", "fc", "in"));
        String expected = """
                {
                  "format": "netwright-graph",
                  "version": 1,
                  "nodes": [
                    {
                      "id": "in",
                      "type": "vector_input",
                      "x": 0.0,
                      "y": 0.0,
                      "params": {
                        "features": 4
                      }
                    },
                    {
                      "id": "fc",
                      "type": "dense",
                      "x": 200.0,
                      "y": 0.0,
                      "params": {
                        "units": 10,
                        "bias": false
                      }
                    }
                  ],
                  "edges": [
                    {
                      "from": "in.out",
                      "to": "fc.in"
                    }
                  ]
                }
                """;
        assertEquals(expected, GraphJson.write(g));
    }

    @Test
    void paramsAreCoercedThroughTheCatalogWhenTheTypeIsKnown() {
        Graph g = GraphJson.read("""
                {"format":"netwright-graph","version":1,"nodes":[
                  {"id":"fc","type":"dense","x":1,"y":2,"params":{"units":"32","bias":"yes"}},
                  {"id":"drop","type":"dropout","params":{"rate":1}},
                  {"id":"conv","type":"conv2d","params":{"kernel":5.0}}],
                 "edges":[]}""");
        assertEquals(32, g.require("fc").params().get("units"));
        assertEquals(true, g.require("fc").params().get("bias"));
        assertEquals(1.0, g.require("drop").params().get("rate"));
        assertEquals(5, g.require("conv").params().get("kernel"));
        assertEquals(1.0, g.require("fc").x());
        assertEquals(0.0, g.require("drop").x());
    }

    @Test
    void unknownTypesAndParametersAreKeptAsTheyAreSoNothingIsLostOnSave() {
        String text = """
                {"format":"netwright-graph","version":1,"nodes":[
                  {"id":"q","type":"quantum","x":0,"y":0,"params":{"qubits":"7","phase":0.5}},
                  {"id":"fc","type":"dense","x":0,"y":0,"params":{"units":3,"colour":"red"}}],
                 "edges":[{"from":"q.out","to":"fc.in"}]}""";
        Graph g = GraphJson.read(text);
        assertEquals(Map.of("qubits", "7", "phase", 0.5), g.require("q").params());
        assertEquals("red", g.require("fc").params().get("colour"));
        assertEquals(g, GraphJson.read(GraphJson.write(g)));
    }

    @Test
    void notANumberValuesSurviveARoundTrip() {
        Graph g = Graph.empty().withNode(new Node("d", "dropout", Map.of("rate", Double.NaN), Double.POSITIVE_INFINITY, 0));
        Graph back = GraphJson.read(GraphJson.write(g));
        assertTrue(Double.isNaN((Double) back.require("d").params().get("rate")));
        assertEquals(Double.POSITIVE_INFINITY, back.require("d").x());
    }

    @Test
    void anEmptyGraphRoundTrips() {
        assertEquals(Graph.empty(), GraphJson.read(GraphJson.write(Graph.empty())));
    }

    static Stream<Arguments> badGraphs() {
        String nodes = "\"nodes\":[{\"id\":\"a\",\"type\":\"relu\"},{\"id\":\"b\",\"type\":\"relu\"},{\"id\":\"c\",\"type\":\"add\"}]";
        return Stream.of(
                Arguments.of("not JSON", "{\"format\": netwright",
                        List.of("it is not valid JSON", "Unrecognized token 'netwright'", "at line 1, column")),
                Arguments.of("empty text", "", List.of("should be a JSON object but is missing")),
                Arguments.of("a list", "[1, 2]", List.of("should be a JSON object but is a list")),
                Arguments.of("wrong format marker", "{\"format\":\"netwright-settings\",\"version\":1,\"nodes\":[]}",
                        List.of("\"format\" is the text \"netwright-settings\", not \"netwright-graph\"")),
                Arguments.of("no format marker", "{\"version\":1,\"nodes\":[]}", List.of("\"format\" is missing")),
                Arguments.of("newer version", "{\"format\":\"netwright-graph\",\"version\":2,\"nodes\":[]}",
                        List.of("made by a newer Netwright (graph format version 2); this version reads up to 1")),
                Arguments.of("version as text", "{\"format\":\"netwright-graph\",\"version\":\"1\",\"nodes\":[]}",
                        List.of("\"version\" should be a whole number but is the text \"1\"")),
                Arguments.of("nodes not a list", "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":{}}",
                        List.of("\"nodes\" should be a list but is an object")),
                Arguments.of("node without type", "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":[{\"id\":\"a\"}]}",
                        List.of("Node 1 ('a') needs \"type\" as non-empty text but has missing")),
                Arguments.of("node x as text",
                        "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":[{\"id\":\"a\",\"type\":\"relu\",\"x\":\"left\"}]}",
                        List.of("Node 1 ('a') has \"x\" that should be a number but is the text \"left\"")),
                Arguments.of("param as object",
                        "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":[{\"id\":\"a\",\"type\":\"dense\",\"params\":{\"units\":{}}}]}",
                        List.of("Node 1 ('a') has parameter 'units'", "but is an object")),
                Arguments.of("duplicate id",
                        "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":[{\"id\":\"a\",\"type\":\"relu\"},{\"id\":\"a\",\"type\":\"tanh\"}]}",
                        List.of("two nodes with the id 'a'")),
                Arguments.of("edge to unknown node", "{\"format\":\"netwright-graph\",\"version\":1," + nodes
                        + ",\"edges\":[{\"from\":\"a.out\",\"to\":\"b.in\"},{\"from\":\"b.out\",\"to\":\"ghost.in\"}]}",
                        List.of("Edge 2 (b.out -> ghost.in) names the node 'ghost', which is not in the graph")),
                Arguments.of("edge end without port", "{\"format\":\"netwright-graph\",\"version\":1," + nodes
                        + ",\"edges\":[{\"from\":\"a\",\"to\":\"b.in\"}]}",
                        List.of("Edge 1 has \"from\" the text \"a\", but it should be \"node.port\"")),
                Arguments.of("cycle", "{\"format\":\"netwright-graph\",\"version\":1," + nodes
                        + ",\"edges\":[{\"from\":\"a.out\",\"to\":\"b.in\"},{\"from\":\"b.out\",\"to\":\"c.in1\"},"
                        + "{\"from\":\"c.out\",\"to\":\"a.in\"}]}",
                        List.of("Edge 3 (c.out -> a.in) would close a cycle, because 'a' already feeds 'c'")),
                Arguments.of("self loop", "{\"format\":\"netwright-graph\",\"version\":1," + nodes
                        + ",\"edges\":[{\"from\":\"a.out\",\"to\":\"a.in\"}]}",
                        List.of("Edge 1 (a.out -> a.in) connects node 'a' to itself")),
                Arguments.of("taken input", "{\"format\":\"netwright-graph\",\"version\":1," + nodes
                        + ",\"edges\":[{\"from\":\"a.out\",\"to\":\"c.in1\"},{\"from\":\"b.out\",\"to\":\"c.in1\"}]}",
                        List.of("Edge 2 (b.out -> c.in1) feeds input c.in1, which a.out already feeds")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGraphs")
    void somethingElseIsRefusedWithOneSentenceSayingWhatAndWhere(String name, String text, List<String> expected) {
        GraphFormatException e = assertThrows(GraphFormatException.class, () -> GraphJson.read(text));
        String message = e.getMessage();
        for (String part : expected) {
            assertTrue(message.contains(part), "'" + part + "' not in: " + message);
        }
        assertTrue(message.endsWith("."), message);
        assertFalse(message.substring(0, message.length() - 1).contains(". "), "more than one sentence: " + message);
    }
}
