package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerFamily;
import org.netwright.model.catalog.LayerSpec;

class CliCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, JsonNode> blocksById() throws IOException {
        CliRunner r = CliRunner.run("catalog", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), "one JSON document on one line");
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode b : JSON.readTree(r.out()).get("blocks")) {
            byId.put(b.get("id").asText(), b);
        }
        return byId;
    }

    @Test
    void jsonListsEveryBlockOfTheCatalogOnce() throws IOException {
        CliRunner r = CliRunner.run("catalog", "--json");
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.out()).get("blocks").forEach(b -> ids.add(b.get("id").asText()));
        List<String> expected = new ArrayList<>();
        for (LayerFamily f : LayerFamily.values()) {
            LayerCatalog.standard().family(f).forEach(s -> expected.add(s.id()));
        }
        assertEquals(expected, ids);
        assertEquals(LayerCatalog.standard().all().size(), ids.size());
    }

    @Test
    void everyBlockHasItsFieldsAndEveryParameterATypeAndDefault() throws IOException {
        for (JsonNode b : blocksById().values()) {
            for (String field : List.of("id", "name", "family", "inputs", "outputs", "params", "explanation")) {
                assertTrue(b.has(field), field + " in " + b);
            }
            assertFalse(b.get("explanation").asText().isBlank(), b.toString());
            // A composite's ports come from its body, and its output placeholder ends a path: those two have none.
            if (!b.get("id").asText().startsWith("composite")) {
                assertFalse(b.get("outputs").isEmpty(), b.get("id") + " has an output port");
            }
            for (JsonNode p : b.get("params")) {
                assertTrue(List.of("int", "double", "choice", "bool", "text").contains(p.get("type").asText()), p.toString());
                assertTrue(p.has("default") && !p.get("default").isNull(), p.toString());
            }
        }
    }

    @Test
    void conv2dShowsPortsRangesChoicesAndDefaults() throws IOException {
        JsonNode conv = blocksById().get("conv2d");
        assertEquals("Conv2d", conv.get("name").asText());
        assertEquals("convolution", conv.get("family").asText());
        assertEquals("[\"in\"]", conv.get("inputs").toString());
        assertEquals("[\"out\"]", conv.get("outputs").toString());
        JsonNode filters = conv.get("params").get(0);
        assertEquals("filters", filters.get("name").asText());
        assertEquals("int", filters.get("type").asText());
        assertEquals(16, filters.get("default").asInt());
        assertEquals(1, filters.get("min").asInt());
        assertEquals(65536, filters.get("max").asInt());
        JsonNode padding = conv.get("params").get(3);
        assertEquals("choice", padding.get("type").asText());
        assertEquals("same", padding.get("default").asText());
        assertEquals("[\"valid\",\"same\",\"explicit\"]", padding.get("choices").toString());
        JsonNode bias = conv.get("params").get(6);
        assertEquals("bool", bias.get("type").asText());
        assertTrue(bias.get("default").asBoolean());
    }

    @Test
    void portsThatDependOnParametersAreGivenForTheDefaults() throws IOException {
        Map<String, JsonNode> blocks = blocksById();
        assertEquals("[\"in1\",\"in2\"]", blocks.get("add").get("inputs").toString());
        assertEquals("[]", blocks.get("image_input").get("inputs").toString());
        JsonNode dropout = blocks.get("dropout").get("params").get(0);
        assertEquals("double", dropout.get("type").asText());
        assertEquals(0.5, dropout.get("default").asDouble());
    }

    @Test
    void textIsGroupedByFamilyAndFitsInOneHundredColumns() {
        CliRunner r = CliRunner.run("catalog");
        assertEquals(0, r.status(), r.err());
        for (String line : r.outLines()) {
            assertTrue(line.length() <= CatalogCommand.WIDTH, line.length() + " columns: " + line);
        }
        int lastFamily = -1;
        for (LayerFamily f : LayerFamily.values()) {
            if (LayerCatalog.standard().family(f).isEmpty()) {
                continue;
            }
            int at = r.out().indexOf("== " + f.title() + " ");
            assertTrue(at > lastFamily, f.title() + " heading in order");
            lastFamily = at;
        }
        for (LayerSpec s : LayerCatalog.standard().all()) {
            assertTrue(r.out().contains("\n" + s.id() + "  " + s.name() + "\n  ports: "), s.id());
        }
        assertTrue(r.out().contains("\nadd  Add\n  ports: in1, in2 -> out\n"), r.out());
        assertTrue(r.out().matches("(?s).*\n {4}filters +int +?= 16 +1 to 65536 +Output channels.*"), r.out());
    }
}
