package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Common input-port rules for layer specs. */
final class Ports {
    static final List<String> OUT = List.of("out");

    private Ports() {
    }

    static Function<LayerParams, List<String>> none() {
        return p -> List.of();
    }

    static Function<LayerParams, List<String>> single() {
        return p -> List.of("in");
    }

    /** in1..inN where N is the layer's {@code inputs} parameter. */
    static Function<LayerParams, List<String>> numbered() {
        return p -> {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= p.getInt("inputs"); i++) {
                names.add("in" + i);
            }
            return names;
        };
    }
}
