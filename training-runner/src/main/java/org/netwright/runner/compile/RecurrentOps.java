package org.netwright.runner.compile;

import java.util.Map;

/** Simple RNN, LSTM and GRU as {@link RecurrentStack}s of DJL's one-way layers. */
final class RecurrentOps {
    private RecurrentOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        for (String kind : new String[] {"rnn", "lstm", "gru"}) {
            into.put(kind, LayerImplementation.block((p, in) -> new RecurrentStack(kind,
                    "rnn".equals(kind) ? p.getString("activation") : "tanh", p.getInt("hidden"), p.getInt("layers"),
                    p.getBool("bidirectional"), (float) p.getDouble("dropout"), p.getBool("return_sequences"))));
        }
    }
}
