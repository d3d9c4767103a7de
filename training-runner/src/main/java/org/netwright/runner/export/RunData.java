package org.netwright.runner.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.task.DataField;
import org.netwright.model.task.FieldTransform;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.data.TextData;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.Samples;
import org.netwright.templates.data.TextVocabulary;

/** What an export needs of a run's data: whether it is graph data, and the preprocessing of its ports. */
final class RunData {
    private RunData() {
    }

    /** Whether the run trained on one graph or on many small graphs (no samples; the node features' transform only). */
    static boolean isGraph(TrainedRun run, Path project) {
        return DataSources.isGraphSet(run.settings().data())
                || DataSources.isGraph(run.settings().data(), project.toAbsolutePath().getParent());
    }

    /** Whether the run names data: an imported model names none until the user trains it on some. */
    static boolean namesData(TrainedRun run) {
        DataRecipe d = run.settings().data();
        return d != null && (d.options().get("path") != null || d.options().get("name") != null);
    }

    /** The run's ports with their fields and transforms, from the run's data as it trained on them. */
    static Preprocessing preprocessing(TrainedRun run, Path project) {
        if (isGraph(run, project)) {
            return Preprocessing.of(run.graph(), null, List.of(), run.graphTransforms(project));
        }
        if (!namesData(run)) {
            // No data, so no transforms: raw values in, raw scores out.
            return Preprocessing.of(run.graph(), run.task(), List.of(), Map.of());
        }
        Samples samples = run.data(project);
        Map<String, FieldTransform> transforms = new HashMap<>(samples.transforms());
        DataRecipe recipe = run.settings().data();
        if (recipe != null && TextData.KIND.equals(recipe.kind()) && recipe.options().get(TextData.CHARACTERS) != null) {
            // A character-level text notes its vocabulary in the recipe, not on its fields: id 0 is any other
            // character (written back as U+FFFD), ids 1.. the recipe's characters, as predict names them.
            TextVocabulary v = TextData.pinnedVocabulary(recipe);
            List<String> characters = new ArrayList<>();
            for (int id = 0; id < v.size(); id++) {
                characters.add(new String(Character.toChars(v.codePoint(id))));
            }
            for (DataField f : samples.fields()) {
                FieldTransform t = transforms.getOrDefault(f.name(), FieldTransform.NONE);
                if (f.kind() == DataField.Kind.TOKEN_IDS && t.labels().isEmpty()) {
                    transforms.put(f.name(), new FieldTransform(t.offset(), t.scale(), characters, t.options()));
                }
            }
        }
        return Preprocessing.of(run.graph(), run.task(), samples.fields(), transforms);
    }
}
