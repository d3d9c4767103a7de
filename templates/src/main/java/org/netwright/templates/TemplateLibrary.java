package org.netwright.templates;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/** The built-in templates, in the order a start screen shows them. */
public final class TemplateLibrary {
    public static final String TWO_MOONS_MLP = "two-moons-mlp";
    public static final String SHAPES_CNN = "shapes-cnn";
    public static final String COMMUNITIES_GCN = "communities-gcn";
    public static final String GCN_NODE = "gcn-node";
    public static final String GAT_NODE = "gat-node";
    public static final String GNN_GRAPH_CLASSIFY = "gnn-graph-classify";
    public static final String LENET5 = "lenet5";
    public static final String ALEXNET = "alexnet";
    public static final String VGG16 = "vgg16";
    public static final String RESNET18 = "resnet18";

    private static final List<Template> ALL = List.of(twoMoonsMlp(), shapesCnn(), GraphNets.communitiesGcn(),
            ReferenceNets.lenet5(), ReferenceNets.alexnet(), ReferenceNets.vgg16(), ReferenceNets.resnet18(),
            RegressionNets.regressionMlp(),
            ForecastNets.lstmForecast(),
            ForecastNets.conv1dForecast(),
            AutoencoderNets.autoencoder(),
            AutoencoderNets.denoisingAutoencoder(),
            AutoencoderNets.vae(),
            SequenceNets.lstmClassifier(),
            SequenceNets.gruClassifier(),
            SequenceNets.transformerSeq2seq(),
            SequenceNets.gptMini(),
            SequenceNets.transformerClassifier(),
            SequenceNets.vitMini(),
            VisionNets.resnetMini(),
            GraphNets.gcnNode(), GraphNets.gatNode(), GraphNets.graphClassify(),
            GanNets.gan2d(), GanNets.cgan(), GanNets.dcgan(),
            DataNets.mlpTabular(), DataNets.textClassifier());

    private TemplateLibrary() {
    }

    public static List<Template> all() {
        return ALL;
    }

    public static Optional<Template> find(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static Template twoMoonsMlp() {
        var graph = new GraphBuilder()
                .input("vector_input", Map.of("features", 2))
                .then("dense", Map.of("units", 16)).then("relu")
                .then("dense", Map.of("units", 16)).then("relu")
                .then("dense", Map.of("units", 2))
                .build();
        var settings = new TrainingSettings(20, 32, 0.01, "adam", "cross_entropy", 42, 0.2, 0.2,
                DataRecipe.generator("two_moons", Map.of("samples", 1000, "noise", 0.1)));
        return new Template(TWO_MOONS_MLP, "Two moons: a small MLP",
                "Separates two interleaving half circles with a 2-16-16-2 MLP; trains in seconds.", graph, settings);
    }

    private static Template shapesCnn() {
        var graph = new GraphBuilder()
                .input("image_input", Map.of("channels", 1, "height", 16, "width", 16))
                .then("conv2d", Map.of("filters", 8, "kernel", 3, "padding", "same")).then("relu")
                .then("max_pool2d", Map.of("kernel", 2, "stride", 2))
                // One row per conv block and one for the classifier head, so the net reads at a useful zoom.
                .newRow()
                .then("conv2d", Map.of("filters", 16, "kernel", 3, "padding", "same")).then("relu")
                .then("max_pool2d", Map.of("kernel", 2, "stride", 2))
                .newRow()
                .then("flatten")
                .then("dense", Map.of("units", 32)).then("relu")
                .then("dense", Map.of("units", 3))
                .build();
        var settings = new TrainingSettings(10, 32, 0.005, "adam", "cross_entropy", 42, 0.2, 0.2,
                DataRecipe.generator("shapes", Map.of("samples", 1200, "size", 16)));
        return new Template(SHAPES_CNN, "Shapes: a small CNN",
                "Tells circles, squares and triangles apart in 16×16 grey images with two conv blocks.", graph, settings);
    }
}
