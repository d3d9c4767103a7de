package org.netwright.model.json;

/**
 * Text that is not a graph this version of Netwright can read; the message says what is wrong and where.
 * Unchecked, like {@link org.netwright.model.graph.GraphEditException}, so that callers holding text they
 * wrote themselves (templates, the project file) are not forced to handle a case that cannot happen there.
 */
public class GraphFormatException extends RuntimeException {
    public GraphFormatException(String message) {
        super(message);
    }

    public GraphFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
