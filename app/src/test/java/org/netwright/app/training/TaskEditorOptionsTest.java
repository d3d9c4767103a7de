package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.netwright.model.command.GraphCommand;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.Task;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * The task editor's recipe options: a VAE's KL weight and a GAN's parts are saved with the task, a value that does not
 * fit is refused saying why with nothing saved, a GAN's noise changes as a network edit; and Train is off with the
 * reason when the saved task no longer fits the network.
 */
class TaskEditorOptionsTest {
    private final List<TrainingSettings> saved = new ArrayList<>();
    private final List<GraphCommand> edits = new ArrayList<>();
    private final SimpleObjectProperty<DataCheck.TaskBasis> basis = new SimpleObjectProperty<>();
    private SettingsForm form;

    private TaskEditorModel editorFor(Template t, Graph graph) {
        form = new SettingsForm(t.settings(), saved::add);
        basis.set(check(graph, null).basis().orElseThrow());
        TaskEditorModel editor = new TaskEditorModel(form, basis);
        editor.editNetworkWith(c -> {
            edits.add(c);
            return Optional.empty();
        });
        return editor;
    }

    private DataCheck.Outcome check(Graph graph, Task savedTask) {
        TrainingSettings s = form.settings();
        return DataCheck.check(s.data(), graph, ShapeInference.infer(graph), Path.of("."), s.seed(), s.loss(), savedTask);
    }

    private static TaskEditorModel.OptionRow row(TaskEditorModel editor, String id) {
        return editor.options().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no option " + id + " in " + editor.options().stream()
                        .map(TaskEditorModel.OptionRow::id).toList()));
    }

    @Test
    void aVaesKlWeightIsShownWithHelpAndSaved() {
        Template vae = TemplateLibrary.find("vae").orElseThrow();
        TaskEditorModel editor = editorFor(vae, vae.graph());
        TaskEditorModel.OptionRow kl = row(editor, "kl_weight");
        assertEquals("KL weight", kl.label());
        assertEquals("1", kl.valueProperty().get());
        assertEquals(List.of(), kl.choices(), "typed");
        assertTrue(kl.help().contains("KL term"), kl.help());

        kl.valueProperty().set("-0.5");
        assertEquals(Optional.of("The KL weight must be a number of at least 0 such as 1; got \"-0.5\"."), editor.apply());
        assertNull(form.settings().task(), "nothing saved");

        kl.valueProperty().set("0.25");
        assertEquals(Optional.empty(), editor.apply());
        assertEquals("0.25", form.settings().task().options().get("kl_weight"));
        assertEquals(Task.VAE, form.settings().task().recipe());
        DataCheck.Outcome next = check(vae.graph(), form.settings().task());
        assertTrue(next.task().get(0).contains("weight 0.25"), next.task().toString());
    }

    @Test
    void aGansPartsAreChosenAmongTheNetworksEndsAndAWrongChoiceIsRefused() {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        TaskEditorModel editor = editorFor(gan, gan.graph());
        TaskEditorModel.OptionRow g = row(editor, "generator");
        TaskEditorModel.OptionRow d = row(editor, "discriminator");
        TaskEditorModel.OptionRow real = row(editor, "real_input");
        assertEquals(2, g.choices().size(), g.choices().toString());
        assertEquals(List.of("point"), real.choices(), "noise cannot be the real input");
        assertEquals("point", real.valueProperty().get());
        String generator = g.valueProperty().get();
        String discriminator = d.valueProperty().get();

        // Swapped: the discriminator's score is not a point.
        g.valueProperty().set(discriminator);
        d.valueProperty().set(generator);
        Optional<String> why = editor.apply();
        assertEquals(Optional.of("The GAN's discriminator '" + generator + "' gives a vector of 2; it must give one"
                + " score per sample."), why);
        assertEquals(why.get(), editor.errorProperty().get());
        assertNull(form.settings().task(), "nothing saved");

        g.valueProperty().set(generator);
        d.valueProperty().set(discriminator);
        assertEquals(Optional.empty(), editor.apply());
        Task task = form.settings().task();
        assertEquals(generator, task.options().get("generator"));
        assertEquals(generator, task.objectives().get(0).output(), "the loss follows the generator");
        assertEquals(List.of(), edits, "no noise change, no network edit");
    }

    @Test
    void aGansNoiseDistributionChangesAsAnUndoableNetworkEdit() {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        TaskEditorModel editor = editorFor(gan, gan.graph());
        TaskEditorModel.OptionRow noise = row(editor, "distribution-noise");
        assertEquals(List.of("normal", "uniform"), noise.choices());
        assertEquals("normal", noise.valueProperty().get());
        assertTrue(noise.help().contains("Undo"), noise.help());

        noise.valueProperty().set("uniform");
        assertEquals(Optional.empty(), editor.apply());
        assertEquals(1, edits.size());
        Graph after = edits.get(0).apply(gan.graph());
        assertEquals("uniform", after.require("noise").params().get("distribution"));
        assertEquals("normal", edits.get(0).undo(after).require("noise").params().get("distribution"));
        assertNull(form.settings().task(), "the proposal stays a proposal when only the noise changed");

        noise.valueProperty().set("cauchy");
        assertEquals(Optional.of("Noise of 'noise' must be one of normal, uniform; got \"cauchy\"."), editor.apply());
    }

    @Test
    void trainIsOffWhenTheSavedTaskNoLongerFitsTheNetwork() {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        TaskEditorModel editor = editorFor(gan, gan.graph());
        assertEquals(Optional.empty(), editor.apply());
        Task task = form.settings().task();
        String generator = task.options().get("generator");
        DataCheck.TaskBasis fits = check(gan.graph(), task).basis().orElseThrow();
        assertEquals(Optional.empty(), TrainReadiness.whyNot(gan.graph(), ShapeInference.infer(gan.graph()),
                form.settings(), fits));

        // The user deletes the generator's last layer: the saved task names a layer that is gone.
        Graph edited = gan.graph().withoutNodes(List.of(generator));
        DataCheck.TaskBasis broken = check(edited, task).basis().orElseThrow();
        String why = TrainReadiness.whyNot(edited, ShapeInference.infer(edited), form.settings(), broken).orElseThrow();
        assertTrue(why.startsWith("The task saved with the project no longer fits: "), why);
        assertTrue(why.contains("'" + generator + "'"), why);
        assertTrue(why.endsWith(TrainReadiness.FIX_TASK), why);

        // A check of an older task (the settings moved on) does not block Train.
        assertEquals(Optional.empty(), TrainReadiness.whyNot(gan.graph(), ShapeInference.infer(gan.graph()),
                form.settings().withTask(null), broken));
    }
}
