package org.netwright.model.shape;

/** Raised by a layer's shape rule when the shapes that arrive do not fit; the message says what was expected. */
public class ShapeMismatch extends RuntimeException {
    public ShapeMismatch(String message) {
        super(message);
    }
}
