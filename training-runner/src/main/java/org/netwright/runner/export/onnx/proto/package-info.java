/**
 * The Java classes protoc generates at build time from ONNX's own schema, {@code src/main/proto/onnx.proto}
 * (Apache-2.0, copied from the onnx/onnx repository): {@code Onnx.ModelProto} and the messages inside it. Nothing
 * here is written by hand.
 */
package org.netwright.runner.export.onnx.proto;
