package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** The task editor's rows: a change that fits is saved, one that does not is refused with nothing saved, reset forgets. */
class TaskEditorModelTest {
    private final Template regression = TemplateLibrary.find("regression-mlp").orElseThrow();
    private final List<TrainingSettings> saved = new ArrayList<>();
    private final SettingsForm form = new SettingsForm(regression.settings(), saved::add);
    private final SimpleObjectProperty<DataCheck.TaskBasis> basis = new SimpleObjectProperty<>();

    private TaskEditorModel editorOn(Graph graph) {
        basis.set(check(graph, form.settings().task()).basis().orElseThrow());
        return new TaskEditorModel(form, basis);
    }

    private DataCheck.Outcome check(Graph graph, Task savedTask) {
        TrainingSettings s = form.settings();
        return DataCheck.check(s.data(), graph, ShapeInference.infer(graph), Path.of("."), s.seed(), s.loss(), savedTask);
    }

    @Test
    void theProposalIsShownAsRows() {
        TaskEditorModel editor = editorOn(regression.graph());
        assertEquals("plain", editor.recipeProperty().get());
        assertEquals(1, editor.inputs().size());
        assertEquals("features", editor.inputs().get(0).fieldProperty().get());
        assertEquals(List.of("features"), editor.inputs().get(0).choices(), "only the field of two values fits");
        TaskEditorModel.ObjectiveRow out = editor.objectives().get(0);
        assertEquals("mse", out.lossProperty().get());
        assertEquals("target", out.targetProperty().get());
        assertEquals(List.of("features", "target"), out.targets());
        assertEquals("1", out.weightProperty().get());
        assertEquals("MAE, RMSE, R²", editor.metricsProperty().get());
        assertEquals("", editor.errorProperty().get());
        assertTrue(editor.originProperty().get().startsWith("The runner's proposal"));
    }

    @Test
    void theEditorNamesMetricsAsTheDataRowDoes() {
        for (String id : List.of("regression-mlp", "two-moons-mlp", "gan-2d", "vae")) {
            Template t = TemplateLibrary.find(id).orElseThrow();
            SettingsForm f = new SettingsForm(t.settings(), s -> { });
            TrainingSettings s = f.settings();
            DataCheck.Outcome outcome = DataCheck.check(s.data(), t.graph(), ShapeInference.infer(t.graph()),
                    Path.of("."), s.seed(), s.loss(), s.task());
            String rowLine = outcome.task().stream().filter(l -> l.startsWith("Metrics: ")).findFirst().orElseThrow();
            TaskEditorModel editor = new TaskEditorModel(f, new SimpleObjectProperty<>(outcome.basis().orElseThrow()));
            assertEquals(rowLine, "Metrics: " + editor.metricsProperty().get(), id);
        }
    }

    @Test
    void aLossThatFitsIsSavedWithItsParameter() {
        TaskEditorModel editor = editorOn(regression.graph());
        TaskEditorModel.ObjectiveRow out = editor.objectives().get(0);
        out.lossProperty().set("huber");
        out.parametersProperty().set(" delta = 0.5 ");
        out.weightProperty().set("2");

        assertEquals(Optional.empty(), editor.apply());
        Task task = form.settings().task();
        assertEquals(new Objective(out.output(), "huber:delta=0.5", "target", 2.0), task.objectives().get(0));
        assertEquals(List.of("mae", "rmse", "r2"), task.metrics());
        assertEquals(task, saved.get(saved.size() - 1).task(), "saved into the project's settings");
        assertEquals("", editor.errorProperty().get());
        assertTrue(editor.originProperty().get().startsWith("Your task"));
        // The Data row's next check trains the saved task, not the proposal.
        DataCheck.Outcome next = check(regression.graph(), form.settings().task());
        assertTrue(next.task().stream().anyMatch(l -> l.contains("huber:delta=0.5 against 'target'")), next.task().toString());
        assertTrue(next.basis().orElseThrow().saved());
    }

    @Test
    void aTargetThatDoesNotFitIsRefusedAndNothingIsSaved() {
        TaskEditorModel editor = editorOn(regression.graph());
        TaskEditorModel.ObjectiveRow out = editor.objectives().get(0);
        out.targetProperty().set("features");

        Optional<String> refusal = editor.apply();
        assertEquals("The output layer '" + out.output() + "' gives a vector of 1 but its target 'features' is a"
                + " vector of 2; they must hold as many numbers.", refusal.orElseThrow());
        assertEquals(refusal.get(), editor.errorProperty().get());
        assertNull(form.settings().task(), "nothing saved");
        assertTrue(saved.isEmpty());
        assertEquals("features", out.targetProperty().get(), "the rows keep what was chosen");
    }

    @Test
    void malformedRowsAreRefusedInWords() {
        TaskEditorModel editor = editorOn(regression.graph());
        TaskEditorModel.ObjectiveRow out = editor.objectives().get(0);
        String id = out.output();

        out.lossProperty().set("huber");
        out.parametersProperty().set("delta=wide");
        assertEquals("The loss parameters of '" + id + "' have a part 'delta=wide' that is not NAME=NUMBER (e.g."
                + " delta=0.5).", editor.apply().orElseThrow());
        out.parametersProperty().set("gamma=2");
        assertEquals("Output '" + id + "': The loss 'huber' has no parameter 'gamma'; it takes delta.",
                editor.apply().orElseThrow());
        out.parametersProperty().set("delta=-1");
        assertTrue(editor.apply().orElseThrow().contains("The delta of the loss 'huber' must be above 0"));
        out.parametersProperty().set("");
        out.weightProperty().set("0");
        assertEquals("The weight of the loss of '" + id + "' must be a positive number such as 1; got \"0\".",
                editor.apply().orElseThrow());
        out.weightProperty().set("1");
        out.lossProperty().set("cross_entropy");
        assertTrue(editor.apply().orElseThrow().startsWith("The loss cross_entropy compares class scores with class ids"));
        editor.inputs().get(0).fieldProperty().set(null);
        assertEquals("Choose the field that feeds the input layer '" + editor.inputs().get(0).node() + "'.",
                editor.apply().orElseThrow());
        assertNull(form.settings().task());
        assertTrue(saved.isEmpty());
    }

    @Test
    void metricsFollowTheRows() {
        TaskEditorModel editor = editorOn(regression.graph());
        editor.objectives().get(0).lossProperty().set("mae");
        assertEquals("MAE, RMSE, R²", editor.metricsProperty().get());
    }

    @Test
    void resetForgetsTheSavedTaskAndShowsTheProposal() {
        TaskEditorModel editor = editorOn(regression.graph());
        editor.objectives().get(0).lossProperty().set("mae");
        assertEquals(Optional.empty(), editor.apply());
        assertEquals("mae", form.settings().task().objectives().get(0).loss());

        assertEquals(Optional.empty(), editor.reset());
        assertNull(form.settings().task());
        assertNull(saved.get(saved.size() - 1).task());
        assertEquals("mse", editor.objectives().get(0).lossProperty().get());
        assertTrue(editor.originProperty().get().startsWith("The runner's proposal"));
    }

    @Test
    void eachOutputOfATwoOutputNetworkHasItsOwnLoss() {
        TaskEditorModel editor = editorOn(twoHeads());
        assertEquals(List.of("head_a", "head_b"), editor.objectives().stream().map(TaskEditorModel.ObjectiveRow::output).toList());
        editor.objectives().get(1).lossProperty().set("huber");
        editor.objectives().get(1).weightProperty().set("0.5");
        assertEquals(Optional.empty(), editor.apply());
        List<Objective> terms = form.settings().task().objectives();
        assertEquals(new Objective("head_a", "mse", "target", 1.0), terms.get(0));
        assertEquals(new Objective("head_b", "huber", "target", 0.5), terms.get(1));
    }

    @Test
    void aSavedTaskForALayerNoLongerThereIsReportedWithTheWayBack() {
        TaskEditorModel editor = editorOn(twoHeads());
        editor.objectives().get(1).lossProperty().set("mae");
        assertEquals(Optional.empty(), editor.apply());

        // head_b is deleted from the canvas: the saved task still trains it.
        Graph oneHead = twoHeads().withoutNodes(List.of("head_b"));
        DataCheck.Outcome o = check(oneHead, form.settings().task());
        String problem = o.problem().orElseThrow();
        assertTrue(problem.startsWith("'head_b' is not one of the network's outputs (head_a)."), problem);
        assertTrue(problem.endsWith(DataCheck.RESET_HINT), problem);

        basis.set(o.basis().orElseThrow());
        assertEquals(List.of("head_a"), editor.objectives().stream().map(TaskEditorModel.ObjectiveRow::output).toList(),
                "the rows follow the network");
        assertFalse(editor.errorProperty().get().isEmpty(), "the editor says what is wrong with the saved task");
        assertEquals(Optional.empty(), editor.reset());
        assertNull(form.settings().task());
        assertEquals(Optional.empty(), check(oneHead, form.settings().task()).problem());
    }

    /** vector_input(2) -> dense(16) -> two heads of one value each. */
    private static Graph twoHeads() {
        return Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 2), 0, 0),
                        new Node("hidden", "dense", Map.of("units", 16), 200, 0),
                        new Node("head_a", "dense", Map.of("units", 1), 400, 0),
                        new Node("head_b", "dense", Map.of("units", 1), 400, 120)),
                List.of(Edge.of("input", "out", "hidden", "in"), Edge.of("hidden", "out", "head_a", "in"),
                        Edge.of("hidden", "out", "head_b", "in")));
    }
}
