package org.netwright.templates.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.NetworkKind;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/**
 * {@link NetworkKind} reads every built-in template as the gallery's hand-written words said before it existed, and a
 * user's template (saved and read back) the same as the template it came from, not "Other".
 */
class NetworkKindTest {
    @TempDir
    Path home;

    /** The family and task the gallery showed for each built-in template when they were written by hand. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("two-moons-mlp", "MLP / Classification"),
            Map.entry("regression-mlp", "MLP / Regression"),
            Map.entry("shapes-cnn", "CNN / Classification"),
            Map.entry("lenet5", "CNN / Classification"),
            Map.entry("alexnet", "CNN / Classification"),
            Map.entry("vgg16", "CNN / Classification"),
            Map.entry("resnet18", "CNN / Classification"),
            Map.entry("resnet-mini", "CNN / Classification"),
            Map.entry("vit-mini", "Transformer / Classification"),
            Map.entry("lstm-forecast", "Recurrent / Forecasting"),
            Map.entry("conv1d-forecast", "CNN / Forecasting"),
            Map.entry("lstm-classifier", "Recurrent / Classification"),
            Map.entry("gru-classifier", "Recurrent / Classification"),
            Map.entry("transformer-classifier", "Transformer / Classification"),
            Map.entry("transformer-seq2seq", "Transformer / Sequence to sequence"),
            Map.entry("gpt-mini", "Transformer / Language model"),
            Map.entry("autoencoder", "Autoencoder / Reconstruction"),
            Map.entry("denoising-autoencoder", "Autoencoder / Reconstruction"),
            Map.entry("vae", "VAE / Generation"),
            Map.entry("gan-2d", "GAN / Generation"),
            Map.entry("cgan", "GAN / Generation"),
            Map.entry("dcgan", "GAN / Generation"),
            Map.entry("communities-gcn", "Graph network / Node classification"),
            Map.entry("gcn-node", "Graph network / Node classification"),
            Map.entry("gat-node", "Graph network / Node classification"),
            Map.entry("gnn-graph-classify", "Graph network / Graph classification"),
            // These two had no hand-written words and showed "Other".
            Map.entry("mlp-tabular", "MLP / Classification"),
            Map.entry("text-classifier", "MLP / Classification")));

    private static String words(NetworkKind k) {
        return k.family() + " / " + k.task();
    }

    @Test
    void everyBuiltInTemplateReadsAsItsWords() {
        Map<String, String> got = new TreeMap<>();
        for (Template t : TemplateLibrary.all()) {
            got.put(t.id(), words(NetworkKind.of(t.graph(), t.settings())));
        }
        assertEquals(EXPECTED, got);
    }

    @Test
    void aUserTemplateReadsAsTheTemplateItWasSavedFrom() {
        UserTemplateLibrary library = UserTemplateLibrary.in(home.resolve(".netwright"));
        for (String id : List.of("lenet5", "lstm-forecast", "gpt-mini", "dcgan", "autoencoder", "gcn-node")) {
            Template t = TemplateLibrary.find(id).orElseThrow();
            library.save("Mine " + id, "", List.of(), t.graph(), t.settings());
        }
        for (UserTemplate mine : library.list().templates()) {
            String from = mine.name().substring("Mine ".length());
            Template asTemplate = mine.toTemplate();
            assertEquals(EXPECTED.get(from), words(NetworkKind.of(asTemplate.graph(), asTemplate.settings())), from);
        }
    }

    @Test
    void aSavedTaskDecidesOverTheLayers() {
        Template mlp = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        String in = mlp.graph().topologicalOrder().get(0);
        String out = mlp.graph().sinks().get(0);
        Task regression = new Task(Task.PLAIN, List.of(new InputBinding(in, "x")),
                List.of(new Objective(out, "huber", "y", 1)), List.of("mae"), Map.of());
        assertEquals("MLP / Regression", words(NetworkKind.of(mlp.graph(), mlp.settings().withTask(regression))));
        Task reconstruct = regression.withObjectives(List.of(new Objective(out, "mse", "x", 1)));
        assertEquals("Autoencoder / Reconstruction",
                words(NetworkKind.of(mlp.graph(), mlp.settings().withTask(reconstruct))));
        Task gan = new Task(Task.GAN, regression.inputs(), List.of(), List.of(), Map.of());
        assertEquals("GAN / Generation", words(NetworkKind.of(mlp.graph(), mlp.settings().withTask(gan))));
        // Without a task the settings' loss decides between values and classes.
        assertEquals("MLP / Regression", words(NetworkKind.of(mlp.graph(), mlp.settings().withLoss("mse"))));
        assertEquals("MLP / Classification", words(NetworkKind.of(mlp.graph(), mlp.settings().withLoss("auto"))));
        // With the loss left to the data (a user's CSV), one number out reads as a value to predict.
        Template reg = TemplateLibrary.find("regression-mlp").orElseThrow();
        assertEquals("MLP / Regression", words(NetworkKind.of(reg.graph(), reg.settings().withLoss("auto")
                .withData(DataRecipe.file("csv", "prices.csv")))));
    }
}
