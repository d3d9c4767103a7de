package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskCarryOver;
import org.netwright.model.task.TaskProposal;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * New data chosen while a task is saved with the project: when the saved task does not fit it, the task is proposed
 * again for the data, keeping the user's choices that still apply, and the row says so (it was refused until reset).
 */
class DataRetaskTest {
    @TempDir
    Path dir;

    @Test
    void aSavedGanTaskIsProposedAgainForNewDataThatFitsTheNetwork() {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        SettingsForm form = new SettingsForm(gan.settings(), s -> { });
        DataViewModel row = new DataViewModel(form, gan::graph, () -> ShapeInference.infer(gan.graph()), dir,
                Runnable::run, Runnable::run);
        row.describeCurrent();
        Task proposed = row.basisProperty().get().proposal().orElseThrow();
        assertEquals(Task.GAN, proposed.recipe());
        // The user saved the task (it binds the ring's field 'point'), as the task editor's Save does.
        assertTrue(form.setTask(proposed).isEmpty());

        row.chooseGenerator("two_moons");

        assertEquals("", row.errorProperty().get(), "not refused");
        assertEquals(DataRecipe.generator("two_moons", java.util.Map.of()), form.settings().data());
        assertEquals("The task saved with the project did not fit two moons generator, so runs train the runner's"
                + " proposal for it now. Edit task\u2026 changes it.", row.noticeProperty().get());
        assertEquals(null, form.settings().task(), "nothing of the saved task applied: the proposal, not a copy");
        Task now = row.basisProperty().get().task();
        assertEquals(Task.GAN, now.recipe());
        assertEquals("features", now.objectives().get(0).target(), "the real samples are the new data's points");
        assertTrue(row.fitsProperty().get());
        assertTrue(row.taskProperty().get().contains("'features'"), row.taskProperty().get());

        // A later change of the task makes the notice stale: it goes.
        assertTrue(form.setTask(now).isEmpty());
        assertEquals("", row.noticeProperty().get());
    }

    @Test
    void theGeneratorMenuJudgesDataAsChoosingItWouldAfterAGanTaskWasSaved() {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        SettingsForm form = new SettingsForm(gan.settings(), s -> { });
        DataViewModel row = new DataViewModel(form, gan::graph, () -> ShapeInference.infer(gan.graph()), dir,
                Runnable::run, Runnable::run);
        row.describeCurrent();
        assertTrue(form.setTask(row.basisProperty().get().proposal().orElseThrow()).isEmpty());

        row.checkGenerators();

        // Two moons does not fit the saved task (it binds the ring's field 'point') but is taken with the task
        // proposed again, so the menu must not cross it out.
        assertEquals("", row.generatorFits().get("two_moons"), row.generatorFits().toString());
        assertEquals("", row.generatorFits().get("ring_gaussians"));
        String shapes = row.generatorFits().get("shapes");
        assertTrue(!shapes.isEmpty(), "images cannot feed the discriminator's vector input");
        assertTrue(!shapes.contains("reset"), "no task fits the images, so resetting the saved one would not help: "
                + shapes);

        // Choosing what the menu crossed out is refused with the same reason, and what it ticked is taken.
        row.chooseGenerator("shapes");
        assertTrue(row.errorProperty().get().contains(shapes), row.errorProperty().get());
        assertEquals(gan.settings().data(), form.settings().data(), "the refused choice loses nothing");
        row.chooseGenerator("two_moons");
        assertEquals("", row.errorProperty().get());
        assertEquals(DataRecipe.generator("two_moons", java.util.Map.of()), form.settings().data());
    }

    @Test
    void theUsersLossAndWeightAreKeptWhereTheyStillApply() {
        Template reg = TemplateLibrary.find("regression-mlp").orElseThrow();
        var graph = reg.graph();
        NetworkEnds ends = NetworkEnds.of(graph, ShapeInference.infer(graph));
        TrainingSettings s = reg.settings();
        DataCheck.Outcome own = DataCheck.check(s.data(), graph, ShapeInference.infer(graph), dir, s.seed(), s.loss(),
                null);
        DataCheck.TaskBasis basis = own.basis().orElseThrow();
        Task proposal = basis.proposal().orElseThrow();
        Objective o = proposal.objectives().get(0);
        Task saved = proposal.withObjectives(List.of(new Objective(o.output(), "huber", o.target(), 2.0)));
        // The same kinds of field under other names: the saved task's field names no longer exist.
        List<DataField> renamed = basis.fields().stream().map(f -> new DataField(f.name() + "_2", f.kind(), f.shape(),
                f.classes())).toList();
        assertTrue(!TaskProposal.problems(saved, graph, ends, renamed).isEmpty(), "the saved task does not fit");
        Task fresh = TaskProposal.propose(graph, ends, renamed);

        TaskCarryOver.Result carried = TaskCarryOver.of(saved, fresh, graph, ends, renamed);

        Objective kept = carried.task().objectives().get(0);
        assertEquals("huber", kept.loss());
        assertEquals(2.0, kept.weight());
        assertEquals(o.target() + "_2", kept.target());
        assertEquals(List.of("the loss huber, the weight 2 of '" + o.output() + "'"), carried.kept());
        assertTrue(TaskProposal.problems(carried.task(), graph, ends, renamed).isEmpty());
        assertEquals(fresh.metrics(), carried.task().metrics());
        assertNotNull(DataViewModel.retaskedText("x.csv", carried.kept()));
        assertEquals(fresh, TaskCarryOver.of(saved.withMetrics(List.of()), fresh, graph, ends, renamed).task()
                .withObjectives(fresh.objectives()), "nothing else differs");
    }
}
