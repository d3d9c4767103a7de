/**
 * ONNX on both sides: {@link org.netwright.runner.export.onnx.OnnxWriter} translates a graph with its checkpoint into
 * an ONNX model (opset 17) through the classes protoc generates from ONNX's own schema,
 * {@link org.netwright.runner.export.onnx.OnnxModelReader} opens an ONNX file from elsewhere with its limits checked,
 * and {@link org.netwright.runner.export.onnx.OnnxImporter} maps its operators back onto catalog layers.
 */
package org.netwright.runner.export.onnx;
