package org.netwright.runner.export;

import java.io.IOException;
import java.nio.file.Path;
import org.netwright.runner.run.TrainedRun;

/** One export format (DJL, ONNX, PyTorch source): a trained run written into a folder that its runtime opens. */
public interface ModelExporter {
    /** The name users type after {@code --format}, e.g. {@code onnx}. */
    String format();

    /**
     * Writes {@code run} (whose project file is {@code project}, for its data and preprocessing) into {@code dir},
     * which exists and is empty; writes nothing outside it.
     *
     * @throws ExportException when the run cannot be expressed in this format (naming the node and why), before
     *     anything is written
     */
    void write(TrainedRun run, Path project, Path dir) throws IOException;
}
