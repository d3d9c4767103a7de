package org.netwright.runner.export.onnx;

/** An ONNX file that cannot be imported (malformed, too large, unsafe or using operators we lack): one sentence. */
public final class OnnxImportException extends RuntimeException {
    public OnnxImportException(String message) {
        super(message);
    }
}
