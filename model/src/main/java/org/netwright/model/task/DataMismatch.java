package org.netwright.model.task;

import org.netwright.model.shape.Shape;

/**
 * The one place that words why chosen data do not fit a network's ends and what the user changes about it: the Data
 * row's red line, a run's refusal and the command line all say these sentences, so a "why" never comes without
 * its "what to change" (the Run panel promises both). The advice names the inspector's own fields (Features,
 * Channels, Height, Width, Units) so a user can act on it without knowing tensor shapes.
 */
public final class DataMismatch {
    /** How each sentence here begins its advice: what the user changes. */
    static final String TO_FIX = "To fix it, ";

    private DataMismatch() {
    }

    /**
     * Whether {@code sentence} (a refusal passed on, perhaps with more around it) already says what to change: one
     * built here. A message that adds its own general advice leaves it out then, instead of saying it twice.
     */
    public static boolean saysWhatToChange(String sentence) {
        return sentence != null && sentence.contains(TO_FIX);
    }

    /**
     * Samples of {@code samples} read by the input layer {@code inputId}, which gives {@code input} (a different
     * size): why, then what to change.
     */
    public static String samplesVsInput(Shape samples, String inputId, Shape input) {
        return samplesVsInput(samples, inputId, null, input);
    }

    /**
     * {@link #samplesVsInput(Shape, String, Shape)} for an input layer of a known type ({@code inputType}, the
     * catalog id; null when not known), whose own field is named where it is not the shape's usual one (a Token
     * input's Length).
     */
    public static String samplesVsInput(Shape samples, String inputId, String inputType, Shape input) {
        return "The data's samples are " + samples.describe() + " but the input layer '" + inputId + "' expects "
                + input.describe() + ". " + inputFix(samples, inputId, inputType, input);
    }

    /**
     * What to change when samples of {@code samples} meet an input giving {@code input}: set the input layer to the
     * data (its inspector fields), or, where the layer kind is wrong for the data, the other layer kind or other data.
     */
    static String inputFix(Shape samples, String inputId, String inputType, Shape input) {
        String click = "click '" + inputId + "' and set its ";
        if ("token_input".equals(inputType) && samples.rank() == 1 && input.rank() == 1) {
            return TO_FIX + click + "Length to " + samples.dim(0) + ", or choose data with " + input.dim(0)
                    + " tokens per sample.";
        }
        if (samples.rank() == 1 && input.rank() == 3) {
            // Vector rows into an image network: the image layers after it cannot read a row of numbers.
            return TO_FIX + "choose image data of " + input + " in the Data row, or start the network with a"
                    + " Vector input of " + samples.dim(0) + " features (and Dense layers) instead of '" + inputId
                    + "'.";
        }
        if (samples.rank() == 3 && input.rank() == 1) {
            // Images into a vector network: flattening is what the runner does when the sizes agree.
            return TO_FIX + click + "Features to " + samples.size() + " (each image read as one row of "
                    + samples.size() + " numbers), or use an Image input of " + samples + " to keep the pictures'"
                    + " layout.";
        }
        if (samples.rank() == 3 && input.rank() == 3) {
            return TO_FIX + click + "Channels to " + samples.dim(0) + ", Height to " + samples.dim(1)
                    + " and Width to " + samples.dim(2) + ", or choose data of " + input + " images.";
        }
        if (samples.rank() == 1 && input.rank() == 1) {
            return TO_FIX + click + "Features to " + samples.dim(0) + ", or choose data with " + input.dim(0)
                    + " numbers per sample.";
        }
        if (samples.rank() == 2 && input.rank() == 2) {
            return TO_FIX + click + "Time steps to " + samples.dim(0) + " and Features to " + samples.dim(1)
                    + ", or choose data of " + input + " sequences.";
        }
        return TO_FIX + "choose data shaped " + input + ", or start the network with an input layer that takes "
                + samples.describe() + " instead of '" + inputId + "'.";
    }

    /**
     * The data's {@code classes} against the output layer {@code outputId} giving {@code output} (not one score per
     * class): why, then what to change.
     */
    public static String classesVsOutput(int classes, String outputId, Shape output) {
        // The output may be an activation after the Dense layer that sets the count: name the Dense layer by place.
        String fix = output != null && output.rank() == 1
                ? TO_FIX + "set Units to " + classes + " on the network's last Dense layer ('" + outputId
                        + "' or the one just before it), one score per class."
                : TO_FIX + "end the network with a Flatten and a Dense layer of " + classes
                        + " units, one score per class.";
        return "The data has " + classes + " classes, so the output layer '" + outputId + "' must give a vector of "
                + classes + "; it gives " + (output == null ? "an unknown shape" : output.describe()) + ". " + fix;
    }

    /**
     * A graph data set's nodes and node features against the graph input {@code inputId}, which takes {@code given}
     * (null when not known): why, then what to change. {@code padded}: graphs of several sizes, padded to the input's
     * nodes, so it needs at least the largest graph's.
     */
    public static String graphVsInput(int nodes, int features, boolean padded, String inputId, Shape given) {
        String takes = given == null ? "an unknown shape" : given.rank() == 2 ? given.dim(0) + " nodes with "
                + given.dim(1) + " features each" : given.describe();
        return (padded ? "The largest graph has " : "The graph has ") + nodes + " nodes with " + features
                + " features each, but the graph input '" + inputId + "' expects " + takes + ". " + TO_FIX + "click '"
                + inputId + "' and set its Nodes N to " + (padded ? "at least " : "") + nodes + " and Features F to "
                + features + (padded ? " (smaller graphs are padded)." : ".");
    }

    /**
     * Graphs of {@code classes} classes against the output layer {@code outputId} giving {@code output} (not one score
     * per class for the whole graph): why, then what to change.
     */
    public static String graphClassesVsOutput(int classes, String outputId, Shape output) {
        String fix = output != null && output.rank() == 1
                ? TO_FIX + "set Units to " + classes + " on the network's last Dense layer ('" + outputId
                        + "' or the one just before it)."
                : TO_FIX + "end the network with a graph readout and a Dense layer of " + classes + " units.";
        return "The graphs fall into " + classes + " classes, so the output layer '" + outputId + "' must give a vector"
                + " of " + classes + " (a score per class for each graph); it gives "
                + (output == null ? "an unknown shape" : output.describe()) + ". " + fix;
    }

    /**
     * A graph of {@code nodes} nodes falling into {@code classes} classes against the output layer {@code outputId}
     * giving {@code output} (not a score per class for each node): why, then what to change.
     */
    public static String nodeClassesVsOutput(int nodes, int classes, String outputId, Shape output) {
        return "The graph's nodes fall into " + classes + " classes, so the output layer '" + outputId + "' must give "
                + nodes + "×" + classes + " (a score per class for each node); it gives "
                + (output == null ? "an unknown shape" : output.toString()) + ". " + TO_FIX + "set Units to " + classes
                + " on the network's last graph layer ('" + outputId + "' or the one just before it).";
    }
}
