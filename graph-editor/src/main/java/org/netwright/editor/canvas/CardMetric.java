package org.netwright.editor.canvas;

import org.netwright.editor.Formats;
import org.netwright.model.shape.NodeReport;

/** Which cost a card's second line shows: the layer's parameters, or its multiply-accumulates per sample. */
public enum CardMetric {
    PARAMS("layer-node-params"),
    MACS("layer-node-macs");

    private final String styleClass;

    CardMetric(String styleClass) {
        this.styleClass = styleClass;
    }

    String styleClass() {
        return styleClass;
    }

    String text(NodeReport report) {
        return this == PARAMS ? Formats.params(report.params()) : Formats.macs(report.macs());
    }
}
