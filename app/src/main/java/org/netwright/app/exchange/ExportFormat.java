package org.netwright.app.exchange;

import java.util.List;

/** An export format as the Export window offers it: the CLI's {@code --format} name and what a user gets. */
public record ExportFormat(String name, String title, String description) {
    /** The formats the runner's {@code export} command writes (a test keeps this list equal to the runner's). */
    public static final List<ExportFormat> ALL = List.of(
            new ExportFormat("onnx", "ONNX",
                    "model.onnx for ONNX Runtime and most inference tools; one input per input layer, raw scores out."),
            new ExportFormat("pytorch", "PyTorch source",
                    "model.py, weights.npz, preprocess.py, train.py and predict.py: go on in PyTorch, scale out with"
                            + " torchrun."),
            new ExportFormat("djl", "DJL model folder",
                    "A folder Deep Java Library's Model.load opens, with the preprocessing beside it and a Java"
                            + " snippet in its README."));

    @Override
    public String toString() {
        return title;
    }
}
