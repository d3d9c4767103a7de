package org.netwright.model.catalog;

/** The palette groups, in the order the palette shows them. */
public enum LayerFamily {
    INPUT("Inputs"),
    CORE("Core"),
    ACTIVATION("Activations"),
    CONVOLUTION("Convolution & pooling"),
    MERGE("Merge"),
    RECURRENT("Recurrent"),
    ATTENTION("Attention & Transformers"),
    GRAPH("Graph networks"),
    GENERATIVE("Generative");

    private final String title;

    LayerFamily(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
