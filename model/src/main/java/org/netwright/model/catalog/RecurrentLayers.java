package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Simple RNN, LSTM and GRU over sequences shaped T×F, with PyTorch's parameter layout and counts. */
final class RecurrentLayers {
    private RecurrentLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                recurrent("rnn", "Simple RNN", List.of(new ChoiceParam("activation", "Activation", "tanh",
                                List.of("tanh", "relu"), "Non-linearity of the update h' = act(W x + U h + b).")),
                        "Reads the sequence one step at a time and keeps a hidden vector h' = tanh(W x + U h + b). "
                                + "Cheap, but it forgets quickly: use it for short sequences (tens of steps) or as a "
                                + "baseline; 32 to 128 hidden units is typical."),
                recurrent("lstm", "LSTM", List.of(),
                        "A recurrent layer with a memory cell guarded by input, forget and output gates, so it can "
                                + "carry information across hundreds of steps. The usual choice for time series and "
                                + "text classification; hidden size 64 to 256, 1 or 2 layers."),
                recurrent("gru", "GRU", List.of(),
                        "A recurrent layer with reset and update gates and no separate cell: about three quarters "
                                + "of an LSTM's weights and often just as accurate. Try it where you would use an "
                                + "LSTM; hidden size 64 to 256."));
    }

    /** Weight sets per step: LSTM 4 (i, f, g, o), GRU 3 (r, z, n), simple RNN 1. */
    static int gates(String id) {
        return switch (id) {
            case "lstm" -> 4;
            case "gru" -> 3;
            case "rnn" -> 1;
            default -> throw new IllegalArgumentException("Not a recurrent layer: " + id);
        };
    }

    private static LayerSpec recurrent(String id, String name, List<ParamSpec> extra, String explanation) {
        List<ParamSpec> params = new java.util.ArrayList<>(List.of(
                new IntParam("hidden", "Hidden size", 64, 1, 65536, "Length of the hidden state per direction."),
                new IntParam("layers", "Layers", 1, 1, 16, "Recurrent layers stacked, each reading the one below."),
                new BoolParam("bidirectional", "Bidirectional", false,
                        "Also read the sequence backwards and join both hidden states (doubles the output width)."),
                new DoubleParam("dropout", "Dropout", 0.0, 0.0, 0.99,
                        "Dropout on the outputs of every layer but the last, during training only."),
                new BoolParam("return_sequences", "Return sequences", false,
                        "On: the hidden state at every step (T×H), for many-to-many and stacking. "
                                + "Off: only the final state (H), for many-to-one.")));
        params.addAll(extra);
        return new LayerSpec(id, name, LayerFamily.RECURRENT, explanation, params, Ports.single(), Ports.OUT,
                (p, in) -> shape(id, p, in));
    }

    private static LayerOutput shape(String id, LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() != 2) {
            throw new ShapeMismatch("expects a sequence T×F, but got " + x.describe()
                    + (x.rank() == 1 ? "; a vector has no time axis" : ""));
        }
        int steps = x.dim(0);
        int hidden = p.getInt("hidden");
        int directions = p.getBool("bidirectional") ? 2 : 1;
        int gates = gates(id);
        long params = 0;
        long macs = 0;
        long width = x.dim(1);
        for (int layer = 0; layer < p.getInt("layers"); layer++) {
            // PyTorch's layout per layer and direction: W_ih (gates·H × in), W_hh (gates·H × H), b_ih and b_hh.
            long perDirection = (long) gates * hidden * (width + hidden + 2);
            params += directions * perDirection;
            macs += directions * (long) steps * gates * hidden * (width + hidden);
            width = (long) hidden * directions;
        }
        int out = hidden * directions;
        Shape shape = p.getBool("return_sequences") ? Shape.of(steps, out) : Shape.of(out);
        return LayerOutput.of(shape, params, macs);
    }
}
