package org.netwright.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

class SettingsDiffTest {
    private static final TrainingSettings BASE = new TrainingSettings(20, 32, 0.01, "adam", "auto", 1, 0.2, 0.2,
            DataRecipe.generator("two_moons", Map.of()));

    @Test
    void onlyTheChangedSettingsAreListedWithBothValues() {
        TrainingSettings more = new TrainingSettings(30, 32, 0.001, "adam", "auto", 1, 0.2, 0.2,
                DataRecipe.generator("two_moons", Map.of("noise", "0.3")));
        List<SettingsDiff.Change> changes = SettingsDiff.between(SettingsJson.write(BASE), SettingsJson.write(more));
        assertEquals(List.of("data.options.noise: absent → 0.3", "epochs: 20 → 30"),
                changes.stream().filter(c -> !c.setting().equals("learningRate") && !c.setting().equals("learning_rate"))
                        .map(SettingsDiff.Change::toString).toList());
        assertEquals(3, changes.size(), changes.toString());
    }

    @Test
    void equalSettingsDifferInNothing() {
        assertEquals(List.of(), SettingsDiff.between(SettingsJson.write(BASE), SettingsJson.write(BASE)));
    }

    @Test
    void textThatIsNotJsonIsRefusedInASentence() {
        SettingsFormatException e = assertThrows(SettingsFormatException.class,
                () -> SettingsDiff.between("{", SettingsJson.write(BASE)));
        assertEquals(true, e.getMessage().startsWith("A run's stored settings are not JSON"));
    }
}
