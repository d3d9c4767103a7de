package org.netwright.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

class SettingsJsonTest {
    static TrainingSettings twoMoons() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("n", 1000);
        options.put("noise", 0.1);
        options.put("classes", List.of("upper", "lower"));
        return new TrainingSettings(20, 32, 0.01, "adam", "cross_entropy", 42L, 0.2, 0.1,
                DataRecipe.generator("two_moons", options));
    }

    @Test
    void settingsWithAGeneratorRecipeRoundTrip() {
        TrainingSettings s = twoMoons();
        TrainingSettings back = SettingsJson.read(SettingsJson.write(s));
        assertEquals(s, back);
        assertEquals(List.of("name", "n", "noise", "classes"), List.copyOf(back.data().options().keySet()));
    }

    @Test
    void settingsWithAFileRecipeAndALargeSeedRoundTrip() {
        TrainingSettings s = new TrainingSettings(1, 1, 10.0, "sgd", "mse", Long.MAX_VALUE, 0, 0,
                DataRecipe.file("csv", "/data/points, with comma.csv"));
        assertEquals(s, SettingsJson.read(SettingsJson.write(s)));
    }

    @Test
    void settingsWithoutDataAndWithANaNLearningRateRoundTrip() {
        TrainingSettings s = twoMoons().withData(null).withLearningRate(Double.NaN);
        TrainingSettings back = SettingsJson.read(SettingsJson.write(s));
        assertNull(back.data());
        assertTrue(Double.isNaN(back.learningRate()));
    }

    @Test
    void writtenTextCarriesTheFormatMarkerAndSnakeCaseNames() {
        String text = SettingsJson.write(twoMoons());
        assertTrue(text.startsWith("{\n  \"format\": \"netwright-settings\",\n  \"version\": 1,\n"), text);
        assertTrue(text.contains("\"batch_size\": 32"), text);
        assertTrue(text.contains("\"kind\": \"generator\""), text);
    }

    @Test
    void outOfRangeValuesAreReadSoTheUiCanShowTheirProblems() {
        TrainingSettings s = SettingsJson.read(SettingsJson.write(twoMoons().withEpochs(0)));
        assertEquals(0, s.epochs());
        assertEquals(List.of("Epochs must be between 1 and 100000; got 0."), s.problems());
    }

    static Stream<Arguments> badSettings() {
        String good = SettingsJson.write(twoMoons());
        return Stream.of(
                Arguments.of("not JSON", "epochs=3", "not valid JSON"),
                Arguments.of("a graph", "{\"format\":\"netwright-graph\",\"version\":1}",
                        "\"format\" is the text \"netwright-graph\", not \"netwright-settings\""),
                Arguments.of("newer version", good.replace("\"version\": 1", "\"version\": 3"),
                        "made by a newer Netwright (settings format version 3); this version reads up to 1"),
                Arguments.of("missing epochs", good.replace("\"epochs\": 20,", ""), "\"epochs\" should be a whole number but is missing"),
                Arguments.of("epochs as text", good.replace("\"epochs\": 20", "\"epochs\": \"20\""),
                        "\"epochs\" should be a whole number but is the text \"20\""),
                Arguments.of("huge batch", good.replace("\"batch_size\": 32", "\"batch_size\": 99999999999"),
                        "\"batch_size\" is 99999999999, which is far too large"),
                Arguments.of("data as list", good.replaceAll("(?s)\"data\": \\{.*\\}\\s*\\}\\s*$", "\"data\": []}"),
                        "\"data\" should be an object but is a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void somethingElseIsRefusedWithOneSentence(String name, String text, String expected) {
        SettingsFormatException e = assertThrows(SettingsFormatException.class, () -> SettingsJson.read(text));
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' not in: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertFalse(e.getMessage().substring(0, e.getMessage().length() - 1).contains(". "), e.getMessage());
    }
}
