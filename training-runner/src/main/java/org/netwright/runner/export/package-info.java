/**
 * Exports of a trained run into folders other runtimes open (DJL, ONNX, PyTorch source), one class per format
 * behind {@link org.netwright.runner.export.ModelExporter}, and the ONNX importer beside them. The DJL and PyTorch
 * formats share {@link org.netwright.runner.export.Preprocessing} ({@code preprocessing.json}) and the README
 * writer; the PyTorch format is {@link org.netwright.runner.export.TorchSource} ({@code model.py}, with our layers
 * from the resource {@code pytorch/layers.py}), {@link org.netwright.runner.export.TorchWeights} and
 * {@link org.netwright.runner.export.Npz} ({@code weights.npz}) and the scripts under {@code pytorch/}.
 */
package org.netwright.runner.export;
