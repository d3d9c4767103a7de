/**
 * Exports of a trained run into folders other runtimes open (DJL, ONNX, PyTorch source), one class per format
 * behind {@link org.netwright.runner.export.ModelExporter}, and the ONNX importer beside them.
 */
package org.netwright.runner.export;
