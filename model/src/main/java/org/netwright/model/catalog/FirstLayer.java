package org.netwright.model.catalog;

import java.util.List;
import java.util.Optional;
import org.netwright.model.shape.Shape;

/**
 * The layer that usually comes first after an input layer, chosen from what the input gives: ids (tokens, labels)
 * go through an Embedding, a graph through a GCN layer, images (C×H×W) through a Conv2d, sequences (T×F) through an
 * LSTM, and plain vectors through a Dense layer. The one place the app's hints take this from.
 */
public final class FirstLayer {
    private FirstLayer() {
    }

    /**
     * The catalog's layer to put after an input of type {@code inputType} whose first output has {@code shape} (null
     * when unknown: then the input type alone decides), or empty when {@code inputType} is not an input layer.
     */
    public static Optional<LayerSpec> after(LayerCatalog catalog, String inputType, Shape shape) {
        Optional<LayerSpec> input = catalog.find(inputType);
        if (input.isEmpty() || !input.get().isInput()) {
            return Optional.empty();
        }
        return catalog.find(choose(inputType, shape == null ? defaultShape(input.get()) : shape));
    }

    private static String choose(String inputType, Shape shape) {
        // Ids are whole numbers naming a row of a table, not amounts: whatever their shape, they need an Embedding.
        if (List.of("token_input", "label_input").contains(inputType)) {
            return "embedding";
        }
        if (inputType.equals("graph_input")) {
            return "gcn";
        }
        int rank = shape == null ? 1 : shape.rank();
        return switch (rank) {
            case 3 -> "conv2d";
            case 2 -> "lstm";
            default -> "dense";
        };
    }

    private static Shape defaultShape(LayerSpec input) {
        try {
            return input.shapeRule().apply(input.resolve(java.util.Map.of()), List.of()).outputs().get(0);
        } catch (RuntimeException e) {
            // An input whose defaults give no shape: the input type alone decides.
            return null;
        }
    }
}
