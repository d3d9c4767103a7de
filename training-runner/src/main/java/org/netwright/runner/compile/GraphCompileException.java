package org.netwright.runner.compile;

/** A graph that cannot become a network; the message says why in one sentence a person can act on. */
public class GraphCompileException extends RuntimeException {
    public GraphCompileException(String message) {
        super(message);
    }
}
